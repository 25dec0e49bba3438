import { createQueues, createRedis, type Queues } from '@regwatch/queue';
import {
  createTestDatabase,
  deletePrefix,
  type FixtureServer,
  startFixtureServer,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from '@regwatch/testing';
import { createFetchDispatcher, type PollDeps } from '../src/index.ts';

export interface PollHarness {
  test: TestDatabase;
  server: FixtureServer;
  queues: Queues;
  deps: PollDeps;
  close(): Promise<void>;
}

/**
 * What a poll test needs, isolated per file: its own database and queue prefix, a fixture HTTP
 * server on loopback (allowed, as FETCH_ALLOW_ADDRESSES does in tests), and a fixed clock a
 * minute ahead of the real one, so new sources (next check: now()) are due.
 */
export async function startPollHarness(name: string, timeoutMs = 500): Promise<PollHarness> {
  const prefix = uniquePrefix(name);
  const redis = createRedis(testRedisUrl, 'worker');
  const dispatcher = createFetchDispatcher({ allow: ['127.0.0.0/8', '::1/128'] });
  const now = new Date(Math.ceil(Date.now() / 1_000) * 1_000 + 60_000);
  const test = await createTestDatabase(name);
  const server = await startFixtureServer();
  const queues = createQueues({ connection: redis, prefix });
  return {
    test,
    server,
    queues,
    deps: {
      db: test.database.db,
      processQueue: queues.process,
      dispatcher,
      limits: { timeoutMs, maxBytes: 256 * 1024, maxRedirects: 5, userAgent: 'test' },
      now: () => now,
      random: () => 0.5,
    },
    async close() {
      await queues.close();
      redis.disconnect();
      await deletePrefix(prefix);
      await dispatcher.close();
      await server.close();
      await test.drop();
    },
  };
}
