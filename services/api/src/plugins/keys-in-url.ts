import { RegwatchError } from '@regwatch/core';
import type { FastifyRequest } from 'fastify';
import { credentialParameter, redactCredentials } from '../credentials-in-url.ts';
import type { FastifyTypeBox } from '../types.ts';

/**
 * Refuses a request whose URL carries an API key (`?api_key=`, `?token=`, a `rwk_` key in any
 * parameter), on every route, before authentication or the rate limiter look at it: the key
 * belongs in the Authorization header, where logs do not keep it.
 */
export function registerKeysInUrlRefusal(app: FastifyTypeBox): void {
  app.addHook('onRequest', async (request) => {
    const name = credentialParameter(request.url);
    if (name === undefined) return;
    throw new RegwatchError(
      'invalid_parameter',
      `query parameter "${name}" looks like an API key: send keys only in the Authorization header ` +
        '("Authorization: Bearer rwk_…"), never in the URL',
    );
  });
}

/**
 * Fastify's `req` log serializer with the URL's credentials redacted: the "incoming request"
 * line is written before any hook could refuse the request.
 */
export function requestLogSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactCredentials(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
