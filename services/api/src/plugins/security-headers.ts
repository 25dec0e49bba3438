import helmet from '@fastify/helmet';
import type { FastifyTypeBox } from '../types.ts';

/**
 * Helmet's headers on every response (nosniff, HSTS, frame and referrer policies, COOP/CORP).
 * The API serves JSON and feeds, so its Content-Security-Policy allows nothing at all; /docs
 * (plugins/openapi.ts) and the roundup's pages (plugins/pages.ts) set their own.
 */
export async function registerSecurityHeaders(app: FastifyTypeBox): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
