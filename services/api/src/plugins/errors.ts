import { type ErrorCode, errorCodes, isRegwatchError } from '@regwatch/core';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string) {
  return reply.status(status).send({ error: { code, message } });
}

/** Fastify's own client errors, by status, in our vocabulary. */
const clientErrorCodes: Record<number, ErrorCode> = {
  400: 'invalid_parameter',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/**
 * One place maps every error to `{ error: { code, message } }`. Client errors say what was
 * wrong (validation names the parameter); server errors say nothing about internals: the
 * details (SQL, stack) go to the log with the request id, never to the client.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const first = error.validation[0];
      const where = error.validationContext ?? 'request';
      const path = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
      const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
      const extra = (first?.params as { additionalProperty?: string } | undefined)?.additionalProperty;
      const name = extra ?? missing ?? path;
      const detail = extra ? 'is not a known parameter' : (first?.message ?? 'is invalid');
      return send(reply, 400, 'invalid_parameter', `${where} parameter "${name}" ${detail}`.replace(/ {2,}/g, ' '));
    }
    if (isRegwatchError(error)) {
      if (error.status < 500) return send(reply, error.status, error.code, error.message);
      request.log.error({ err: error }, 'request failed');
      const message = error.code === 'unavailable' ? 'service temporarily unavailable' : 'internal error';
      return send(reply, error.status, error.code, message);
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const code = clientErrorCodes[status] ?? 'invalid_parameter';
      return send(reply, status, code, error.message);
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, 500, 'internal', 'internal error');
  });

  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      errorCodes.not_found.status,
      'not_found',
      `no route for ${request.method} ${request.url.split('?')[0]}`,
    ),
  );
}
