import type { RoundupConfig } from '@regwatch/config';
import type { RoundupJob } from '@regwatch/queue';
import { type RunningService, type ServiceOptions, startProbedHealthServer, startService } from '@regwatch/runtime';
import type { Queue } from 'bullmq';
import { startRoundup } from './start-roundup.ts';

export interface RoundupParts {
  queue: Queue<RoundupJob>;
  /** Where /healthz and /readyz answer. */
  healthUrl: string;
}

export type RoundupMainDeps = Pick<ServiceOptions, 'logger' | 'signals' | 'exit' | 'metrics'> & { now?: () => Date };

/**
 * The roundup service on packages/runtime, like the ingest: a health server (`/readyz` probes
 * PostgreSQL and Redis), then the `roundup` worker with its schedules. Closed in reverse under
 * SHUTDOWN_TIMEOUT_MS.
 */
export function main(config: RoundupConfig, deps: RoundupMainDeps = {}): Promise<RunningService<RoundupParts>> {
  const { now, ...service } = deps;
  return startService({ name: 'roundup', config, ...service }, async ({ logger, database, closeList, metrics }) => {
    const health = await startProbedHealthServer({
      host: config.ROUNDUP_HEALTH_HOST,
      port: config.ROUNDUP_HEALTH_PORT,
      redisUrl: config.REDIS_URL,
      database,
      closeList,
      metrics: { registry: metrics.registry, token: config.METRICS_TOKEN },
    });
    logger.info({ url: health.url }, 'roundup health listening');
    const roundup = await startRoundup({ config, db: database.db, logger, metrics, ...(now ? { now } : {}) });
    closeList.add('roundup worker', () => roundup.close());
    return { parts: { queue: roundup.queue, healthUrl: health.url }, drain: () => health.drain() };
  });
}
