import type { IngestConfig } from '@regwatch/config';
import type { Db } from '@regwatch/db';
import { createQueues, createRedis, type PollJob, pollJobValidator, type Queues, queueNames } from '@regwatch/queue';
import { type Job, Worker, type WorkerOptions } from 'bullmq';
import type { Logger } from 'pino';
import { createFetchDispatcher } from './fetch/dispatcher.ts';
import { type PollSummary, pollSource } from './poll-source.ts';
import { permanentFailure, replayFailedJobs } from './replay-failed.ts';
import { syncPollSchedules } from './schedules.ts';
import { storeEntry } from './store-entry.ts';

export interface IngestDeps {
  config: IngestConfig;
  db: Db;
  logger: Logger;
}

export interface Ingest {
  queues: Queues;
  /** Stops taking jobs, waits for the active ones, then closes queues and Redis. */
  close(): Promise<void>;
}

const maintenanceSchedulerId = 'maintenance';
const maintenanceEveryMs = 60_000;

/**
 * Starts the ingest workers: poll (fetch + parse + enqueue), process (store), maintenance
 * (keep schedulers in step with the sources table, replay transient failures). Every worker
 * reports errors and failures to the log; none of them lets an error end the process.
 */
export async function startIngest({ config, db, logger }: IngestDeps): Promise<Ingest> {
  const log = logger.child({ component: 'ingest' });
  // Workers wait for Redis rather than fail (maxRetriesPerRequest: null); BullMQ duplicates
  // this connection for its blocking commands.
  const connection = createRedis(config.REDIS_URL, 'worker');
  const queues = createQueues({ connection, prefix: config.QUEUE_PREFIX });
  // Public addresses only (plus FETCH_ALLOW_ADDRESSES), at most 2 requests in flight per host.
  const dispatcher = createFetchDispatcher({ allow: config.FETCH_ALLOW_ADDRESSES, maxConnectionsPerHost: 2 });
  const limits = {
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
    userAgent: config.FETCH_USER_AGENT,
  };

  const workerOptions = (concurrency: number): WorkerOptions => ({
    connection,
    prefix: config.QUEUE_PREFIX,
    concurrency,
    lockDuration: config.WORKER_LOCK_MS,
    stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
    // A job whose worker died twice is failed; maintenance replays it (at-least-once).
    maxStalledCount: 2,
    autorun: false,
  });

  const poll = new Worker<PollJob, PollSummary>(
    queueNames.poll,
    async (job) => {
      if (!pollJobValidator.Check(job.data)) throw permanentFailure('invalid poll payload');
      const summary = await pollSource(
        { db, processQueue: queues.process, dispatcher, limits },
        job.data.sourceId,
        job.data.force ?? false,
      );
      if (summary.status === 'failed') log.warn({ source: job.data.sourceId, ...summary }, 'source poll failed');
      else if (summary.status !== 'skipped') log.info({ source: job.data.sourceId, ...summary }, 'source polled');
      return summary;
    },
    workerOptions(config.POLL_CONCURRENCY),
  );

  const process = new Worker(
    queueNames.process,
    async (job) => storeEntry(db, job.data),
    workerOptions(config.PROCESS_CONCURRENCY),
  );

  const maintenance = new Worker(
    queueNames.maintenance,
    async () => {
      const schedules = await syncPollSchedules(db, queues.poll);
      const replayed = await replayFailedJobs(queues.process);
      if (schedules.scheduled + schedules.removed + replayed > 0) log.info({ ...schedules, replayed }, 'maintenance');
      return { ...schedules, replayed };
    },
    workerOptions(1),
  );

  const workers = [poll, process, maintenance];
  for (const worker of workers) {
    worker.on('error', (error) => log.error({ err: error, queue: worker.name }, 'worker error'));
    worker.on('failed', (job: Job | undefined, error: Error) =>
      log.warn({ err: error, queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade }, 'job failed'),
    );
  }

  // Boot: schedule every enabled source, replay what a previous crash left failed, then run.
  await syncPollSchedules(db, queues.poll);
  await replayFailedJobs(queues.process);
  await queues.maintenance.upsertJobScheduler(
    maintenanceSchedulerId,
    { every: maintenanceEveryMs },
    { name: 'maintenance', data: {} },
  );
  for (const worker of workers) {
    worker.run().catch((error: unknown) => log.error({ err: error, queue: worker.name }, 'worker stopped'));
  }
  log.info({ prefix: config.QUEUE_PREFIX }, 'ingest workers started');

  return {
    queues,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await queues.close();
      await dispatcher.close();
      await connection.quit().catch(() => connection.disconnect());
      log.info('ingest workers stopped');
    },
  };
}
