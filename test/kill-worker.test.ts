import { createDatabase, insertSource } from '@regwatch/db';
import {
  createTestDatabase,
  deletePrefix,
  type FixtureServer,
  feedHandler,
  rssFeed,
  startFixtureServer,
  type TestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, spawnCli } from './support/cli.ts';
import { scalar } from './support/db.ts';

// Issue 2: killing the worker mid-processing and starting it again loses no item and duplicates none.
let test: TestDatabase;
let server: FixtureServer;
const prefix = uniquePrefix('e2ekill');
const total = 1_500;

beforeAll(async () => {
  test = await createTestDatabase('e2ekill');
  server = await startFixtureServer();
  server.route(
    '/big.xml',
    feedHandler(() => rssFeed({ count: total })),
  );
  await insertSource(test.database.db, {
    id: 'big',
    name: 'Big feed',
    kind: 'press',
    url: `${server.url}/big.xml`,
    jurisdictions: [],
    pollIntervalSeconds: 3_600,
  });
});
afterAll(async () => {
  await server.close();
  await deletePrefix(prefix);
  await test.drop();
});

const counts = () =>
  scalar<string>(
    test.database,
    sql`select (select count(*) from items) || '/' || (select count(distinct guid) from items) || '/' ||
        (select count(*) from entries) || '/' || (select count(*) from stories) as value`,
  );

describe('a worker killed mid-processing', () => {
  it('loses no item and duplicates none once a worker runs again', { timeout: 240_000 }, async () => {
    // Few items at a time, so the kill lands while most of the batch is still queued or active.
    const env = testEnv({ databaseUrl: test.url, prefix, extra: { PROCESS_CONCURRENCY: '2' } });
    const first = spawnCli(['start', '--only', 'ingest', '--no-migrate'], env);
    const stored = await waitFor(
      async () => {
        const n = await scalar<number>(test.database, sql`select count(*)::int as value from items`);
        return n >= 50 ? n : undefined;
      },
      { what: 'the first worker to store some items', intervalMs: 20, timeoutMs: 60_000 },
    );
    first.kill('SIGKILL');
    expect((await exited(first)).signal).toBe('SIGKILL');
    const afterKill = await scalar<number>(test.database, sql`select count(*)::int as value from items`);
    expect(stored).toBeLessThan(total);
    expect(afterKill).toBeLessThan(total);

    const second = spawnCli(['start', '--only', 'ingest', '--no-migrate'], env);
    try {
      await waitFor(async () => (await counts()) === `${total}/${total}/${total}/${total}`, {
        what: `all ${total} items after the restart`,
        // ~1,450 items two at a time: about 40 s alone, past 90 s while the whole suite shares two cores.
        timeoutMs: 180_000,
        intervalMs: 250,
      });
    } finally {
      second.kill('SIGTERM');
      const { code } = await exited(second);
      expect(code, second.output()).toBe(0);
    }
    expect(await counts()).toBe(`${total}/${total}/${total}/${total}`);
  });
});

// Sanity for the check above: a second database handle sees the same numbers (no caching in play).
describe('count helper', () => {
  it('reads committed data', async () => {
    const other = createDatabase({ url: test.url, applicationName: 'check', onConnectionLost: () => undefined });
    const n = await other.db.execute<{ n: number }>(sql`select count(*)::int as n from sources`);
    await other.close();
    expect(n.rows[0]?.n).toBe(1);
  });
});
