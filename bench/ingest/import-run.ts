import { type ChildProcess, spawn } from 'node:child_process';
import { createRedis, queueNames } from '@regwatch/queue';
import { Queue } from 'bullmq';
import { type LockWait, startLockSampler } from './lock-sampler.ts';
import { countersDelta, type DatabaseCounters, databaseCounters, postgresCpuMs, redisCpuMs } from './meters.ts';

/**
 * Loaded (`node --import`) into every `regwatch` child: counts the SQL statements it sends (each
 * `query` of node-postgres' Client, which the pool and drizzle go through; pg is not bundled, so
 * the child loads this same module) and prints them with its CPU time on SIGUSR2 and at exit.
 */
function meterHook(regwatchBin: string): string {
  const code = `import { writeSync } from "node:fs"; import { createRequire } from "node:module";
const { Client } = createRequire(${JSON.stringify(regwatchBin)})("pg");
let statements = 0; const query = Client.prototype.query;
Client.prototype.query = function (...args) { statements += 1; return query.apply(this, args); };
const report = () => { const u = process.cpuUsage(); writeSync(2, "\\nbench-meter " + (u.user + u.system) + " " + statements + "\\n"); };
process.on("exit", report); process.on("SIGUSR2", report);`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

/** A child's CPU µs and statements so far, from its last meter line. */
interface Meter {
  cpuUs: number;
  statements: number;
}

function lastMeter(output: string): Meter {
  const lines = [...output.matchAll(/bench-meter (\d+) (\d+)/g)];
  const last = lines.at(-1);
  return { cpuUs: Number(last?.[1] ?? 0), statements: Number(last?.[2] ?? 0) };
}

export interface ImportRun {
  seconds: number;
  stored: number;
  report: string;
  /** Node CPU of the import process (all of it, start included) and of the ingest processes over the run. */
  importCpuMs: number;
  workersCpuMs: number;
  /** SQL statements sent by the import and by the ingest processes over the run. */
  statements: number;
  postgresCpuMs: number;
  /** CPU of the (private) Redis server over the run. */
  redisCpuMs: number;
  /** Lock waits of the bench database's backends, sampled from pg_stat_activity over the import. */
  locks: LockWait;
  counters: DatabaseCounters;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `count` process-queue workers are registered on the prefix (the ingest processes are up). */
export async function untilWorkers(redisUrl: string, prefix: string, count: number): Promise<void> {
  const connection = createRedis(redisUrl, 'producer');
  const queue = new Queue(queueNames.process, { connection, prefix });
  try {
    for (let waited = 0; (await queue.getWorkersCount()) < count; waited += 200) {
      if (waited > 60_000) throw new Error(`the ${count} ingest processes did not start in a minute`);
      await pause(200);
    }
  } finally {
    await queue.close();
    await connection.quit().catch(() => connection.disconnect());
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/**
 * One `regwatch import` of `file` into source `sourceId`. With `ingestProcesses` 0 the import
 * runs the process workers itself (nothing else is running); otherwise that many `regwatch
 * start --only ingest` processes store what it enqueues and the import only reads and waits.
 */
export async function importRun(input: {
  regwatchBin: string;
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  sourceId: string;
  file: string;
  ingestProcesses: number;
  /** PROCESS_BATCH_SIZE for the import and ingest processes (entries per process job), when given. */
  processBatchSize?: number;
}): Promise<ImportRun> {
  const env = {
    PATH: process.env.PATH,
    DATABASE_URL: input.databaseUrl,
    REDIS_URL: input.redisUrl,
    QUEUE_PREFIX: input.prefix,
    LOG_LEVEL: 'warn',
    PORT: '0',
    INGEST_HEALTH_PORT: '0',
    // A 50,000-item feed is 29 MiB: above the 10 MiB default a fetched document may have.
    FETCH_MAX_BYTES: String(256 * 1024 * 1024),
    // Read by the batch path of issue 15; a process that does not know the variable ignores it.
    ...(input.processBatchSize ? { PROCESS_BATCH_SIZE: String(input.processBatchSize) } : {}),
  };
  const hook = meterHook(input.regwatchBin);
  const workers = Array.from({ length: input.ingestProcesses }, () =>
    spawn(process.execPath, ['--import', hook, input.regwatchBin, 'start', '--only', 'ingest', '--no-migrate'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  const workerOutput = workers.map(() => '');
  workers.forEach((worker, index) => {
    worker.stderr?.on('data', (chunk: Buffer) => {
      workerOutput[index] += chunk.toString();
    });
  });
  /** The ingest processes' meters summed, asked for by signal. */
  const workersMeter = async (): Promise<Meter> => {
    const marks = workerOutput.map((output) => output.length);
    for (const worker of workers) worker.kill('SIGUSR2');
    for (
      let waited = 0;
      workerOutput.some((output, index) => !output.slice(marks[index]).includes('bench-meter'));
      waited += 50
    ) {
      if (waited > 5_000) throw new Error('an ingest process did not report its meter');
      await pause(50);
    }
    const meters = workerOutput.map(lastMeter);
    return {
      cpuUs: meters.reduce((sum, meter) => sum + meter.cpuUs, 0),
      statements: meters.reduce((sum, meter) => sum + meter.statements, 0),
    };
  };
  const killAll = () => {
    for (const worker of workers) worker.kill('SIGKILL');
  };
  process.once('exit', killAll);
  try {
    await untilWorkers(input.redisUrl, input.prefix, input.ingestProcesses);
    const before = {
      counters: await databaseCounters(input.databaseUrl),
      pg: postgresCpuMs(),
      workers: await workersMeter(),
      redis: await redisCpuMs(input.redisUrl),
    };
    const sampler = await startLockSampler(input.databaseUrl);
    const began = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', hook, input.regwatchBin, 'import', '--source', input.sourceId, input.file, '--timeout', '1800'],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await exited(child);
    const wall = (performance.now() - began) / 1000;
    const locks = await sampler.stop();
    if (code !== 0) throw new Error(`regwatch import exited ${code}: ${stderr.trim().split('\n').at(-1)}`);
    // Backends report their counters at most once a second: let the idle workers' reports land.
    await pause(1_500);
    const after = {
      counters: await databaseCounters(input.databaseUrl),
      pg: postgresCpuMs(),
      workers: await workersMeter(),
      redis: await redisCpuMs(input.redisUrl),
    };
    const report = stdout.trim();
    const importMeter = lastMeter(stderr);
    const inner = Number(/in ([\d.]+) s\s*$/.exec(report)?.[1] ?? wall);
    const stored = /stored (\d+) new, (\d+) updated, (\d+) as alternates/.exec(report);
    return {
      seconds: inner,
      stored: stored ? Number(stored[1]) + Number(stored[2]) + Number(stored[3]) : 0,
      report,
      importCpuMs: importMeter.cpuUs / 1000,
      workersCpuMs: (after.workers.cpuUs - before.workers.cpuUs) / 1000,
      statements: importMeter.statements + after.workers.statements - before.workers.statements,
      postgresCpuMs: after.pg - before.pg,
      redisCpuMs: after.redis - before.redis,
      locks,
      counters: countersDelta(after.counters, before.counters),
    };
  } finally {
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(workers.map(exited));
    process.off('exit', killAll);
  }
}
