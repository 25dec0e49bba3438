import { ingestConfigFields, loadConfig } from '@regwatch/config';
import { countPendingEntries, insertSource } from '@regwatch/db';
import { pollNow } from '@regwatch/queue';
import {
  createTestDatabase,
  type FixtureServer,
  feedHandler,
  type PrivateRedis,
  rssFeed,
  startFixtureServer,
  startPrivateRedis,
  type TestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startIngest } from '../src/index.ts';

// Issue 12: Redis is the transport, PostgreSQL the truth. Items a poll read but had not stored
// when Redis lost its data come back from PostgreSQL (pending_entries) once Redis is back.
const total = 400;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function pollThroughRedisLoss(label: string, loseData: (redis: PrivateRedis) => Promise<void>) {
  const test: TestDatabase = await createTestDatabase(label);
  cleanups.push(() => test.drop());
  const server: FixtureServer = await startFixtureServer();
  cleanups.push(() => server.close());
  server.route(
    '/feed.xml',
    feedHandler(() => rssFeed({ count: total })),
  );
  const redis = await startPrivateRedis();
  cleanups.push(() => redis.stop());
  await insertSource(test.database.db, {
    id: 'big',
    name: 'Big feed',
    kind: 'press',
    url: `${server.url}/feed.xml`,
    jurisdictions: [],
    pollIntervalSeconds: 3_600,
  });
  const counts = async () => {
    const result = await test.database.db.execute<{ items: number; guids: number; entries: number }>(
      sql`select (select count(*)::int from items) as items, (select count(distinct guid)::int from items) as guids,
                 (select count(*)::int from entries) as entries`,
    );
    return result.rows[0] ?? { items: 0, guids: 0, entries: 0 };
  };
  const config = loadConfig(
    ingestConfigFields,
    testEnv({
      databaseUrl: test.url,
      prefix: uniquePrefix(label),
      extra: { REDIS_URL: redis.url, PROCESS_CONCURRENCY: '1', RECONCILE_AFTER_SECONDS: '1' },
    }),
  );
  const ingest = await startIngest({ config, db: test.database.db, logger: pino({ level: 'silent' }) });
  try {
    await pollNow(ingest.queues.poll, 'big');
    // Some stored, most still queued in Redis only.
    await waitFor(async () => (await counts()).items >= 20, { what: 'the first items stored', timeoutMs: 60_000 });
    await loseData(redis);
    const before = await counts();
    expect(before.items).toBeLessThan(total);
    expect(await countPendingEntries(test.database.db)).toBeGreaterThan(0);

    // The boot steps run again (on reconnect, or when the ingest finds its maintenance
    // scheduler gone) and re-enqueue what PostgreSQL says is pending.
    await waitFor(async () => (await counts()).items === total, {
      what: `all ${total} items after Redis lost its data`,
      timeoutMs: 120_000,
      intervalMs: 250,
    });
    expect(await counts()).toEqual({ items: total, guids: total, entries: total });
    await waitFor(async () => (await countPendingEntries(test.database.db)) === 0, {
      what: 'nothing left pending',
    });
  } finally {
    await ingest.close();
  }
}

describe('losing Redis mid-poll (issue 12)', () => {
  it('stores every entry of the polled document exactly once after Redis comes back empty', {
    timeout: 180_000,
  }, async () => {
    await pollThroughRedisLoss('redisloss', (redis) => redis.restartEmpty());
  });
  it('stores every entry of the polled document exactly once after FLUSHALL (no reconnect)', {
    timeout: 180_000,
  }, async () => {
    await pollThroughRedisLoss('redislossflush', async (redis) => {
      const client = new Redis(redis.url);
      try {
        await client.flushall();
      } finally {
        client.disconnect();
      }
    });
  });
});
