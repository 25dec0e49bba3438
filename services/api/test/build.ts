import type { Database } from '@regwatch/db';
import { createRedis } from '@regwatch/queue';
import { testRedisUrl } from '@regwatch/testing';
import pino from 'pino';
import { buildApp } from '../src/index.ts';
import type { Lifecycle } from '../src/types.ts';

/** The API over a test database, with a silent logger; close() releases its Redis connection too. */
export async function buildTestApp(database: Database, options: { redisUrl?: string } = {}) {
  const redis = createRedis(options.redisUrl ?? testRedisUrl, 'client', { retryStrategy: () => null });
  redis.on('error', () => undefined);
  const lifecycle: Lifecycle = { draining: false };
  const app = await buildApp({
    config: { TRUST_PROXY: false },
    database,
    redis,
    logger: pino({ level: 'silent' }),
    lifecycle,
    version: 'test',
  });
  return {
    app,
    lifecycle,
    async close() {
      await app.close();
      redis.disconnect();
    },
  };
}
