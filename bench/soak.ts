/**
 * Does the API's memory level off under sustained load? A bounded soak (issue 12), not a test:
 * seeds an archive (bench/api's seed, 100,000 items by default, reused when present), starts
 * the real API (`regwatch start --only api`) and an ingest process (`start --only ingest`), then
 * for `--minutes` holds `--connections` connections on a mix of /v1 lists while `regwatch
 * import` pushes generated feeds of 2,000 items into a source of its own, one import after
 * another. Every 30 s it prints the API's and the ingest process's resident memory (VmRSS),
 * requests answered, p99 and non-2xx counts; at the end, the same 30 s after the load stops.
 *
 *   npx tsx bench/soak.ts                          # 10 minutes, 200 connections, 100k items
 *   npx tsx bench/soak.ts --minutes 2 --connections 50 --items 10000
 *
 * Everything it starts is local and stops by itself at the end (or when the bench exits).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { residentMb } from './api/load.ts';
import { benchDatabaseName, regwatchBin, seedArchive, serverUrl } from './api/seed.ts';
import { type ChildServer, startApiServer } from './api/servers.ts';

const { values: options } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    connections: { type: 'string', default: '200' },
    items: { type: 'string', default: '100000' },
  },
  strict: true,
});
const minutes = Number(options.minutes);
const connections = Number(options.connections);
const items = Number(options.items);
const out = (line = '') => process.stdout.write(`${line}\n`);

/** A feed of `count` generated privacy-news-like items, distinct per round so each import stores new items. */
function generatedFeed(round: number, count: number): string {
  const entries = Array.from({ length: count }, (_, index) => {
    const n = round * count + index;
    return `<item><title>Regulator ${n % 37} opens inquiry ${n} into data sharing by company ${n % 101}</title>
<link>https://soak.example/news/${n}</link><guid>soak-${n}</guid>
<pubDate>${new Date(Date.UTC(2026, 0, 1) + n * 60_000).toUTCString()}</pubDate>
<description>The authority said it would examine how company ${n % 101} shared personal data of users in case ${n}.</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Soak</title><link>https://soak.example/</link>${entries.join('')}</channel></rss>`;
}

const logFolder = mkdtempSync(join(tmpdir(), 'regwatch-soak-'));
const seed = await seedArchive(items, { reuse: true, log: out });
const databaseUrl = `${serverUrl}/${benchDatabaseName(items)}`;
const queuePrefix = `bench-soak-${process.pid}`;
out(`command: npx tsx bench/soak.ts ${process.argv.slice(2).join(' ')}`.trim());
out(`archive: ${seed.items} items in ${benchDatabaseName(items)}; logs in ${logFolder}`);

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
// The seed's catalog sources point at the real sites: nothing here may fetch them.
await client.query('update sources set enabled = false');
await client.query(
  `insert into sources (id, name, kind, url, jurisdictions, poll_interval_seconds, enabled)
   values ('soak', 'Soak imports', 'press', 'https://soak.example/feed', '{}', 86400, false)
   on conflict (id) do nothing`,
);

const env = {
  PATH: process.env.PATH,
  DATABASE_URL: databaseUrl,
  QUEUE_PREFIX: queuePrefix,
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  API_ANONYMOUS_RATE: '1000000',
};
const api: ChildServer = await startApiServer({ regwatchBin, databaseUrl, queuePrefix, logFolder });
const ingestLog = openSync(join(logFolder, 'ingest.log'), 'w');
const ingest = spawn(process.execPath, [regwatchBin, 'start', '--only', 'ingest', '--no-migrate'], {
  env: { ...env, PORT: '0' },
  stdio: ['ignore', ingestLog, ingestLog],
});
process.once('exit', () => ingest.kill('SIGKILL'));

let importing = true;
let importsDone = 0;
const imports = (async () => {
  for (let round = 0; importing; round += 1) {
    const file = join(logFolder, `feed-${round % 2}.xml`);
    writeFileSync(file, generatedFeed(Date.now() % 1_000_000, 2_000));
    await new Promise<void>((resolve) => {
      execFile(process.execPath, [regwatchBin, 'import', '--source', 'soak', file], { env, maxBuffer: 1 << 24 }, () =>
        resolve(),
      );
    });
    importsDone += 1;
  }
})();

const paths = [
  '/v1/items?limit=50',
  '/v1/items?jurisdiction=GB&platform=meta',
  '/v1/stories?limit=20',
  '/v1/items?q=facial%20recognition',
  '/v1/stories?jurisdiction=EU&expand=true',
];
const started = Date.now();
out(`load: ${connections} connections for ${minutes} min over ${paths.length} URLs, imports of 2,000 items running`);
out('| min | API RSS MB | ingest RSS MB | requests | p99 ms | non-2xx | errors | imports |');
out('|---:|---:|---:|---:|---:|---:|---:|---:|');
const intervalSeconds = 30;
for (let elapsed = 0; elapsed < minutes * 60; elapsed += intervalSeconds) {
  const result = await autocannon({
    url: api.url,
    connections,
    duration: intervalSeconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  out(
    `| ${((Date.now() - started) / 60_000).toFixed(1)} | ${residentMb(api.pid)} | ${residentMb(ingest.pid ?? 0)} | ` +
      `${result.requests.total} | ${result.latency.p99} | ${result.non2xx} | ${result.errors + result.timeouts} | ${importsDone} |`,
  );
}
importing = false;
await new Promise((resolve) => setTimeout(resolve, 30_000));
out(`after 30 s idle: API RSS ${residentMb(api.pid)} MB, ingest RSS ${residentMb(ingest.pid ?? 0)} MB`);
await imports;
await api.stop();
ingest.kill('SIGTERM');
await client.end();
