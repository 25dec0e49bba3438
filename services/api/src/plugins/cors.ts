import cors, { type FastifyCorsOptions } from '@fastify/cors';
import { allowsCrossOrigin, pathOf } from '../access-policy.ts';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

const noCors: FastifyCorsOptions = { origin: false };

/**
 * Public reads only: any origin (`*`), GET and HEAD, never credentials. `Authorization` is not
 * an allowed request header, so a browser cannot send an API key cross-origin (keys belong on
 * servers, not in pages), and a request that carries one gets no CORS headers. With no
 * credentials involved, `*` exposes nothing a plain HTTP client could not fetch, so there is
 * no list of origins to configure.
 */
export async function registerCors(app: FastifyTypeBox, deps: AppDeps): Promise<void> {
  const publicRead: FastifyCorsOptions = {
    origin: '*',
    credentials: false,
    methods: ['GET', 'HEAD'],
    allowedHeaders: ['If-None-Match'],
    exposedHeaders: ['ETag', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'],
    maxAge: 3_600,
  };
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request, callback) => {
      const allowed =
        allowsCrossOrigin(pathOf(request.url), deps.config.API_ANONYMOUS_ACCESS) &&
        request.headers.authorization === undefined;
      callback(null, allowed ? publicRead : noCors);
    },
  });
}
