import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import { RegwatchError } from '@regwatch/core';
import type { FastifyRequest } from 'fastify';
import { isFeedPath } from '../access-policy.ts';
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

/** Gives back the unit a request spent, if its window is still open (never opens one). */
const refundScript = `
  if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end
  return 0`;

/**
 * Fixed one-minute windows counted in Redis (@fastify/rate-limit's Redis store: one atomic Lua
 * INCR + PEXPIRE per request), so every API instance sharing REDIS_URL and QUEUE_PREFIX spends
 * the same budgets. Headers follow the IETF draft (RateLimit-Limit, -Remaining, -Reset, and
 * Retry-After on 429). Only data routes are limited (those with a principal; see plugins/auth.ts).
 *
 * A feed answered 304 Not Modified is given its unit back once sent: revalidating is what a
 * polite reader does, and it costs the server a hash comparison (the rendered feed is kept in
 * memory). The limiter counts before the route runs, so the refund comes after it; it uses the
 * store's key (`nameSpace` + our key, the plugin's Redis store layout, pinned by a test).
 *
 * If Redis fails, requests are served unlimited rather than refused: the data is public, and an
 * outage of the counter should not become an outage of the API (connection errors are logged by
 * the Redis client's error listener).
 */
export async function registerRateLimits(app: FastifyTypeBox, deps: AppDeps): Promise<void> {
  const nameSpace = `${deps.config.QUEUE_PREFIX}:ratelimit:`;
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: 60_000,
    redis: deps.redis,
    nameSpace,
    enableDraftSpec: true,
    skipOnError: true,
    allowList: (request) => request.principal === null,
    keyGenerator: (request) => budget(request, deps.config).key,
    max: (request) => budget(request, deps.config).max,
    errorResponseBuilder: (request, context) =>
      new RegwatchError(
        'rate_limited',
        request.principal?.kind === 'rejected'
          ? `too many requests without a valid API key from this address; retry in ${context.after}`
          : `rate limit of ${context.max} requests per minute exceeded; retry in ${context.after}`,
      ),
  });
  // onSend, before the 304 leaves: the refund reaches Redis ahead of the reader's next request.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 304 || request.principal === null) return payload;
    if (!isFeedPath(request.routeOptions.url ?? '')) return payload;
    try {
      await deps.redis.eval(refundScript, 1, `${nameSpace}${budget(request, deps.config).key}`);
    } catch (error) {
      request.log.warn({ err: error }, 'could not give back the rate-limit unit of a 304');
    }
    return payload;
  });
}
