import type { IngestConfig } from '@regwatch/config';
import type { Queues } from '@regwatch/queue';
import { type RunningService, type ServiceOptions, startProbedHealthServer, startService } from '@regwatch/runtime';
import { startIngest } from './start-ingest.ts';

/** What a running ingest service exposes to its composition root. */
export interface IngestParts {
  queues: Queues;
  /** Where /healthz and /readyz answer. */
  healthUrl: string;
}

export type IngestMainDeps = Pick<ServiceOptions, 'logger' | 'signals' | 'exit' | 'metrics'>;

/**
 * The ingest service, one process room on packages/runtime: its pg pool, a health server
 * (`/healthz`; `/readyz` probing PostgreSQL and Redis, 503 once shutdown begins), then the
 * workers of the registry. Closed in reverse: workers (finishing their jobs), health, pool,
 * under SHUTDOWN_TIMEOUT_MS. `regwatch start` calls it; resolves once everything is running.
 */
export function main(config: IngestConfig, deps: IngestMainDeps = {}): Promise<RunningService<IngestParts>> {
  return startService({ name: 'ingest', config, ...deps }, async ({ logger, database, closeList, metrics }) => {
    const health = await startProbedHealthServer({
      host: config.INGEST_HEALTH_HOST,
      port: config.INGEST_HEALTH_PORT,
      redisUrl: config.REDIS_URL,
      database,
      closeList,
      metrics: { registry: metrics.registry, token: config.METRICS_TOKEN },
    });
    logger.info({ url: health.url }, 'ingest health listening');
    const ingest = await startIngest({ config, db: database.db, logger, metrics });
    closeList.add('ingest workers', () => ingest.close());
    return { parts: { queues: ingest.queues, healthUrl: health.url }, drain: () => health.drain() };
  });
}
