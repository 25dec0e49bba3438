import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { RouteOptions } from 'fastify';
import { isCacheableRead, isDataPath, requiresApiKey } from '../access-policy.ts';
import { NotModified, RateLimited, Unauthorized } from '../schemas/common.ts';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

/** Stable, camelCase: what client generators name their methods after (`listItems`, `getStory`). */
const operationIdPattern = /^[a-z][A-Za-z0-9]*$/;

/**
 * Checks and completes every documented route's schema as it is registered, so the document is
 * generated from the same rules that run (access-policy.ts) and a route added later cannot be
 * forgotten:
 * - an `operationId` is required (camelCase, unique): registering a documented route without
 *   one throws, so the app does not build;
 * - data routes get the access plugins' effects: bearer security (optional while anonymous
 *   access is on, except on the routes that act for a key), 401 and 429, and 304 for cacheable reads;
 * - every other documented route is declared open (`security: []`) unless it says otherwise.
 */
function describeRoutes(anonymousAccess: boolean) {
  const keyed = [{ apiKey: [] }];
  const security = anonymousAccess ? [{}, ...keyed] : keyed;
  const operationIds = new Map<string, string>();
  return (route: RouteOptions) => {
    if (route.schema?.hide) return;
    const where = `${[route.method].flat().join(',')} ${route.url}`;
    const operationId = route.schema?.operationId;
    if (typeof operationId !== 'string' || !operationIdPattern.test(operationId)) {
      throw new Error(`${where} has no camelCase operationId: give every documented route one (or hide it)`);
    }
    // Fastify adds a HEAD route beside each GET, with the same schema (left out of the document).
    const taken = operationIds.get(operationId);
    if (taken !== undefined && taken !== route.url) {
      throw new Error(`${where} reuses the operationId ${operationId} of ${taken}`);
    }
    operationIds.set(operationId, route.url);
    if (!isDataPath(route.url)) {
      route.schema = { security: [], ...route.schema };
      return;
    }
    const cacheable = [route.method].flat().every((method) => isCacheableRead(method, route.url));
    route.schema = {
      ...route.schema,
      security: requiresApiKey(route.url) ? keyed : security,
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
  app.addHook('onRoute', describeRoutes(deps.config.API_ANONYMOUS_ACCESS));
  const publicUrl = deps.config.PUBLIC_URL;
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
        license: { name: 'GNU Affero General Public License v3.0 or later', identifier: 'AGPL-3.0-or-later' },
        contact: publicUrl
          ? { name: 'The editors of this Regwatch instance', url: `${publicUrl}/` }
          : { name: 'The editors of this Regwatch instance' },
      },
      // PUBLIC_URL when set (as feeds and emails link to it); else the server that sent the document.
      servers: [
        publicUrl ? { url: publicUrl, description: 'This instance' } : { url: '/', description: 'This server' },
      ],
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
        { name: 'health', description: 'Liveness and readiness, for orchestrators and load balancers' },
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
