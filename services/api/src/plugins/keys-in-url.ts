import { RegwatchError } from '@regwatch/core';
import type { FastifyRequest } from 'fastify';
import { pathOf } from '../access-policy.ts';
import { credentialParameter, redactCredentials } from '../credentials-in-url.ts';
import { linkTokenParameter } from '../subscriptions/links.ts';
import type { FastifyTypeBox } from '../types.ts';

/**
 * Refuses a request whose URL carries an API key (`?api_key=`, `?token=`, a `rwk_` key in any
 * parameter), on every route, before authentication or the rate limiter look at it: the key
 * belongs in the Authorization header, where logs do not keep it.
 */
const subscriptionPages = new Set([linkTokenParameter]);
const none = new Set<string>();

/**
 * The subscription pages take their signed link token as `?token=` (the emails' links, RFC 8058's
 * one-click URL): let that one through there. It is still redacted in the request log.
 */
const allowedOn = (path: string) => (path.startsWith('/subscriptions/') ? subscriptionPages : none);

export function registerKeysInUrlRefusal(app: FastifyTypeBox): void {
  app.addHook('onRequest', async (request) => {
    const name = credentialParameter(request.url, allowedOn(pathOf(request.url)));
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
