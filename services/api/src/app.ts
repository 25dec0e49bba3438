import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { feedCache, servedFeeds } from './feeds/feed-cache.ts';
import { registerAuthentication } from './plugins/auth.ts';
import { registerCaching } from './plugins/caching.ts';
import { registerCors } from './plugins/cors.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './plugins/errors.ts';
import { registerKeysInUrlRefusal, requestLogSerializer } from './plugins/keys-in-url.ts';
import { registerRequestMetrics } from './plugins/metrics.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerPageScope } from './plugins/pages.ts';
import { registerRateLimits } from './plugins/rate-limit.ts';
import { maxBodyBytes, registerRequestLimits } from './plugins/request-limits.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerConsole } from './routes/console/index.ts';
import { newsFeedRoutes } from './routes/feeds/news-feeds.ts';
import { opmlRoutes } from './routes/feeds/opml.ts';
import { feedStylesheetRoute } from './routes/feeds/stylesheet.ts';
import { healthzRoute } from './routes/healthz.ts';
import { metricsRoute } from './routes/metrics.ts';
import { readyzRoute } from './routes/readyz.ts';
import { roundupPageRoutes } from './routes/roundups/pages.ts';
import { subscribeFormRoutes } from './routes/subscribe/form.ts';
import { confirmRoutes } from './routes/subscriptions/confirm.ts';
import { manageRoutes } from './routes/subscriptions/manage.ts';
import { unsubscribeRoutes } from './routes/subscriptions/unsubscribe.ts';
import { getDigestRoute } from './routes/v1/digest/get.ts';
import { getItemRoute } from './routes/v1/items/get.ts';
import { listItemsRoute } from './routes/v1/items/list.ts';
import { listJurisdictionsRoute } from './routes/v1/jurisdictions/list.ts';
import { listPlatformsRoute } from './routes/v1/platforms/list.ts';
import { getRoundupRoute } from './routes/v1/roundups/get.ts';
import { listRoundupsRoute } from './routes/v1/roundups/list.ts';
import { listSourcesRoute } from './routes/v1/sources/list.ts';
import { getStoryRoute } from './routes/v1/stories/get.ts';
import { listStoryItemsRoute } from './routes/v1/stories/items.ts';
import { listStoriesRoute } from './routes/v1/stories/list.ts';
import { createSubscriptionRoute } from './routes/v1/subscriptions/create.ts';
import { listTopicsRoute } from './routes/v1/topics/list.ts';
import { createWebhookRoute } from './routes/v1/webhooks/create.ts';
import { deleteWebhookRoute } from './routes/v1/webhooks/delete.ts';
import { listWebhookDeliveriesRoute } from './routes/v1/webhooks/deliveries.ts';
import { getWebhookRoute } from './routes/v1/webhooks/get.ts';
import { listWebhooksRoute } from './routes/v1/webhooks/list.ts';
import { newsfeedRoute } from './routes/web/newsfeed.ts';
import { sourcesPageRoute } from './routes/web/sources.ts';
import { storyPageRoute } from './routes/web/story.ts';
import { acceptsKeyword } from './schemas/common.ts';
import { subscriptions as subscriptionParts } from './subscriptions/context.ts';
import { tagCountsCache } from './tag-counts-cache.ts';
import type { AppDeps, FastifyTypeBox } from './types.ts';

/**
 * Builds the API without listening: tests drive it with `inject`, `server.ts` listens.
 * Every route declares its request and response schemas; /openapi.json is generated from them.
 *
 * Order matters: every request first gets the security headers, then the URL limit and the
 * refusal of API keys in the URL, CORS
 * (which answers preflights itself), authentication; each data route then runs the rate limiter
 * (a route-level hook, so after all of these), then the 401 of a rejected caller, then
 * validation and the handler; caching rewrites the response on its way out.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyTypeBox> {
  const app = Fastify({
    // Fastify prefers the instance's own serializers to its defaults: the request line's URL
    // is logged with any API key in it redacted.
    loggerInstance: deps.logger.child({}, { serializers: { req: requestLogSerializer } }),
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: maxBodyBytes,
    clientErrorHandler,
    frameworkErrors,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Unknown query parameters are errors, not silently dropped. `verbose` hands the error
    // handler the schema that refused a value, to say in words what it accepts (x-accepts).
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        verbose: true,
        keywords: [acceptsKeyword],
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  if (deps.metrics) registerRequestMetrics(app, deps.metrics);
  registerSecurityHeaders(app);
  registerRequestLimits(app);
  registerKeysInUrlRefusal(app);
  await registerCors(app, deps);
  registerAuthentication(app, deps);
  await registerRateLimits(app, deps);
  registerCaching(app, deps);
  await registerOpenApi(app, deps);

  healthzRoute(app);
  readyzRoute(app, deps);
  if (deps.metrics) metricsRoute(app, deps, deps.metrics);
  listItemsRoute(app, deps);
  getItemRoute(app, deps);
  listStoriesRoute(app, deps);
  getStoryRoute(app, deps);
  listStoryItemsRoute(app, deps);
  getDigestRoute(app, deps);
  listSourcesRoute(app, deps);
  const tagCounts = tagCountsCache(deps.database);
  listPlatformsRoute(app, tagCounts);
  listJurisdictionsRoute(app, tagCounts);
  listTopicsRoute(app, tagCounts);
  const feedTtlMs = deps.config.FEED_CACHE_SECONDS * 1_000;
  newsFeedRoutes(app, deps, feedCache(feedTtlMs), servedFeeds(feedTtlMs));
  opmlRoutes(app, deps, tagCounts);
  feedStylesheetRoute(app);
  listRoundupsRoute(app, deps);
  getRoundupRoute(app, deps);
  const subscriptions = subscriptionParts(app, deps);
  createSubscriptionRoute(app, subscriptions);
  createWebhookRoute(app, deps);
  listWebhooksRoute(app, deps);
  getWebhookRoute(app, deps);
  deleteWebhookRoute(app, deps);
  listWebhookDeliveriesRoute(app, deps);
  // The HTML pages: their own body parsing and error pages (plugins/pages.ts).
  await registerPageScope(app, (pages) => {
    subscribeFormRoutes(pages, subscriptions);
    confirmRoutes(pages, subscriptions);
    manageRoutes(pages, subscriptions);
    unsubscribeRoutes(pages, subscriptions);
    roundupPageRoutes(pages, deps);
    newsfeedRoute(pages, deps, tagCounts);
    storyPageRoute(pages, deps);
    sourcesPageRoute(pages, deps);
  });
  // The editor's console: its own cookies, CSRF protection and sign-in (routes/console/index.ts).
  await registerConsole(app, deps);

  return app;
}
