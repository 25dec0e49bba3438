import type { Duplex } from 'node:stream';
import { type ErrorCode, errorCodes, isRegwatchError } from '@regwatch/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string) {
  return reply.status(status).send({ error: { code, message } });
}

/** Fastify's own client errors, by status, in our vocabulary. */
const clientErrorCodes: Record<number, ErrorCode> = {
  400: 'invalid_parameter',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
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

/** What the router's own refusals (answered before any hook or error handler runs) say. */
const routerRefusals: Record<string, string> = {
  FST_ERR_MAX_PARAM_LENGTH: 'a path segment is longer than 200 characters',
  FST_ERR_BAD_URL: 'the URL is not validly percent-encoded',
};

/**
 * Fastify's `frameworkErrors`: errors its router raises before the error handler exists for
 * the request (an over-long path parameter, a malformed URL). Without it they are answered in
 * Fastify's shape, echoing the path.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  const code = status >= 500 ? 'internal' : (clientErrorCodes[status] ?? 'invalid_parameter');
  if (status >= 500) request.log.error({ err: error }, 'request failed before routing');
  const message = status >= 500 ? 'internal error' : (routerRefusals[error.code] ?? 'the URL cannot be routed');
  void send(reply, status, code, message);
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (request line and headers over
 * 16 KiB, a timeout, garbage) still get an answer in the error shape, not Fastify's own.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, message]: [number, string, ErrorCode, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'the request line and headers exceed 16 KiB']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'request_timeout', 'the request was not received in time']
        : [400, 'Bad Request', 'invalid_parameter', 'the request is not valid HTTP'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
