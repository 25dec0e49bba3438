import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface RedisRecoveryOptions {
  connection: Redis;
  /** What Redis must hold for the service to work (schedulers, re-enqueued work from PostgreSQL). */
  boot: () => Promise<void>;
  /** A scheduler that `boot` upserts: Redis without it has lost its data. */
  sentinel: { queue: Queue; schedulerId: string };
  /** How often to look for the sentinel. */
  everyMs: number;
  log: Logger;
  /** What is being restored, for the log lines ("the roundup schedules"). */
  what: string;
}

/**
 * Runs `boot` now, and again whenever Redis comes back (`ready`) or turns out to have lost its
 * data: a flush, or a failover to an empty replica that keeps the connection, emits no `ready`,
 * so the sentinel scheduler missing is how a service learns it. PostgreSQL holds the truth;
 * `boot` puts back in Redis what is derived from it. Returns the stop of the periodic check.
 */
export async function bootAndRecoverRedis(options: RedisRecoveryOptions): Promise<() => void> {
  const { connection, boot, sentinel, log, what } = options;
  await boot();
  let rebooting = false;
  const reboot = () => {
    if (rebooting) return;
    rebooting = true;
    boot()
      .catch((error: unknown) => log.warn({ err: error }, `could not restore ${what} after Redis came back`))
      .finally(() => {
        rebooting = false;
      });
  };
  connection.on('ready', reboot);
  const check = setInterval(() => {
    if (rebooting) return;
    sentinel.queue
      .getJobScheduler(sentinel.schedulerId)
      .then((scheduler) => {
        if (scheduler) return;
        log.warn(`Redis lost its data (no ${sentinel.schedulerId} scheduler); restoring ${what}`);
        reboot();
      })
      .catch(() => undefined); // Redis away: 'ready' reboots when it is back.
  }, options.everyMs);
  return () => {
    clearInterval(check);
    connection.off('ready', reboot);
  };
}
