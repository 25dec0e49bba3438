import type { IngestConfig } from '@regwatch/config';
import type { Db } from '@regwatch/db';
import { createQueues, createRedis, type Queues, scheduleWebhookTicks, watchRedis } from '@regwatch/queue';
import { bootAndRecoverRedis, createWorkers, type Metrics, type Workers } from '@regwatch/runtime';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createFetchDispatcher } from './fetch/dispatcher.ts';
import { type IngestContext, ingestWorkers } from './ingest-workers.ts';
import { reconcilePending } from './reconcile-pending.ts';
import { replayFailedJobs } from './replay-failed.ts';
import { syncPollSchedules } from './schedules.ts';

export interface IngestDeps {
  config: IngestConfig;
  db: Db;
  logger: Logger;
  /** Where the workers record fetches, entries and items; none in `regwatch import`. */
  metrics?: Metrics | undefined;
}

export interface Ingest {
  queues: Queues;
  /** Stops taking jobs, waits for the active ones, then closes queues and Redis. */
  close(): Promise<void>;
}

export interface IngestWorkers extends Ingest {
  workers: Workers;
  connection: Redis;
}

const maintenanceSchedulerId = 'maintenance';
const maintenanceEveryMs = 60_000;
/** How often the ingest checks that Redis still holds its maintenance scheduler (one command). */
const lostDataCheckMs = 5_000;

/**
 * Starts the ingest workers of the registry (`ingestWorkers`): poll (fetch + parse + enqueue),
 * process (store), maintenance (keep schedulers in step with the sources table, replay
 * transient failures), built by the runtime's one `createWorkers`.
 */
export async function startIngest(deps: IngestDeps): Promise<Ingest> {
  const { db } = deps;
  const { connection, queues, workers, close, log } = openIngestWorkers(deps);
  // Boot, and again whenever Redis comes back (an empty Redis after a failover has lost the
  // schedulers too): schedule every enabled source, replay what a crash left failed,
  // re-enqueue what PostgreSQL says is read but not stored and Redis no longer holds.
  const boot = async () => {
    await syncPollSchedules(db, queues.poll);
    await replayFailedJobs(queues.process);
    await queues.maintenance.upsertJobScheduler(
      maintenanceSchedulerId,
      { every: maintenanceEveryMs },
      { name: 'maintenance', data: {} },
    );
    await scheduleWebhookTicks(queues.webhooks, deps.config.WEBHOOK_DISPATCH_EVERY_MS);
    const pending = await reconcilePending(db, queues.process, {
      graceMs: deps.config.RECONCILE_AFTER_SECONDS * 1_000,
    });
    if (pending.requeued > 0) log.info({ pending }, 'entries Redis had lost were enqueued again');
  };
  const stopRecovery = await bootAndRecoverRedis({
    connection,
    boot,
    sentinel: { queue: queues.maintenance, schedulerId: maintenanceSchedulerId },
    everyMs: lostDataCheckMs,
    log,
    what: 'schedules and pending entries',
  });
  workers.run();
  log.info({ prefix: deps.config.QUEUE_PREFIX }, 'ingest workers started');
  return {
    queues,
    async close() {
      stopRecovery();
      await close();
    },
  };
}

/**
 * The connection, queues and workers of the ingest registry (all of it, or `only` some queues),
 * built paused: `startIngest` boots them, `regwatch import` runs `process` when no ingest
 * process is there.
 */
export function openIngestWorkers(
  { config, db, logger, metrics }: IngestDeps,
  options: { only?: readonly string[] } = {},
): IngestWorkers & { log: Logger } {
  const log = logger.child({ component: 'ingest' });
  // Workers wait for Redis rather than fail (maxRetriesPerRequest: null); BullMQ duplicates
  // this connection for its blocking commands.
  const connection = createRedis(config.REDIS_URL, 'worker');
  watchRedis(connection, log, 'ingest');
  const queues = createQueues({ connection, prefix: config.QUEUE_PREFIX });
  // Public addresses only (plus FETCH_ALLOW_ADDRESSES), at most 2 requests in flight per host.
  const dispatcher = createFetchDispatcher({ allow: config.FETCH_ALLOW_ADDRESSES, maxConnectionsPerHost: 2 });
  const limits = {
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
    userAgent: config.FETCH_USER_AGENT,
  };

  metrics?.watchQueues([queues.poll, queues.process, queues.article, queues.maintenance, queues.webhooks]);
  const context: IngestContext = { config, db, queues, dispatcher, limits, metrics };
  const workers = createWorkers(
    context,
    {
      connection,
      prefix: config.QUEUE_PREFIX,
      logger: log,
      lockMs: config.WORKER_LOCK_MS,
      stalledIntervalMs: config.WORKER_STALLED_INTERVAL_MS,
    },
    ingestWorkers,
    options,
  );
  return {
    log,
    connection,
    queues,
    workers,
    async close() {
      await workers.close();
      await queues.close();
      await dispatcher.close();
      await connection.quit().catch(() => connection.disconnect());
      log.info('ingest workers stopped');
    },
  };
}
