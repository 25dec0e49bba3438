import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { RouteOptions } from 'fastify';
import { isCacheableRead, isDataPath } from '../access-policy.ts';
import { NotModified, RateLimited, Unauthorized } from '../schemas/common.ts';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

/**
 * What the access plugins do to every data route, added to its schema as it is registered, so
 * the document is generated from the same rules that run (access-policy.ts) and a route added
 * later is described without anyone remembering to: bearer security (optional while anonymous
 * access is on), 401 and 429, and 304 for cacheable reads.
 */
function describeAccess(anonymousAccess: boolean) {
  const security = anonymousAccess ? [{}, { apiKey: [] }] : [{ apiKey: [] }];
  return (route: RouteOptions) => {
    if (!isDataPath(route.url) || route.schema?.hide) return;
    const cacheable = [route.method].flat().every((method) => isCacheableRead(method, route.url));
    route.schema = {
      ...route.schema,
      security,
      response: {
        ...(route.schema?.response as Record<string, unknown> | undefined),
        ...(cacheable ? { 304: NotModified } : {}),
        401: Unauthorized,
        429: RateLimited,
      },
    };
  };
}

/**
 * The docs page runs Swagger UI's scripts from this server (@fastify/swagger-ui ships them: no
 * CDN, so /docs works offline) and fetches the document from it; nothing else is allowed.
 */
const docsContentSecurityPolicy = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
};

/** The OpenAPI 3.1 document (generated from route schemas) at /openapi.json, and /docs to browse and try it. */
export async function registerOpenApi(app: FastifyTypeBox, deps: AppDeps): Promise<void> {
  app.addHook('onRoute', describeAccess(deps.config.API_ANONYMOUS_ACCESS));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Regwatch API',
        version: deps.version,
        description:
          'The merged regulatory newsfeed: items from privacy regulators, incident registers and the trade press. ' +
          'Send an API key as `Authorization: Bearer rwk_…`' +
          (deps.config.API_ANONYMOUS_ACCESS ? ' (optional: without one, reads are limited per address).' : '.') +
          ' Every response to a data route carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset; ' +
          '/v1 reads carry a strong ETag and answer `If-None-Match` with 304.',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'rwk_<public id>_<secret>',
            description: 'An API key from `regwatch apikey create`',
          },
        },
      },
      tags: [
        { name: 'items', description: 'Articles and notices' },
        { name: 'stories', description: "One event, every outlet's article folded under it" },
        { name: 'sources', description: 'Watched publishers' },
        { name: 'feeds', description: 'RSS, Atom and JSON Feed for feed readers, with the same filters' },
        { name: 'catalog', description: 'The values the filters take: platforms, jurisdictions, topics' },
        { name: 'webhooks', description: "Story events POSTed to a partner's URL, signed (Standard Webhooks)" },
        { name: 'roundup', description: 'The weekly roundup email: its editions, and signing up for it' },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: docsContentSecurityPolicy,
    theme: { title: 'Regwatch API' },
    uiConfig: { deepLinking: true, persistAuthorization: false },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
