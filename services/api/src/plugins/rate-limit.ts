import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import { RegwatchError } from '@regwatch/core';
import type { FastifyRequest } from 'fastify';
import { isFeedPath } from '../access-policy.ts';
import { SyncedCounters } from '../synced-rate-limit-store.ts';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

/**
 * The budget a request spends: one per API key (every route), one per client address for
 * anonymous /v1 reads, another per address for anonymous feed reads, one per address for failures.
 * Feed readers get their own: an office importing the 40-feed OPML fetches 40 feeds at once and
 * polls them again and again, which must neither hit 429 nor spend its people's /v1 budget.
 */
function budget(request: FastifyRequest, config: AppDeps['config']): { key: string; max: number } {
  const principal = request.principal;
  // IPv6 clients usually hold a whole /64: count it as one address, as the plugin does by default.
  const address = normalizeIP(request.ip);
  switch (principal?.kind) {
    case 'api_key':
      return { key: `key:${principal.keyId}`, max: principal.ratePerMinute ?? config.API_KEY_DEFAULT_RATE };
    case 'rejected':
      return { key: `auth-failure:${address}`, max: config.API_AUTH_FAILURE_RATE };
    default:
      return isFeedPath(request.routeOptions.url ?? '')
        ? { key: `feeds:${address}`, max: config.FEED_ANONYMOUS_RATE }
        : { key: `anonymous:${address}`, max: config.API_ANONYMOUS_RATE };
  }
}

/**
 * Fixed one-minute windows shared through Redis by every API instance with the same REDIS_URL and
 * QUEUE_PREFIX, counted by `SyncedCounters`: each instance decides from local counts and
 * reconciles them with Redis a few times a second, so a request costs no Redis round trip (README
 * "Rate limits" states how far a key may go over across instances). Headers follow the IETF draft
 * (RateLimit-Limit, -Remaining, -Reset, and Retry-After on 429). Only data routes are limited
 * (those with a principal; see plugins/auth.ts).
 *
 * A feed answered 304 Not Modified is given its unit back: revalidating is what a polite reader
 * does, and it costs the server a hash comparison (the rendered feed is kept in memory). The
 * limiter counts before the route runs, so the refund comes after it, as a local decrement sent
 * with the next sync.
 *
 * If Redis fails, each instance limits on its own counts rather than refusing: the data is public,
 * and an outage of the counter should not become an outage of the API.
 */
export async function registerRateLimits(app: FastifyTypeBox, deps: AppDeps): Promise<void> {
  const timeWindow = 60_000;
  // The key, the budget and a feed's refund all ask: worked out once per request.
  const budgets = new WeakMap<FastifyRequest, { key: string; max: number }>();
  const budgetOf = (request: FastifyRequest) => {
    let known = budgets.get(request);
    if (!known) {
      known = budget(request, deps.config);
      budgets.set(request, known);
    }
    return known;
  };
  const counters = new SyncedCounters(deps.redis, `${deps.config.QUEUE_PREFIX}:ratelimit:`, timeWindow);
  app.addHook('onClose', () => counters.close());
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow,
    store: counters.asStore(),
    enableDraftSpec: true,
    skipOnError: true,
    allowList: (request) => request.principal === null,
    keyGenerator: (request) => budgetOf(request).key,
    max: (request) => budgetOf(request).max,
    errorResponseBuilder: (request, context) =>
      new RegwatchError(
        'rate_limited',
        request.principal?.kind === 'rejected'
          ? `too many requests without a valid API key from this address; retry in ${context.after}`
          : `rate limit of ${context.max} requests per minute exceeded; retry in ${context.after}`,
      ),
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 304 || request.principal === null) return payload;
    if (isFeedPath(request.routeOptions.url ?? '')) counters.refund(budgetOf(request).key);
    return payload;
  });
}
