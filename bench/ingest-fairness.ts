/**
 * Fairness under a big import (issue 15): does a live poll get through, and does the API stay
 * responsive, while `regwatch import` of a large document runs?
 *
 * Seeds an archive (bench/api/seed.ts, every catalog source disabled), starts the API (`regwatch
 * start --only api`) and one ingest process (`regwatch start --only ingest`) on a private
 * redis-server, and serves a small live feed on loopback. Then, idle and again while a
 * `regwatch import` of a generated privacy-news feed runs:
 * - the latency of GET /v1/items?limit=20, sequential requests 20 ms apart, p50 and p99;
 * - live polls: the feed gains 5 new items, `regwatch sources poll live` enqueues a poll job, and
 *   the time from its return until the 5 entries are stored.
 * It prints both and the ratios (issue 15's goal: /v1 latency within 2× of idle). The import is
 * stopped when the measurements under load are done (after `--window` seconds at most), so the
 * bench takes as long whether the import runs at 40 items/s or 4,000.
 *
 *   npx tsx bench/ingest-fairness.ts                     # 20,000-item import, 20,000-item archive
 *   npx tsx bench/ingest-fairness.ts 2000 --seed 5000 --window 60 --polls 2
 *   npx tsx bench/ingest-fairness.ts 20000 --batch 100   # PROCESS_BATCH_SIZE for the ingest process
 *
 * Uses its own databases (regwatch_bench_api_<seed>, dropped at the end) and its own Redis.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFixtureServer, startPrivateRedis } from '@regwatch/testing';
import { recordedTextChains } from './api/corpus.ts';
import { regwatchBin, seedArchive } from './api/seed.ts';
import { startApiServer } from './api/servers.ts';
import { admin, withClient } from './ingest/database.ts';
import {
  lastLine,
  latencies,
  liveFeed,
  livePoll,
  percentile,
  regwatchChild,
  stopChild,
} from './ingest/fairness-parts.ts';
import { privacyNewsFeed } from './ingest/feed.ts';
import { untilWorkers } from './ingest/import-run.ts';

const usage =
  'usage: npx tsx bench/ingest-fairness.ts [IMPORT_ITEMS] [--seed ITEMS] [--window S] [--polls N] [--requests N] [--batch N]';
const { values, positionals } = parseArgs({
  options: {
    seed: { type: 'string', default: '20000' },
    window: { type: 'string', default: '180' },
    polls: { type: 'string', default: '5' },
    requests: { type: 'string', default: '300' },
    batch: { type: 'string' },
  },
  allowPositionals: true,
});
const importItems = Number(positionals[0] ?? 20_000);
const seedItems = Number(values.seed);
const windowMs = Number(values.window) * 1000;
const polls = Number(values.polls);
const idleRequests = Number(values.requests);
const batch = values.batch ? Number(values.batch) : undefined;
for (const value of [importItems, seedItems, windowMs, polls, idleRequests, batch ?? 1]) {
  if (!Number.isInteger(value) || value <= 0) throw new Error(usage);
}
const out = (line = '') => process.stdout.write(`${line}\n`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const benchStarted = performance.now();
const prefix = 'bench-fairness';

out(`command: npx tsx bench/ingest-fairness.ts ${process.argv.slice(2).join(' ')}`.trim());
const chains = await recordedTextChains();
const english = chains.get('en');
if (!english) throw new Error('no English recordings in packages/sources/testdata');
const folder = mkdtempSync(join(tmpdir(), 'regwatch-bench-fairness-'));
const redis = await startPrivateRedis();
const feedServer = await startFixtureServer();
const live = liveFeed(english);
feedServer.route('/live.xml', (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(live.body());
});
const children: ChildProcess[] = [];
let databaseName: string | undefined;
let stopApi: (() => Promise<void>) | undefined;
try {
  const seed = await seedArchive(seedItems, { reuse: false, log: out });
  databaseName = seed.database;
  const databaseUrl = seed.url;
  out(
    `archive: ${seed.items.toLocaleString('en')} items, ${seed.stories.toLocaleString('en')} stories in ${seed.database}`,
  );
  await withClient(databaseUrl, async (client) => {
    // Nothing may fetch a real site: the catalog's sources are off; only the loopback feed polls.
    await client.query('update sources set enabled = false');
    await client.query(
      `insert into sources (id, name, kind, url, jurisdictions, poll_interval_seconds, enabled) values
         ('bench', 'Bench privacy news', 'press', 'https://bench.example/feed', '{}', 86400, false),
         ('live', 'Live privacy news', 'press', $1, '{}', 86400, true)`,
      [`${feedServer.url}/live.xml`],
    );
  });
  const importFile = join(folder, 'import.xml');
  writeFileSync(importFile, privacyNewsFeed(importItems, english));
  const env = {
    PATH: process.env.PATH,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    INGEST_HEALTH_PORT: '0',
    FETCH_ALLOW_ADDRESSES: '127.0.0.1/32',
    // A 20,000-item feed is 12 MiB: above the 10 MiB default a fetched document may have.
    FETCH_MAX_BYTES: String(256 * 1024 * 1024),
    // Read by the batch path of issue 15; a process that does not know the variable ignores it.
    ...(batch ? { PROCESS_BATCH_SIZE: String(batch) } : {}),
  };
  const api = await startApiServer({
    regwatchBin,
    databaseUrl,
    queuePrefix: prefix,
    redisUrl: redis.url,
    logFolder: folder,
  });
  stopApi = api.stop;
  children.push(regwatchChild(regwatchBin, ['start', '--only', 'ingest', '--no-migrate'], env));
  await untilWorkers(redis.url, prefix, 1);
  const itemsUrl = `${api.url}/v1/items?limit=20`;
  const poll = async (capMs: number) =>
    livePoll({ regwatchBin, env, databaseUrl, sourceId: 'live', guids: live.publish(), capMs });

  // Warm up: the first poll (the scheduler may also make one), the API's caches and connections.
  if ((await poll(60_000)) === null) throw new Error('the warm-up live poll was not stored in 60 s');
  await latencies(itemsUrl, () => false, 50);

  const idleLatency = await latencies(itemsUrl, () => false, idleRequests);
  const idlePolls: number[] = [];
  for (let n = 0; n < polls; n += 1) {
    const ms = await poll(60_000);
    if (ms === null) throw new Error('an idle live poll was not stored in 60 s');
    idlePolls.push(ms);
  }

  const importer = regwatchChild(regwatchBin, ['import', '--source', 'bench', importFile, '--timeout', '3600'], env);
  children.push(importer);
  const bench = async () =>
    withClient(databaseUrl, async (client) => {
      const { rows } = await client.query<{ stored: number }>(
        `select count(*)::int as stored from entries where source_id = 'bench'`,
      );
      return rows[0]?.stored ?? 0;
    });
  // Under load from the first stored entry: by then the import has read the file and is enqueueing.
  while ((await bench()) === 0) {
    if (importer.exitCode !== null)
      throw new Error(`regwatch import exited ${importer.exitCode}: ${lastLine(importer)}`);
    await pause(100);
  }
  const loadStarted = performance.now();
  const storedAtStart = await bench();
  const deadline = loadStarted + windowMs;
  const importRunning = () => importer.exitCode === null && performance.now() < deadline;
  const loadedPolls: (number | null)[] = [];
  const pollsDone = (async () => {
    for (let n = 0; n < polls && importRunning(); n += 1) {
      loadedPolls.push(await poll(deadline - performance.now()));
    }
  })();
  let pollsFinished = false;
  void pollsDone.then(() => {
    pollsFinished = true;
  });
  // As many requests as idle at least, and until the live polls are done, while the import runs.
  const loadedLatency = await latencies(
    itemsUrl,
    (made) => !importRunning() || (pollsFinished && made >= idleRequests),
  );
  await pollsDone;
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const storedDuring = (await bench()) - storedAtStart;
  const importFinished = importer.exitCode !== null;

  const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(1));
  const ratio = (loaded: number, idle: number) => (Number.isNaN(loaded) ? '–' : `${(loaded / idle).toFixed(2)}×`);
  const storedPolls = loadedPolls.filter((value): value is number => value !== null);
  const starved = loadedPolls.length - storedPolls.length;
  out();
  out(
    `under load: ${loadSeconds.toFixed(0)} s of a ${importItems.toLocaleString('en')}-item import ` +
      `(${storedDuring.toLocaleString('en')} entries stored in it, ${(storedDuring / loadSeconds).toFixed(0)} items/s; ` +
      `${importFinished ? 'the import finished' : 'the import was stopped after the measurements'})`,
  );
  out();
  out('| | idle | during the import | ratio |');
  out('|---|---:|---:|---:|');
  for (const p of [50, 99]) {
    const idle = percentile(idleLatency, p);
    const loaded = percentile(loadedLatency, p);
    out(`| GET /v1/items?limit=20 p${p} ms | ${ms(idle)} | ${ms(loaded)} | ${ratio(loaded, idle)} |`);
  }
  out(`| requests | ${idleLatency.length} | ${loadedLatency.length} | |`);
  const idlePoll = percentile(idlePolls, 50);
  const loadedPoll = starved > 0 ? Number.NaN : percentile(storedPolls, 50);
  out(
    `| live poll → 5 items stored, median ms | ${ms(idlePoll)} (of ${idlePolls.length}) | ` +
      `${starved > 0 ? `${starved} of ${loadedPolls.length} not stored while the import ran` : `${ms(loadedPoll)} (of ${loadedPolls.length})`} | ` +
      `${ratio(loadedPoll, idlePoll)} |`,
  );
  out(
    `live polls during the import, ms: ${loadedPolls.map((value) => (value === null ? 'not stored' : value.toFixed(0))).join(', ')}`,
  );
} finally {
  for (const child of children.reverse()) await stopChild(child);
  await stopApi?.();
  await feedServer.close();
  await redis.stop();
  if (databaseName) await admin(`drop database if exists ${databaseName} with (force)`);
  rmSync(folder, { recursive: true, force: true });
}
out(`bench wall time: ${((performance.now() - benchStarted) / 60_000).toFixed(1)} min`);
