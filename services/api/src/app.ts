import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { registerErrorHandling } from './plugins/errors.ts';
import { healthzRoute } from './routes/healthz.ts';
import { readyzRoute } from './routes/readyz.ts';
import { getItemRoute } from './routes/v1/items/get.ts';
import { listItemsRoute } from './routes/v1/items/list.ts';
import { listSourcesRoute } from './routes/v1/sources/list.ts';
import { getStoryRoute } from './routes/v1/stories/get.ts';
import { listStoriesRoute } from './routes/v1/stories/list.ts';
import type { AppDeps, FastifyTypeBox } from './types.ts';

/**
 * Builds the API without listening: tests drive it with `inject`, `server.ts` listens.
 * Every route declares its request and response schemas; /openapi.json is generated from them.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyTypeBox> {
  const app = Fastify({
    loggerInstance: deps.logger,
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: 64 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Unknown query parameters are errors, not silently dropped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Regwatch API',
        version: deps.version,
        description:
          'The merged regulatory newsfeed: items from privacy regulators, incident registers and the trade press.',
      },
      tags: [
        { name: 'items', description: 'Articles and notices' },
        { name: 'stories', description: "One event, every outlet's article folded under it" },
        { name: 'sources', description: 'Watched publishers' },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
  });

  healthzRoute(app);
  readyzRoute(app, deps);
  listItemsRoute(app, deps);
  getItemRoute(app, deps);
  listStoriesRoute(app, deps);
  getStoryRoute(app, deps);
  listSourcesRoute(app, deps);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}
