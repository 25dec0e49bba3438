/**
 * Is the API fast under load? Seeds 1,000,000 items (~190,000 stories, 29 catalog sources, three
 * years, tags from the real catalogs with Zipf's law, text from the recorded responses) into its
 * own database, starts the real API (`regwatch start --only api`) and a bare Fastify app as child
 * processes, and loads each scenario of bench/api/scenarios.ts with autocannon (fixed connections
 * and duration, after a warm-up). Prints requests/s, p50/p99 and each as a ratio to the bare
 * Fastify ceiling measured in the same run, with the issue's aims checked; then, for each /v1
 * list, the EXPLAIN (ANALYZE, BUFFERS) of its query and where a request's time goes.
 *
 *   npx tsx bench/api.ts                  # seed (about 3 minutes), then measure: 10 s a scenario
 *   npx tsx bench/api.ts --reuse          # reuse the seeded database when it holds what was asked
 *   npx tsx bench/api.ts --reuse --seconds 20 --connections 10 --warmup 3
 *   npx tsx bench/api.ts --items 100000   # a smaller archive (its own database)
 *   npx tsx bench/api.ts --reuse --only items   # scenarios whose name contains "items" (and the ceiling)
 *   npx tsx bench/api.ts --reuse --only 'GB + meta' --profile   # and where the API process spent its CPU
 *   npx tsx bench/api.ts --reuse --minutes 10   # then the scenarios again in turn for 10 minutes, the API's memory every 30 s
 *   npx tsx bench/api.ts --reuse --v8-defaults  # the API without the heap limits of servers.ts's apiNodeOptions
 *
 * Databases: regwatch_bench_api (1M items) or regwatch_bench_api_N, dropped and recreated unless
 * reused; Redis keys under the prefix bench-api-<pid> (rate-limit counters, gone within a minute).
 * Server logs go to a temporary folder, named at the end. Ratios are what to compare: the machine
 * is shared, so absolute figures move from run to run.
 */
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { anatomyOf } from './api/explain.ts';
import { measure, residentMb } from './api/load.ts';
import { createBenchApiKey, deepCursor, prepareScenarios } from './api/prepare.ts';
import { profileSummary } from './api/profile.ts';
import { requestsTable, resultsTable, type ScenarioOutcome } from './api/report.ts';
import { scenarios } from './api/scenarios.ts';
import { regwatchBin, seedArchive } from './api/seed.ts';
import { apiNodeOptions, startApiServer, startCeilingServer } from './api/servers.ts';

const { values: options } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    items: { type: 'string', default: '1000000' },
    'deep-pages': { type: 'string', default: '1000' },
    only: { type: 'string' },
    'no-explain': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    minutes: { type: 'string', default: '0' },
    'v8-defaults': { type: 'boolean', default: false },
  },
  strict: true,
});

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const settings = {
  seconds: Number(options.seconds),
  warmupSeconds: Number(options.warmup),
  connections: Number(options.connections),
};
const itemCount = Number(options.items);
const deepPages = Number(options['deep-pages']);
const deepPageSize = 100;

const postgresVersion = await (async () => {
  const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  const result = await client.query<{ server_version: string }>('show server_version');
  await client.end();
  return result.rows[0]?.server_version ?? '?';
})();
out(`command: npx tsx bench/api.ts ${process.argv.slice(2).join(' ')}`.trim());
out(`API node options: ${options['v8-defaults'] ? 'V8 defaults' : apiNodeOptions.join(' ')}`);
out(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, PostgreSQL ${postgresVersion}, ` +
    `load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
);

const seed = await seedArchive(itemCount, { reuse: options.reuse, log: out });
out(
  `seed: ${seed.items.toLocaleString('en')} items, ${seed.stories.toLocaleString('en')} stories, ` +
    `${seed.entries.toLocaleString('en')} entries in ${seed.database}; ${seed.seconds.toFixed(0)} s ` +
    `(${Object.entries(seed.phases)
      .map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)} s`)
      .join(', ')})${seed.reused ? ', reused from an earlier run' : ''}`,
);
if (seed.migrationsApplied) out(`applied ${seed.migrationsApplied} newer migration(s) to the reused database`);
if (seed.extraIndexes.length > 0 || seed.missingIndexes.length > 0) {
  out(
    `NOTE: indexes differ from the seed's: extra ${seed.extraIndexes.join(', ') || 'none'}; ` +
      `missing ${seed.missingIndexes.join(', ') || 'none'}`,
  );
}

const logFolder = mkdtempSync(join(tmpdir(), 'regwatch-bench-api-'));
const ceiling = await startCeilingServer(logFolder);
const api = await startApiServer({
  regwatchBin,
  databaseUrl: seed.url,
  queuePrefix: `bench-api-${process.pid}`,
  logFolder,
  nodeOptions: options.profile ? ['--cpu-prof', `--cpu-prof-dir=${logFolder}`] : [],
  v8Defaults: options['v8-defaults'],
});
const monitor = new pg.Client({ connectionString: seed.url });
await monitor.connect();

/** The API's PostgreSQL backends: the pool's connections, named by application_name. */
async function apiBackends(): Promise<number[]> {
  const result = await monitor.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and application_name = 'regwatch-api'`,
  );
  return result.rows.map((row) => row.pid);
}

const outcomes: ScenarioOutcome[] = [];
/** A client address of its own for each load (the API trusts X-Forwarded-For here): a budget each. */
let addressCount = 0;
const ownAddress = (headers: Record<string, string>) => {
  addressCount += 1;
  return { ...headers, 'x-forwarded-for': `198.18.${Math.floor(addressCount / 250)}.${(addressCount % 250) + 1}` };
};
// The API's resident memory, sampled through the whole run: the issue's aim is ≤ 300 MB after 10 minutes of load.
const memory = { startMb: residentMb(api.pid), peakMb: 0 };
const memorySampler = setInterval(() => {
  memory.peakMb = Math.max(memory.peakMb, residentMb(api.pid));
}, 1_000);
try {
  const apiKey = createBenchApiKey(regwatchBin, seed.url);
  const selected = scenarios.filter(
    (scenario) => options.only === undefined || scenario.server === 'ceiling' || scenario.name.includes(options.only),
  );
  const ready = await prepareScenarios(selected, {
    urls: { ceiling: ceiling.url, api: api.url },
    apiKey,
    deepCursor: async () => {
      const began = performance.now();
      const cursor = await deepCursor(api.url, deepPages, deepPageSize);
      out(
        `deep cursor: followed ${deepPages} pages of ${deepPageSize} (item ${(deepPages * deepPageSize + 1).toLocaleString('en')} onward) ` +
          `in ${((performance.now() - began) / 1000).toFixed(1)} s`,
      );
      return cursor;
    },
  });
  for (const scenario of ready) {
    if (scenario.unavailable) {
      out(`${scenario.name}: ${scenario.unavailable}`);
      outcomes.push({ scenario });
      continue;
    }
    const processes = async (): Promise<Record<string, number[]>> =>
      scenario.server === 'ceiling' ? { server: [ceiling.pid] } : { server: [api.pid], postgres: await apiBackends() };
    const figures = await measure(scenario.url, ownAddress(scenario.headers), settings, processes);
    out(
      `${scenario.name}: ${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`,
    );
    outcomes.push({ scenario, figures });
  }

  const soakMinutes = Number(options.minutes);
  if (soakMinutes > 0) {
    out();
    out(`soak: the API scenarios in turn, 30 s each, for ${soakMinutes} minutes (${settings.connections} connections)`);
    const loads = ready.filter((scenario) => scenario.server === 'api' && !scenario.unavailable);
    const began = performance.now();
    for (let turn = 0; loads.length > 0 && performance.now() - began < soakMinutes * 60_000; turn += 1) {
      const scenario = loads[turn % loads.length];
      if (!scenario) break;
      const figures = await measure(
        scenario.url,
        ownAddress(scenario.headers),
        { ...settings, seconds: 30, warmupSeconds: 0 },
        async () => ({}),
      );
      const minute = (performance.now() - began) / 60_000;
      out(
        `  minute ${minute.toFixed(1)}: API RSS ${residentMb(api.pid)} MB (${scenario.name}: ` +
          `${figures.requestsPerSecond.toFixed(0)} req/s, p99 ${figures.p99Ms} ms)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    out(`  30 s after the load: API RSS ${residentMb(api.pid)} MB`);
  }

  out();
  out(
    `API resident memory: ${memory.startMb} MB when ready, peak ${memory.peakMb} MB, ${residentMb(api.pid)} MB at the end`,
  );
  out(
    `${settings.connections} connections, ${settings.seconds} s per scenario after ${settings.warmupSeconds} s of warm-up; ` +
      `load average now ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
  );
  out(resultsTable(outcomes));
  out();
  out('requests:');
  out(requestsTable(outcomes));

  if (!options['no-explain']) {
    out();
    out('where a /v1 request goes (outside the server, one connection, medians of 30):');
    out('| scenario | SQL execution ms | query function ms | JSON.stringify ms | ETag sha256 ms | body bytes |');
    out('|---|--:|--:|--:|--:|--:|');
    const plans: string[] = [];
    for (const { scenario } of outcomes) {
      if (!scenario.explain || scenario.unavailable) continue;
      const path = scenario.url.slice(api.url.length);
      const anatomy = await anatomyOf(seed.url, path);
      out(
        `| ${scenario.name} | ${anatomy.executionMs.toFixed(2)} | ${anatomy.queryMs.toFixed(2)} | ` +
          `${anatomy.serialiseMs.toFixed(3)} | ${anatomy.etagMs.toFixed(3)} | ${anatomy.bodyBytes} |`,
      );
      plans.push(`-- ${scenario.name}: GET ${scenario.path}\n${anatomy.plan}`);
    }
    out();
    out(plans.join('\n\n'));
  }
} finally {
  clearInterval(memorySampler);
  await monitor.end();
  await api.stop();
  await ceiling.stop();
  if (options.profile) {
    out();
    out('API process CPU by package or file (self time over the whole run, idle excluded):');
    out(profileSummary(logFolder));
  }
  out();
  out(`server logs: ${logFolder}`);
}
