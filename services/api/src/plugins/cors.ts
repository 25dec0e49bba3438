import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import { allowsCrossOrigin, pathOf } from '../access-policy.ts';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

const noCors: FastifyCorsOptions = { origin: false };

const publicRead = {
  origin: '*',
  credentials: false,
  methods: ['GET', 'HEAD'],
  allowedHeaders: ['If-None-Match'],
  exposedHeaders: ['ETag', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'],
  maxAge: 3_600,
} satisfies FastifyCorsOptions;

/**
 * What @fastify/cors sets on a request that is not a preflight, for each answer of the delegator
 * (which makes it add `Vary: Origin` either way), computed once.
 */
const simpleRequestHeaders = {
  allowed: {
    vary: 'Origin',
    'access-control-allow-origin': publicRead.origin,
    'access-control-expose-headers': publicRead.exposedHeaders.join(', '),
  },
  refused: { vary: 'Origin' },
};

/**
 * Public reads only: any origin (`*`), GET and HEAD, never credentials. `Authorization` is not
 * an allowed request header, so a browser cannot send an API key cross-origin (keys belong on
 * servers, not in pages), and a request that carries one gets no CORS headers. With no
 * credentials involved, `*` exposes nothing a plain HTTP client could not fetch, so there is
 * no list of origins to configure.
 *
 * Preflights (OPTIONS) are @fastify/cors's, in a scope of their own; every other request gets its
 * fixed headers from one hook here, rather than the plugin resolving the same options per request.
 */
export async function registerCors(app: FastifyTypeBox, deps: AppDeps): Promise<void> {
  const allowed = (request: FastifyRequest) =>
    allowsCrossOrigin(pathOf(request.url), deps.config.API_ANONYMOUS_ACCESS) &&
    request.headers.authorization === undefined;
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'OPTIONS') {
      reply.headers(allowed(request) ? simpleRequestHeaders.allowed : simpleRequestHeaders.refused);
    }
    done();
  });
  // Only the plugin's own `OPTIONS *` route is in this scope, so only preflights run its hook.
  await app.register(async (preflights) => {
    await preflights.register(cors, {
      hook: 'onRequest',
      delegator: (request, callback) => callback(null, allowed(request) ? publicRead : noCors),
    });
  });
}
