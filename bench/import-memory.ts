/**
 * How much memory does `regwatch import` take? (issue 12: a 100 MiB file took 818 MB resident.)
 * Not a test: imports a generated feed just below FETCH_MAX_BYTES into a database of its own,
 * sampling the process's resident memory (VmRSS, and the kernel's peak VmHWM) from /proc every
 * 50 ms, then does the same for a 100 MiB (sparse) file, which must be refused from its size,
 * and for `regwatch --version`, the floor of any `regwatch` process.
 *
 *   npx tsx bench/import-memory.ts                       # 10 MiB cap, a feed 1 KiB below it
 *   npx tsx bench/import-memory.ts --entries 4000 --cap-mib 10
 *
 * It creates and drops `regwatch_bench_import` and its own Redis key prefix; it stops by itself.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { regwatchBin, serverUrl } from './api/seed.ts';

const { values: options } = parseArgs({
  options: { entries: { type: 'string', default: '2000' }, 'cap-mib': { type: 'string', default: '10' } },
  strict: true,
});
const entries = Number(options.entries);
const capBytes = Number(options['cap-mib']) * 1024 * 1024;
const out = (line = '') => process.stdout.write(`${line}\n`);
const databaseName = 'regwatch_bench_import';
const queuePrefix = `bench-import-${process.pid}`;
const folder = mkdtempSync(join(tmpdir(), 'regwatch-import-memory-'));
const env = {
  PATH: process.env.PATH,
  DATABASE_URL: `${serverUrl}/${databaseName}`,
  QUEUE_PREFIX: queuePrefix,
  LOG_LEVEL: 'warn',
  FETCH_MAX_BYTES: String(capBytes),
};

/** A feed of `count` distinct entries whose descriptions are padded so the file is `bytes` long. */
function feedOfSize(bytes: number, count: number): string {
  const item = (n: number, padding: string) =>
    `<item><title>Regulator ${n % 37} fines company ${n % 101} over data sharing (case ${n})</title>
<link>https://bench.example/news/${n}</link><guid>bench-${n}</guid>
<pubDate>${new Date(Date.UTC(2026, 0, 1) + n * 60_000).toUTCString()}</pubDate>
<description>The authority found that company ${n % 101} shared personal data in case ${n}. ${padding}</description></item>\n`;
  const head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title>\n';
  const tail = '</channel></rss>\n';
  const bare = Array.from({ length: count }, (_, n) => item(n, '')).join('');
  const room = bytes - head.length - bare.length - tail.length;
  if (room < 0) throw new Error(`${count} entries do not fit in ${bytes} bytes`);
  const words = 'The inquiry continues and the regulator will publish its decision. ';
  const per = Math.floor(room / count);
  const pad = (length: number) => words.repeat(Math.ceil(length / words.length) + 1).slice(0, length);
  const body = Array.from({ length: count }, (_, n) => item(n, pad(n === 0 ? per + (room - per * count) : per)));
  return head + body.join('') + tail;
}

/** Runs one `regwatch` command, sampling its resident memory; returns the peak and what it printed. */
function measured(args: string[]): Promise<{ code: number | null; peakMb: number; seconds: number; output: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [regwatchBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    let peakKb = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        // VmHWM is the kernel's own high-water mark: it catches a peak between two samples.
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // The process has exited between two samples.
      }
    };
    const timer = setInterval(sample, 50);
    child.on('exit', () => sample());
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, peakMb: Math.round(peakKb / 1024), seconds: (performance.now() - started) / 1_000, output });
    });
  });
}

const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
await admin.connect();
await admin.query(`drop database if exists ${databaseName}`);
await admin.query(`create database ${databaseName}`);
try {
  const migrated = await measured(['migrate']);
  if (migrated.code !== 0) throw new Error(`regwatch migrate failed: ${migrated.output}`);
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  await client.query(
    `insert into sources (id, name, kind, url, jurisdictions, poll_interval_seconds, enabled)
     values ('bench', 'Bench imports', 'press', 'https://bench.example/feed', '{}', 86400, false)`,
  );

  const below = join(folder, 'below-cap.xml');
  writeFileSync(below, feedOfSize(capBytes - 1024, entries));
  const huge = join(folder, 'huge.xml');
  writeFileSync(huge, '');
  truncateSync(huge, 100 * 1024 * 1024);

  out(`command: npx tsx bench/import-memory.ts ${process.argv.slice(2).join(' ')}`.trim());
  out(`node ${process.version}; FETCH_MAX_BYTES ${capBytes}`);
  out('| run | file bytes | exit | peak RSS MB | seconds |');
  out('|---|--:|--:|--:|--:|');
  const floor = await measured(['--version']);
  out(`| \`regwatch --version\` (floor) | – | ${floor.code} | ${floor.peakMb} | ${floor.seconds.toFixed(1)} |`);
  const refused = await measured(['import', '--source', 'bench', huge]);
  out(
    `| import of a 100 MiB file (refused) | ${statSync(huge).size} | ${refused.code} | ${refused.peakMb} | ${refused.seconds.toFixed(1)} |`,
  );
  const imported = await measured(['import', '--source', 'bench', below, '--timeout', '1800']);
  out(
    `| import ${entries} entries, 1 KiB below the cap | ${statSync(below).size} | ${imported.code} | ${imported.peakMb} | ${imported.seconds.toFixed(1)} |`,
  );
  const stored = await client.query<{ n: number }>('select count(*)::int as n from items');
  await client.end();
  out();
  out(`refused: ${refused.output.trim()}`);
  out(`imported: ${imported.output.trim()}`);
  out(`items stored: ${stored.rows[0]?.n}`);
} finally {
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
  const redis = new Redis({ host: '127.0.0.1', port: 6379 });
  const keys = await redis.keys(`${queuePrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  rmSync(folder, { recursive: true, force: true });
}
