import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertSource } from '@regwatch/db';
import {
  createTestDatabase,
  freePort,
  type PrivateRedis,
  rssFeed,
  startPrivateRedis,
  type TestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, spawnCli } from './support/cli.ts';
import { scalar } from './support/db.ts';
import { expectCompleteImport } from './support/import-report.ts';

// Issue 12: Redis is the transport, PostgreSQL the truth. Redis losing its data while
// `regwatch import` waits on its entries (flushed, or restarted empty as a failover to an empty
// replica would be) loses nothing: the import's entries are recorded in pending_entries before
// they are enqueued, and what Redis no longer holds is enqueued again from there.
const total = 600;
const feedFile = join(tmpdir(), `regwatch-redis-loss-import-${process.pid}.xml`);
const cleanups: (() => Promise<void>)[] = [];

beforeAll(() => {
  writeFileSync(feedFile, rssFeed({ count: total }));
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function importThroughRedisLoss(label: string, loseData: (redis: PrivateRedis) => Promise<void>) {
  const redis = await startPrivateRedis();
  cleanups.push(() => redis.stop());
  const test: TestDatabase = await createTestDatabase(label);
  cleanups.push(() => test.drop());
  await insertSource(test.database.db, {
    id: 'big',
    name: 'Big feed',
    kind: 'press',
    url: 'https://news.example.org/feed.xml',
    jurisdictions: [],
    pollIntervalSeconds: 3_600,
  });
  const healthPort = await freePort();
  const env = testEnv({
    databaseUrl: test.url,
    prefix: uniquePrefix(label),
    extra: {
      REDIS_URL: redis.url,
      INGEST_HEALTH_PORT: String(healthPort),
      // One at a time, so the loss lands while most entries are still queued.
      PROCESS_CONCURRENCY: '1',
      RECONCILE_AFTER_SECONDS: '1',
    },
  });
  const stored = () => scalar<number>(test.database, sql`select count(*)::int as value from items`);
  const pending = () => scalar<number>(test.database, sql`select count(*)::int as value from pending_entries`);

  const ingest = spawnCli(['start', '--only', 'ingest', '--no-migrate'], env);
  try {
    // The import must find the ingest's workers, not start its own.
    await waitFor(
      async () => (await fetch(`http://127.0.0.1:${healthPort}/readyz`).catch(() => undefined))?.ok || undefined,
      { what: `the ingest process ready\n${ingest.output()}`, timeoutMs: 60_000, intervalMs: 100 },
    );
    const importer = spawnCli(['import', '--source', 'big', feedFile, '--timeout', '300'], env);
    await waitFor(async () => (await stored()) >= 30 || undefined, {
      what: `the first entries stored\n${importer.output()}`,
      timeoutMs: 120_000,
      intervalMs: 20,
    });
    await loseData(redis);
    expect(await stored()).toBeLessThan(total);

    const { code } = await exited(importer);
    const output = importer.output();
    expect(code, output).toBe(0);
    expectCompleteImport(output, total);
    // A clear outcome: the report, and (when the import itself enqueued again what Redis lost,
    // before the ingest's reconciler did) one line saying so; no error, no stack.
    for (const line of output.trim().split('\n')) {
      expect(line).toMatch(
        /: (\d+ entries \(|Redis lost \d+ of the import's entries; enqueued again from PostgreSQL and stored$)/,
      );
    }

    const counts = await scalar<string>(
      test.database,
      sql`select (select count(*) from items) || '/' || (select count(distinct guid) from items) || '/' ||
          (select count(*) from entries) as value`,
    );
    expect(counts).toBe(`${total}/${total}/${total}`);
    await waitFor(async () => (await pending()) === 0 || undefined, { what: 'nothing left pending' });
    // The ingest process lived through it.
    expect(ingest.exitCode, ingest.output()).toBeNull();
    expect(ingest.signalCode, ingest.output()).toBeNull();
  } finally {
    ingest.kill('SIGTERM');
    await exited(ingest);
  }
}

describe('losing Redis mid-import (issue 12)', () => {
  it('stores every entry exactly once after FLUSHALL', { timeout: 300_000 }, async () => {
    await importThroughRedisLoss('redisflush', async (redis) => {
      const client = new Redis(redis.url);
      try {
        await client.flushall();
      } finally {
        client.disconnect();
      }
    });
  });
  it('stores every entry exactly once after Redis restarts empty', { timeout: 300_000 }, async () => {
    await importThroughRedisLoss('redisrestart', (redis) => redis.restartEmpty());
  });
});
