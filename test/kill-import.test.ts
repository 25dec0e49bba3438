import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertSource } from '@regwatch/db';
import {
  createTestDatabase,
  deletePrefix,
  rssFeed,
  type TestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, spawnCli } from './support/cli.ts';
import { scalar } from './support/db.ts';
import { expectCompleteImport } from './support/import-report.ts';

// Issue 12: 20 × kill -9 of the ingest workers while `regwatch import` runs, with one ingest
// process and with two: everything stored, nothing duplicated, nothing left failed, and the
// import's own report agrees with the database.
const total = 600;
const kills = 20;
const tests: TestDatabase[] = [];
const prefixes: string[] = [];
const feedFile = join(tmpdir(), `regwatch-kill-import-${process.pid}.xml`);

beforeAll(() => {
  writeFileSync(feedFile, rssFeed({ count: total }));
});
afterAll(async () => {
  for (const prefix of prefixes) await deletePrefix(prefix);
  for (const test of tests) await test.drop();
});

async function killImportRun(label: string, ingestProcesses: number) {
  const test = await createTestDatabase(label);
  tests.push(test);
  const prefix = uniquePrefix(label);
  prefixes.push(prefix);
  await insertSource(test.database.db, {
    id: 'big',
    name: 'Big feed',
    kind: 'press',
    url: 'https://news.example.org/feed.xml',
    jurisdictions: [],
    pollIntervalSeconds: 3_600,
  });
  const env = testEnv({ databaseUrl: test.url, prefix, extra: { PROCESS_CONCURRENCY: '2' } });
  const stored = () => scalar<number>(test.database, sql`select count(*)::int as value from items`);
  const startIngest = () => spawnCli(['start', '--only', 'ingest', '--no-migrate'], env);

  const ingest = Array.from({ length: ingestProcesses }, startIngest);
  const importer = spawnCli(['import', '--source', 'big', feedFile, '--timeout', '300'], env);
  for (let kill = 0; kill < kills; kill += 1) {
    const before = await stored();
    // Let the worker store a few entries (or time pass) so each kill lands mid-work.
    await waitFor(async () => (await stored()) > before || undefined, {
      what: `progress before kill ${kill + 1}`,
      timeoutMs: 20_000,
      intervalMs: 20,
    }).catch(() => undefined);
    const victim = kill % ingest.length;
    const child = ingest[victim];
    child?.kill('SIGKILL');
    if (child) await exited(child);
    ingest[victim] = startIngest();
  }
  try {
    const { code } = await exited(importer);
    const output = importer.output();
    expect(code, output).toBe(0);
    const counts = await scalar<string>(
      test.database,
      sql`select (select count(*) from items) || '/' || (select count(distinct guid) from items) || '/' ||
          (select count(*) from entries) || '/' || (select count(*) from pending_entries) as value`,
    );
    expect(counts).toBe(`${total}/${total}/${total}/0`);
    // An entry stored by a worker killed before it reported is stored again as "already
    // stored" by the next one: the report still accounts for every entry exactly once.
    expectCompleteImport(output, total);
  } finally {
    for (const child of ingest) child.kill('SIGTERM');
    await Promise.all(ingest.map((child) => exited(child)));
  }
}

describe.concurrent('kill -9 of ingest during an import (issue 12)', () => {
  it('loses nothing and duplicates nothing with one ingest process', { timeout: 400_000 }, async () => {
    await killImportRun('killimp1', 1);
  });
  it('loses nothing and duplicates nothing with two ingest processes', { timeout: 400_000 }, async () => {
    await killImportRun('killimp2', 2);
  });
});
