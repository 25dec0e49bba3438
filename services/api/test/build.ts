import { type ApiConfig, apiConfigFields, loadConfig } from '@regwatch/config';
import type { Database } from '@regwatch/db';
import { createRedis, waitForRedis } from '@regwatch/queue';
import type { Metrics } from '@regwatch/runtime';
import { deletePrefix, testRedisUrl, uniquePrefix } from '@regwatch/testing';
import type { Redis } from 'ioredis';
import pino, { type Logger } from 'pino';
import { buildApp } from '../src/index.ts';
import type { AppDeps, Lifecycle } from '../src/types.ts';

export interface TestAppOptions {
  redisUrl?: string;
  /** A Redis client of the test's own (it closes it), instead of one that never reconnects. */
  redis?: Redis;
  /** Overrides of the default configuration (the config defaults, a fresh QUEUE_PREFIX, a high anonymous rate). */
  config?: Partial<ApiConfig>;
  now?: () => number;
  /** Where the app logs; silent unless a test reads the log. */
  logger?: Logger;
  /** Serves /metrics and counts requests into it. */
  metrics?: Metrics;
}

/**
 * The API over a test database, with a silent logger and its own Redis prefix (pass the same
 * QUEUE_PREFIX to two apps to make them share rate-limit budgets, like two instances).
 * Anonymous reads are nearly unlimited unless a test sets API_ANONYMOUS_RATE or FEED_ANONYMOUS_RATE: tests not about
 * rate limits must not trip them. close() releases Redis and deletes the prefix's keys.
 */
export async function buildTestApp(database: Database, options: TestAppOptions = {}) {
  const config: AppDeps['config'] = {
    ...loadConfig(apiConfigFields, {}),
    QUEUE_PREFIX: uniquePrefix('api'),
    API_ANONYMOUS_RATE: 100_000,
    FEED_ANONYMOUS_RATE: 100_000,
    // Tests change data between requests: reused bodies only where a test asks for them.
    API_RESPONSE_CACHE_SECONDS: 0,
    ...options.config,
  };
  const redis = options.redis ?? createRedis(options.redisUrl ?? testRedisUrl, 'client', { retryStrategy: () => null });
  redis.on('error', () => undefined);
  // Requests sent before the connection is ready would pass the rate limiter uncounted.
  if (!options.redisUrl) await waitForRedis(redis);
  const lifecycle: Lifecycle = { draining: false };
  const app = await buildApp({
    config,
    database,
    redis,
    logger: options.logger ?? pino({ level: 'silent' }),
    lifecycle,
    version: 'test',
    ...(options.now ? { now: options.now } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  return {
    app,
    config,
    lifecycle,
    async close() {
      await app.close();
      if (!options.redis) redis.disconnect();
      if (!options.redisUrl && !options.redis) await deletePrefix(config.QUEUE_PREFIX);
    },
  };
}
