import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import { RegwatchError } from '@regwatch/core';
import type { FastifyRequest } from 'fastify';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

/** The budget a request spends: one per API key, one per client address for anonymous reads and for failures. */
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
      return { key: `anonymous:${address}`, max: config.API_ANONYMOUS_RATE };
  }
}

/**
 * Fixed one-minute windows counted in Redis (@fastify/rate-limit's Redis store: one atomic Lua
 * INCR + PEXPIRE per request), so every API instance sharing REDIS_URL and QUEUE_PREFIX spends
 * the same budgets. Headers follow the IETF draft (RateLimit-Limit, -Remaining, -Reset, and
 * Retry-After on 429). Only data routes are limited (those with a principal; see plugins/auth.ts).
 *
 * If Redis fails, requests are served unlimited rather than refused: the data is public, and an
 * outage of the counter should not become an outage of the API (connection errors are logged by
 * the Redis client's error listener).
 */
export async function registerRateLimits(app: FastifyTypeBox, deps: AppDeps): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: 60_000,
    redis: deps.redis,
    nameSpace: `${deps.config.QUEUE_PREFIX}:ratelimit:`,
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
}
