import type { Duplex } from 'node:stream';
import { type ErrorCode, errorCodes, isRegwatchError } from '@regwatch/core';
import { describeConnectionError, isConnectionError } from '@regwatch/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ValidationIssue, validationMessage } from './validation-message.ts';

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string) {
  return reply.status(status).send({ error: { code, message } });
}

/**
 * Seconds a client is told to wait when PostgreSQL is away: a restart takes a second or two,
 * and the pool reconnects on the first request after it.
 */
export const unavailableRetryAfterSeconds = 2;

/** 503 `unavailable` with Retry-After: the caller did nothing wrong and will succeed later. */
function sendUnavailable(reply: FastifyReply) {
  reply.header('retry-after', String(unavailableRetryAfterSeconds));
  return send(
    reply,
    503,
    'unavailable',
    `the service is temporarily unavailable; retry in ${unavailableRetryAfterSeconds} seconds`,
  );
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
 * Whether the parameter validation refused holds a NUL character: every string parameter's
 * schema refuses one (schemas/common.ts), and the words of its other pattern would not say why.
 */
function holdsNul(request: FastifyRequest, where: string, name: string): boolean {
  const values = where === 'querystring' ? request.query : where === 'params' ? request.params : undefined;
  const value = (values as Record<string, unknown> | undefined)?.[name];
  const texts = Array.isArray(value) ? value : [value];
  return texts.some((text) => typeof text === 'string' && text.includes('\u0000'));
}

/** During an outage every request fails the same way: the log says so once per this many ms. */
const outageLogIntervalMs = 10_000;

/**
 * One place maps every error to `{ error: { code, message } }`. Client errors say what was
 * wrong and what is accepted (validation-message.ts, from the schema that refused it); server
 * errors say nothing about internals: the details (SQL, stack) go to the log with the request
 * id, never to the client.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  let outageLoggedAt = Number.NEGATIVE_INFINITY;
  let refusedSinceLogged = 0;
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const first = error.validation[0] as ValidationIssue | undefined;
      const where = error.validationContext ?? 'request';
      const message = first
        ? validationMessage(first, where, (name) => holdsNul(request, where, name))
        : 'the request is not valid';
      return send(reply, 400, 'invalid_parameter', message);
    }
    // PostgreSQL refused the connection, is restarting or dropped it (also wrapped by drizzle,
    // whose message carries the SQL): one line without the statement, and 503, not 500.
    if (isConnectionError(error)) {
      refusedSinceLogged += 1;
      const now = Date.now();
      if (now - outageLoggedAt >= outageLogIntervalMs) {
        request.log.warn(
          { reason: describeConnectionError(error), refused: refusedSinceLogged },
          'database unavailable: answering 503',
        );
        outageLoggedAt = now;
        refusedSinceLogged = 0;
      }
      return sendUnavailable(reply);
    }
    if (isRegwatchError(error)) {
      if (error.status < 500) return send(reply, error.status, error.code, error.message);
      request.log.error({ err: error }, 'request failed');
      if (error.code === 'unavailable') return sendUnavailable(reply);
      return send(reply, error.status, error.code, 'internal error');
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
