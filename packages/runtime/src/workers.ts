import { isRedisConnectionError } from '@regwatch/queue';
import { type Job, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { classifyJobError, permanentFailure } from './job-errors.ts';

/** Checks a job's payload (a compiled TypeBox schema has this shape). */
export interface PayloadValidator<Data> {
  Check(value: unknown): value is Data;
}

/** What a processor gets besides its payload: the job (for progress, ids) and a logger bound to it. */
export interface JobContext {
  job: Job;
  log: Logger;
}

/**
 * One queue's worker, declared as data: which queue, what its payload must look like, what
 * processing a job means, and how many run at once. `why` says why the options are what they
 * are, so a reader of the registry never has to guess.
 */
export interface WorkerDefinition<Deps> {
  queue: string;
  payload: PayloadValidator<unknown>;
  process: (deps: Deps, data: never, context: JobContext) => Promise<unknown>;
  concurrency: (deps: Deps) => number;
  why: string;
}

/** Declares a worker with its payload type checked against its processor. */
export function defineWorker<Deps, Data>(definition: {
  queue: string;
  payload: PayloadValidator<Data>;
  process: (deps: Deps, data: Data, context: JobContext) => Promise<unknown>;
  concurrency: (deps: Deps) => number;
  why: string;
}): WorkerDefinition<Deps> {
  return definition as unknown as WorkerDefinition<Deps>;
}

export interface WorkerRuntime {
  connection: Redis;
  prefix: string;
  logger: Logger;
  /** How long a job's lock lasts before another worker may take it as stalled. */
  lockMs: number;
  stalledIntervalMs: number;
}

export interface Workers {
  workers: Worker[];
  /** Starts taking jobs (workers are built paused so the caller can finish booting first). */
  run(): void;
  /** Stops taking jobs and waits for the active ones. */
  close(): Promise<void>;
}

/**
 * The one way Regwatch builds workers (the ingest process, `regwatch import`, the roundup):
 * every worker validates its payload, logs with its job id, classifies errors the same way,
 * survives a stalled job once (maxStalledCount 2: a worker killed mid-job is not enough to
 * fail the job), and has `error` and `failed` listeners so nothing it does ends the process.
 * `only` limits the registry to some queues (`regwatch import` runs only `process`).
 */
export function createWorkers<Deps>(
  deps: Deps,
  runtime: WorkerRuntime,
  registry: readonly WorkerDefinition<Deps>[],
  options: { only?: readonly string[] } = {},
): Workers {
  const chosen = options.only ? registry.filter((definition) => options.only?.includes(definition.queue)) : registry;
  const log = runtime.logger;
  const workers = chosen.map((definition) => {
    const workerOptions: WorkerOptions = {
      connection: runtime.connection,
      prefix: runtime.prefix,
      concurrency: definition.concurrency(deps),
      lockDuration: runtime.lockMs,
      stalledInterval: runtime.stalledIntervalMs,
      maxStalledCount: 2,
      autorun: false,
    };
    const worker = new Worker(
      definition.queue,
      async (job: Job) => {
        const jobLog = log.child({ queue: definition.queue, jobId: job.id });
        if (!definition.payload.Check(job.data)) throw permanentFailure(`invalid ${definition.queue} payload`);
        try {
          return await definition.process(deps, job.data as never, { job, log: jobLog });
        } catch (error) {
          throw classifyJobError(error);
        }
      },
      workerOptions,
    );
    worker.on('error', (error) => {
      // Redis being down is reported once per reconnect by the connection's watcher (watchRedis).
      if (isRedisConnectionError(error)) return;
      log.error({ err: error, queue: definition.queue }, 'worker error');
    });
    worker.on('failed', (job: Job | undefined, error: Error) =>
      log.warn(
        { err: { message: error.message }, queue: definition.queue, jobId: job?.id, attempts: job?.attemptsMade },
        'job failed',
      ),
    );
    return worker;
  });
  return {
    workers,
    run() {
      for (const worker of workers) {
        worker.run().catch((error: unknown) => log.error({ err: error, queue: worker.name }, 'worker stopped'));
      }
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
