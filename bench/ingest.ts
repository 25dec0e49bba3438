/**
 * Ingest throughput against the queue's ceiling (issue 15's instrument). In one run:
 * 1. the BullMQ no-op drain: 20,000 no-op jobs added in bulk to a fresh queue, drained by one
 *    plain Worker at the process queue's concurrency (PROCESS_CONCURRENCY's default); jobs/s;
 * 2. Regwatch's in-process rate: the feed adapter (rss-parser), `normaliseEntry` and the taggers
 *    over the generated feed; items/s;
 * 3. for each size, end-to-end `regwatch import` of the generated feed (privacy-news-like items,
 *    one in ten a rewrite of an earlier story) into a fresh database with 1, 2 and 4 `regwatch
 *    start --only ingest` processes (0 in --processes: the import's own workers); items/s and
 *    the ratio to the drain;
 * 4. per item: SQL statements (each node-postgres query of the import and ingest processes,
 *    through a `--import` hook), transactions, table scans and rows scanned (pg_stat_database and
 *    pg_stat_user_tables: the server has no pg_stat_statements), rows written, Node CPU ms (the
 *    import and ingest processes), PostgreSQL CPU ms (/proc of the server's processes), Redis CPU
 *    ms (INFO of a private redis-server the bench starts, so the delta is the bench's alone), and
 *    lock-wait ms (pg_stat_activity of the bench database sampled every ~5 ms) with its share of
 *    the backends' busy time.
 *
 *   npx tsx bench/ingest.ts                                # 5,000 and 50,000 items
 *   npx tsx bench/ingest.ts 5000 --processes 1,2,4         # one size, chosen process counts
 *   npx tsx bench/ingest.ts 5000,50000 --batch 100         # PROCESS_BATCH_SIZE for every process
 *
 * By default 4 processes run only for sizes up to 5,000 (a 50,000 run with 4 would not fit the
 * bench's ~15-minute budget on 2 cores). Uses its own databases on the local server
 * (regwatch_bench_ingest_*), dropped and recreated, and its own Redis server, stopped at the end.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPrivateRedis } from '@regwatch/testing';
import { recordedTextChains } from './api/corpus.ts';
import { regwatchBin } from './api/seed.ts';
import { admin, freshDatabase } from './ingest/database.ts';
import { privacyNewsFeed } from './ingest/feed.ts';
import { type ImportRun, importRun } from './ingest/import-run.ts';
import { redisCpuMs } from './ingest/meters.ts';
import { noopDrain } from './ingest/noop-drain.ts';
import { parseRate } from './ingest/parse-rate.ts';

const usage = 'usage: npx tsx bench/ingest.ts [SIZES] [--processes 1,2,4] [--batch N]';
const { values, positionals } = parseArgs({
  options: { processes: { type: 'string' }, batch: { type: 'string' } },
  allowPositionals: true,
});
const list = (text: string) => text.split(',').map(Number);
const sizes = list(positionals[0] ?? '5000,50000');
const chosenProcesses = values.processes ? list(values.processes) : undefined;
const batch = values.batch ? Number(values.batch) : undefined;
if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) throw new Error(usage);
if (chosenProcesses?.some((count) => !Number.isInteger(count) || count < 0)) throw new Error(usage);
if (batch !== undefined && (!Number.isInteger(batch) || batch <= 0)) throw new Error(usage);
/** The process counts a size runs with: the chosen ones, or 1, 2 and (up to 5,000 items) 4. */
const processesFor = (size: number) => chosenProcesses ?? (size <= 5_000 ? [1, 2, 4] : [1, 2]);
// PROCESS_CONCURRENCY's default: what one ingest process runs the process queue at.
const processConcurrency = 8;
const drainJobs = 20_000;
const out = (line = '') => process.stdout.write(`${line}\n`);
const benchStarted = performance.now();

const label = (processes: number) =>
  processes === 0 ? 'import alone (its own workers)' : `${processes} ingest process${processes > 1 ? 'es' : ''}`;

function table(size: number, drain: number, runs: { processes: number; run: ImportRun }[]): void {
  const perItem = (value: number, digits = 1) => (value / size).toFixed(digits);
  out();
  out(
    `| ${size.toLocaleString('en')} items | s | items/s | × no-op drain | SQL statements | transactions | table scans | ` +
      'rows scanned | rows written | Node CPU ms | PostgreSQL CPU ms | Redis CPU ms | lock wait ms (advisory) | lock wait / busy |',
  );
  out('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { processes, run } of runs) {
    const rate = size / run.seconds;
    const { counters, locks } = run;
    const share = locks.busyMs > 0 ? `${((locks.lockMs / locks.busyMs) * 100).toFixed(1)}%` : '–';
    out(
      `| ${label(processes)} | ${run.seconds.toFixed(0)} | ${rate.toFixed(0)} | ${(rate / drain).toFixed(4)} | ` +
        `${perItem(run.statements)} | ${perItem(counters.transactions - locks.samples)} | ` +
        `${perItem(counters.seqScans + counters.indexScans)} (${perItem(counters.seqScans)} seq) | ` +
        `${perItem(counters.rowsScanned, 0)} | ${perItem(counters.rowsWritten)} | ` +
        `${perItem(run.importCpuMs + run.workersCpuMs, 2)} (import ${perItem(run.importCpuMs, 2)}) | ` +
        `${perItem(run.postgresCpuMs, 2)} | ${perItem(run.redisCpuMs, 3)} | ` +
        `${perItem(locks.lockMs, 3)} (${perItem(locks.advisoryMs, 3)}) | ${share} |`,
    );
  }
  const [first] = runs;
  for (const { processes, run } of runs.slice(1)) {
    if (first) out(`${label(processes)} / ${label(first.processes)}: ${(first.run.seconds / run.seconds).toFixed(2)}×`);
  }
  for (const { processes, run } of runs) {
    if (run.stored !== size) out(`${label(processes)}: stored ${run.stored} of ${size} entries`);
  }
}

const folder = mkdtempSync(join(tmpdir(), 'regwatch-bench-ingest-'));
const redis = await startPrivateRedis();
const names: string[] = [];
out(`command: npx tsx bench/ingest.ts ${process.argv.slice(2).join(' ')}`.trim());
out(`private redis-server on port ${redis.port}${batch ? `; PROCESS_BATCH_SIZE=${batch}` : ''}`);
try {
  const chains = await recordedTextChains();
  const english = chains.get('en');
  if (!english) throw new Error('no English recordings in packages/sources/testdata');
  const redisBefore = await redisCpuMs(redis.url);
  const drain = await noopDrain({
    redisUrl: redis.url,
    prefix: `bench-ingest-noop`,
    jobs: drainJobs,
    concurrency: processConcurrency,
  });
  const drainRedisMs = (await redisCpuMs(redis.url)) - redisBefore;
  out(
    `no-op drain: ${drainJobs.toLocaleString('en')} jobs at concurrency ${processConcurrency}: ` +
      `${drain.jobsPerSecond.toFixed(0)} jobs/s; Redis CPU ${(drainRedisMs / drainJobs).toFixed(3)} ms per job (add + drain)`,
  );
  for (const size of sizes) {
    const feed = privacyNewsFeed(size, english);
    const file = join(folder, `feed-${size}.xml`);
    writeFileSync(file, feed);
    out();
    out(
      `feed: ${size.toLocaleString('en')} items (${(feed.length / 1024 / 1024).toFixed(1)} MiB), one in ten a rewrite`,
    );
    const parsed = await parseRate(feed);
    out(
      `in-process: feed adapter (rss-parser) ${parsed.parseItemsPerSecond.toFixed(0)} items/s; ` +
        `parse + normalise + tag ${parsed.itemsPerSecond.toFixed(0)} items/s (${parsed.items} items)`,
    );
    const runs: { processes: number; run: ImportRun }[] = [];
    for (const processes of processesFor(size)) {
      const name = `regwatch_bench_ingest_${size}_${processes}`;
      names.push(name);
      const databaseUrl = await freshDatabase(name);
      const run = await importRun({
        regwatchBin,
        databaseUrl,
        redisUrl: redis.url,
        prefix: `bench-ingest-${size}-${processes}`,
        sourceId: 'bench',
        file,
        ingestProcesses: processes,
        ...(batch ? { processBatchSize: batch } : {}),
      });
      out(`${label(processes)}: ${run.report}`);
      runs.push({ processes, run });
      await admin(`drop database if exists ${name} with (force)`);
    }
    table(size, drain.jobsPerSecond, runs);
  }
} finally {
  await redis.stop();
  for (const name of names) await admin(`drop database if exists ${name} with (force)`);
  rmSync(folder, { recursive: true, force: true });
}
out();
out(
  'per item: SQL statements sent by the import and ingest processes; transactions, scans and rows counted by PostgreSQL ' +
    "for the bench database (transactions less the lock sampler's one per sample; table scans = seq_scan + idx_scan, rows scanned = seq_tup_read + idx_tup_fetch); " +
    "Node CPU of the import and ingest processes; PostgreSQL CPU of the whole server (the lock sampler's queries included); " +
    'Redis CPU of the private server; lock wait = backends with wait_event_type Lock, sampled every ~5 ms, ' +
    'as a share of backends in state active',
);
out(`bench wall time: ${((performance.now() - benchStarted) / 60_000).toFixed(1)} min`);
