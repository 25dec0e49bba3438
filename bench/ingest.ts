/**
 * Ingest throughput against the queue's ceiling (issue 15's instrument). In one run:
 * 1. the BullMQ no-op drain: N no-op jobs added in bulk to a fresh queue, drained by one plain
 *    Worker at the process queue's concurrency (PROCESS_CONCURRENCY's default); jobs/s;
 * 2. Regwatch's in-process rate: the feed adapter (rss-parser), `normaliseEntry` and the taggers
 *    over the generated feed; items/s;
 * 3. end-to-end `regwatch import` of the generated feed (privacy-news-like items, one in ten a
 *    rewrite of an earlier story) into a fresh database: with the import's own workers, and with
 *    1 and 2 `regwatch start --only ingest` processes; items/s and the ratio to the drain;
 * 4. per item, counted: SQL statements (each node-postgres query of the import and ingest
 *    processes, through a `--import` hook), transactions, table scans and rows scanned (pg_stat_database and
 *    pg_stat_user_tables: the server has no pg_stat_statements), rows written, Node CPU ms (the
 *    import and ingest processes) and PostgreSQL CPU ms (/proc of the server's processes).
 *
 *   npx tsx bench/ingest.ts            # 5,000 items
 *   npx tsx bench/ingest.ts 50000      # another size
 *
 * Uses its own databases on the local server (regwatch_bench_ingest_*), dropped and recreated,
 * and its own Redis prefix, deleted at the end. Everything it starts stops by itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '@regwatch/db';
import { deletePrefix, testRedisUrl } from '@regwatch/testing';
import pg from 'pg';
import { recordedTextChains } from './api/corpus.ts';
import { regwatchBin, serverUrl } from './api/seed.ts';
import { privacyNewsFeed } from './ingest/feed.ts';
import { type ImportRun, importRun } from './ingest/import-run.ts';
import { noopDrain } from './ingest/noop-drain.ts';
import { parseRate } from './ingest/parse-rate.ts';

const size = Number(process.argv[2] ?? 5_000);
if (!Number.isInteger(size) || size <= 0) throw new Error('usage: npx tsx bench/ingest.ts [ITEMS]');
// PROCESS_CONCURRENCY's default: what one ingest process runs the process queue at.
const processConcurrency = 8;
const drainJobs = Math.max(size, 20_000);
const migrations = fileURLToPath(new URL('../migrations', import.meta.url));
const prefix = `bench-ingest-${process.pid}`;
const out = (line = '') => process.stdout.write(`${line}\n`);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  await client.query(statement);
  await client.end();
}

/** A fresh, migrated database holding one source for the feed, disabled so no process polls it. */
async function freshDatabase(name: string): Promise<string> {
  const url = `${serverUrl}/${name}`;
  await admin(`drop database if exists ${name} with (force)`);
  await migrateDatabase(url, migrations);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Nothing here may fetch a real site: every source is off, the bench's own included.
  await client.query('update sources set enabled = false');
  await client.query(
    `insert into sources (id, name, kind, url, jurisdictions, poll_interval_seconds, enabled)
     values ('bench', 'Bench privacy news', 'press', 'https://bench.example/feed', '{}', 86400, false)`,
  );
  await client.end();
  return url;
}

const folder = mkdtempSync(join(tmpdir(), 'regwatch-bench-ingest-'));
const file = join(folder, 'feed.xml');
const chains = await recordedTextChains();
const english = chains.get('en');
if (!english) throw new Error('no English recordings in packages/sources/testdata');
const feed = privacyNewsFeed(size, english);
writeFileSync(file, feed);
out(`command: npx tsx bench/ingest.ts ${process.argv.slice(2).join(' ')}`.trim());
out(`feed: ${size.toLocaleString('en')} items (${(feed.length / 1024 / 1024).toFixed(1)} MiB), one in ten a rewrite`);

const modes = [
  { label: 'import alone (its own workers)', processes: 0 },
  { label: '1 ingest process', processes: 1 },
  { label: '2 ingest processes', processes: 2 },
];
const runs: { label: string; run: ImportRun }[] = [];
const names: string[] = [];
let drain = { jobsPerSecond: 0, seconds: 0 };
try {
  drain = await noopDrain({
    redisUrl: testRedisUrl,
    prefix: `${prefix}-noop`,
    jobs: drainJobs,
    concurrency: processConcurrency,
  });
  out(
    `no-op drain: ${drainJobs.toLocaleString('en')} jobs at concurrency ${processConcurrency}: ${drain.jobsPerSecond.toFixed(0)} jobs/s`,
  );
  const parsed = await parseRate(feed);
  out(
    `in-process: feed adapter (rss-parser) ${parsed.parseItemsPerSecond.toFixed(0)} items/s; ` +
      `parse + normalise + tag ${parsed.itemsPerSecond.toFixed(0)} items/s (${parsed.items} items)`,
  );
  for (const mode of modes) {
    const name = `regwatch_bench_ingest_${mode.processes}`;
    names.push(name);
    const databaseUrl = await freshDatabase(name);
    const run = await importRun({
      regwatchBin,
      databaseUrl,
      redisUrl: testRedisUrl,
      prefix: `${prefix}-${mode.processes}`,
      sourceId: 'bench',
      file,
      ingestProcesses: mode.processes,
    });
    out(`${mode.label}: ${run.report}`);
    runs.push({ label: mode.label, run });
    await admin(`drop database if exists ${name} with (force)`);
  }
} finally {
  for (const mode of modes) await deletePrefix(`${prefix}-${mode.processes}`);
  for (const name of names) await admin(`drop database if exists ${name} with (force)`);
  rmSync(folder, { recursive: true, force: true });
}

out();
out(
  `| ${size.toLocaleString('en')} items | items/s | × no-op drain | SQL statements | transactions | table scans | rows scanned | rows written | Node CPU ms | PostgreSQL CPU ms |`,
);
out('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
out(`| no-op drain (${drainJobs.toLocaleString('en')} jobs) | ${drain.jobsPerSecond.toFixed(0)} | 1 | | | | | | | |`);
for (const { label, run } of runs) {
  const perItem = (value: number, digits = 1) => (value / size).toFixed(digits);
  const rate = size / run.seconds;
  out(
    `| ${label} | ${rate.toFixed(0)} | ${(rate / drain.jobsPerSecond).toFixed(4)} | ${perItem(run.statements)} | ${perItem(run.counters.transactions)} | ` +
      `${perItem(run.counters.seqScans + run.counters.indexScans)} (${perItem(run.counters.seqScans)} seq) | ` +
      `${perItem(run.counters.rowsScanned, 0)} | ${perItem(run.counters.rowsWritten)} | ` +
      `${perItem(run.importCpuMs + run.workersCpuMs, 2)} (import ${perItem(run.importCpuMs, 2)}) | ${perItem(run.postgresCpuMs, 2)} |`,
  );
}
const [alone, one, two] = runs;
if (one && two) out(`2 ingest processes / 1: ${(one.run.seconds / two.run.seconds).toFixed(2)}×`);
if (alone) out(`stored by the import alone: ${alone.run.stored} of ${size} entries`);
out(
  'per item: SQL statements sent by the import and ingest processes; the rest counted by PostgreSQL for the bench database; table scans = seq_scan + idx_scan, rows scanned = seq_tup_read + idx_tup_fetch',
);
