import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database, insertSource, migrateDatabase } from '@regwatch/db';
import {
  deletePrefix,
  freePort,
  migrationsFolder,
  type PrivatePostgres,
  rssFeed,
  startPrivatePostgres,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, spawnCli } from './support/cli.ts';
import { scalar } from './support/db.ts';
import { expectCompleteImport } from './support/import-report.ts';

// Issue 12: `pg_ctl restart -m fast` during an import killed `regwatch start`, `start --only
// ingest` and `regwatch import` (an unhandled 'error' event, 57P01, on a client checked out for
// a transaction), and /v1 answered 500 `internal` while PostgreSQL was away. Here a private
// PostgreSQL (never the shared one on 5432) is stopped and started again, -m fast and -m
// immediate, three times each, while an import runs with all three processes storing and the
// API is under load.
const total = 1_000;
const outages = ['fast', 'immediate', 'fast', 'immediate', 'fast', 'immediate'] as const;
const progressBetweenOutages = 10;
// The import must be running for at least three outages; later ones may find it done (a fast
// machine), and still test the API and the two `start` processes.
const outagesDuringImportAtLeast = 3;

let server: PrivatePostgres;
let database: Database;
let prefix: string;
const feedFile = join(tmpdir(), `regwatch-postgres-restart-${process.pid}.xml`);

beforeAll(async () => {
  writeFileSync(feedFile, rssFeed({ count: total }));
  server = await startPrivatePostgres();
  await migrateDatabase(server.url('regwatch'), migrationsFolder);
  // The test's own pool lives through the restarts too.
  database = createDatabase({
    url: server.url('regwatch'),
    applicationName: 'postgres-restart-test',
    onConnectionLost: () => undefined,
  });
  await insertSource(database.db, {
    id: 'big',
    name: 'Big feed',
    kind: 'press',
    url: 'https://news.example.org/feed.xml',
    jurisdictions: [],
    pollIntervalSeconds: 3_600,
  });
  prefix = uniquePrefix('pgrestart');
});
afterAll(async () => {
  await database?.close().catch(() => undefined);
  await server?.destroy();
  if (prefix) await deletePrefix(prefix);
});

interface Answer {
  status: number | 'no answer';
  retryAfter: string | null;
  code: string | undefined;
}

/** Requests `/v1/items` on `connections` loops until stopped, recording every answer. */
function loadApi(apiUrl: string, connections: number) {
  const answers: Answer[] = [];
  let running = true;
  const loop = async () => {
    while (running) {
      try {
        const response = await fetch(`${apiUrl}/v1/items?limit=5`);
        const body = (await response.json()) as { error?: { code?: string } };
        answers.push({
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          code: body.error?.code,
        });
      } catch {
        answers.push({ status: 'no answer', retryAfter: null, code: undefined });
      }
    }
  };
  const loops = Array.from({ length: connections }, loop);
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

const stored = () => scalar<number>(database, sql`select count(*)::int as value from items`);

describe('PostgreSQL restarted during an import and under API load (issue 12)', () => {
  it('keeps every process up, answers 503 with Retry-After while it is away and 200 after, and loses nothing', {
    timeout: 240_000,
  }, async () => {
    const apiPort = await freePort();
    const env = testEnv({
      databaseUrl: server.url('regwatch'),
      prefix,
      extra: {
        PORT: String(apiPort),
        LOG_LEVEL: 'warn',
        PROCESS_CONCURRENCY: '2',
        // Small batches: the import must still be running through several outages (a batch of 64
        // stores the whole feed between two of them), each landing in the middle of transactions.
        PROCESS_BATCH_SIZE: '4',
        // Every request reaches PostgreSQL: no reused bodies or feeds.
        API_RESPONSE_CACHE_SECONDS: '0',
        FEED_CACHE_SECONDS: '0',
      },
    });
    const apiUrl = `http://127.0.0.1:${apiPort}`;

    // The import first, so it runs the process workers itself (no ingest process yet); then
    // `regwatch start` (API and workers) and `start --only ingest` store alongside it.
    const importer = spawnCli(['import', '--source', 'big', feedFile, '--timeout', '300'], env);
    await waitFor(async () => (await stored()) > 0, { what: 'the import to store', timeoutMs: 60_000 });
    const both = spawnCli(['start', '--no-migrate'], env);
    const ingest = spawnCli(['start', '--only', 'ingest', '--no-migrate'], env);
    const services = [both, ingest];
    const processes = { importer, 'regwatch start': both, 'start --only ingest': ingest };
    // The import may only exit by finishing; the others never.
    const expectAllUp = (when: string) => {
      for (const [name, child] of Object.entries(processes)) {
        if (child === importer && child.exitCode === 0) continue;
        expect(child.exitCode, `${name} ${when}\n${child.output()}`).toBeNull();
      }
    };
    let outagesDuringImport = 0;
    // A request the API does not answer at all: say which process died, and how.
    const get = (path: string) =>
      fetch(`${apiUrl}${path}`).catch((error: unknown) => {
        const tail = both.output().split('\n').slice(-5).join('\n');
        throw new Error(`${path}: no answer (${String(error)}); regwatch start exit ${both.exitCode}:\n${tail}`);
      });
    try {
      await waitFor(async () => (await fetch(`${apiUrl}/readyz`)).status === 200, {
        what: 'the API to be ready',
        timeoutMs: 60_000,
      });
      const load = loadApi(apiUrl, 4);
      try {
        for (const [round, mode] of outages.entries()) {
          const when = `at outage ${round + 1} (-m ${mode})`;
          // Let the workers store some more, so the outage lands in the middle of transactions.
          const before = await waitFor(() => stored(), { what: 'PostgreSQL to answer' });
          await waitFor(async () => (await stored()) >= Math.min(before + progressBetweenOutages, total), {
            what: `progress before outage ${round + 1}`,
            timeoutMs: 60_000,
            intervalMs: 20,
          });
          expectAllUp(when);

          if (importer.exitCode === null) outagesDuringImport += 1;
          await server.stop(mode);
          for (const url of ['/v1/items?limit=3', '/v1/stories?limit=3', '/feeds/items.rss']) {
            const response = await get(url);
            expect(response.status, `${url} ${when}`).toBe(503);
            expect(response.headers.get('retry-after'), `${url} ${when}`).toBe('2');
            expect(response.headers.get('content-type'), `${url} ${when}`).toMatch(/^application\/json/);
            expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable');
          }
          const readiness = await get('/readyz');
          expect(readiness.status, `/readyz ${when}`).toBe(503);
          expect(((await readiness.json()) as { checks: { postgres: string } }).checks.postgres).toMatch(/^failed/);

          await server.start();
          // The first request once PostgreSQL accepts connections again is served: the pool
          // dropped its dead clients and connects afresh.
          const back = await get('/v1/items?limit=3');
          expect(back.status, `/v1/items after outage ${round + 1}`).toBe(200);
          expect((await get('/readyz')).status).toBe(200);
          expectAllUp(`after outage ${round + 1} (-m ${mode})`);
        }
      } finally {
        await load.stop();
      }

      expect(outagesDuringImport).toBeGreaterThanOrEqual(outagesDuringImportAtLeast);
      const { code } = await exited(importer);
      const output = importer.output();
      expect(code, output).toBe(0);
      expectCompleteImport(output, total);
      // Nothing lost, nothing stored twice.
      const counts = await scalar<string>(
        database,
        sql`select (select count(*) from items) || '/' || (select count(distinct guid) from items) || '/' ||
            (select count(*) from entries) || '/' || (select count(*) from pending_entries) as value`,
      );
      expect(counts).toBe(`${total}/${total}/${total}/0`);

      // The load saw only answers and every refusal was a 503 with Retry-After, never a 500.
      const answers = load.answers;
      expect(answers.length).toBeGreaterThan(0);
      const unexpected = answers.filter(
        (answer) =>
          !(
            answer.status === 200 ||
            (answer.status === 503 && answer.retryAfter === '2' && answer.code === 'unavailable')
          ),
      );
      expect(unexpected).toEqual([]);

      // Each lost connection is one log line with its reason, no stack; nothing went unhandled.
      for (const [name, child] of Object.entries(processes)) {
        const lines = child.output().split('\n');
        expect(child.output(), name).not.toMatch(/Unhandled|uncaught/i);
        for (const line of lines.filter((text) => text.includes('PostgreSQL connection lost'))) {
          const entry = JSON.parse(line) as { reason?: unknown; err?: unknown };
          expect(typeof entry.reason, line).toBe('string');
          expect(entry.err, line).toBeUndefined();
        }
      }
      expect(both.output()).toContain('PostgreSQL connection lost');

      // Still up after it all, and they stop as asked.
      for (const child of services) expect(child.exitCode, child.output()).toBeNull();
      for (const child of services) child.kill('SIGTERM');
      const stops = await Promise.all(services.map((child) => exited(child)));
      expect(stops.map((stop) => stop.code)).toEqual([0, 0]);
    } finally {
      for (const child of [...services, importer]) if (child.exitCode === null) child.kill('SIGKILL');
      await Promise.all([...services, importer].map((child) => exited(child)));
    }
  });
});
