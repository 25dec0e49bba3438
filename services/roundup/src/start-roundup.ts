import type { RoundupConfig } from '@regwatch/config';
import type { Db } from '@regwatch/db';
import { createRedis, createRoundupQueue, type RoundupJob, watchRedis } from '@regwatch/queue';
import { bootAndRecoverRedis, createWorkers, type Metrics } from '@regwatch/runtime';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { defaultRetryBaseMs, type RoundupContext } from './context.ts';
import { createMailer } from './mail-transport.ts';
import { roundupWorkers } from './roundup-workers.ts';
import { checkSchedulerId, upsertRoundupSchedules } from './schedules.ts';

/** How often the service checks that Redis still holds its schedules (one command). */
const lostDataCheckMs = 10_000;

export interface Roundup {
  queue: Queue<RoundupJob>;
  close(): Promise<void>;
}

/** The roundup worker, its schedules (upserted at boot) and one catch-up check at boot. */
export async function startRoundup(deps: {
  config: RoundupConfig;
  db: Db;
  logger: Logger;
  metrics?: Metrics | undefined;
  now?: () => Date;
}): Promise<Roundup> {
  const { config } = deps;
  const log = deps.logger.child({ component: 'roundup' });
  const connection = createRedis(config.REDIS_URL, 'worker');
  watchRedis(connection, log, 'roundup');
  const queue = createRoundupQueue({ connection, prefix: config.QUEUE_PREFIX });
  const mailer = createMailer(config);
  if (!mailer) log.warn('SMTP_HOST is empty: editions are built and published, nothing is mailed');
  else if (config.ROUNDUP_SECRET === '') log.warn('ROUNDUP_SECRET is empty: editions are built, nothing is mailed');
  const context: RoundupContext = {
    config,
    db: deps.db,
    queue,
    mailer,
    log,
    now: deps.now ?? (() => new Date()),
    retryBaseMs: defaultRetryBaseMs,
    metrics: deps.metrics,
  };
  deps.metrics?.watchQueues([queue]);
  const workers = createWorkers(
    context,
    {
      connection,
      prefix: config.QUEUE_PREFIX,
      logger: log,
      lockMs: config.WORKER_LOCK_MS,
      stalledIntervalMs: config.WORKER_STALLED_INTERVAL_MS,
    },
    roundupWorkers,
  );
  // Boot, and again when Redis is back or lost its data: the schedules upserted and one
  // catch-up check queued.
  const stopRecovery = await bootAndRecoverRedis({
    connection,
    boot: async () => {
      await upsertRoundupSchedules(queue);
      await queue.add('check', { task: 'check' }, { jobId: `check-boot-${Date.now()}` });
    },
    sentinel: { queue, schedulerId: checkSchedulerId },
    everyMs: lostDataCheckMs,
    log,
    what: 'the roundup schedules',
  });
  workers.run();
  log.info({ prefix: config.QUEUE_PREFIX, mails: mailer !== null }, 'roundup worker started');
  return {
    queue,
    async close() {
      stopRecovery();
      await workers.close();
      await queue.close();
      mailer?.close();
      await connection.quit().catch(() => connection.disconnect());
      log.info('roundup worker stopped');
    },
  };
}
