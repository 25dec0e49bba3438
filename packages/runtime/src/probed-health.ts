import type { Database } from '@regwatch/db';
import { createRedis, waitForRedis } from '@regwatch/queue';
import type { CloseList } from './close-list.ts';
import { type HealthServer, type HealthServerOptions, startHealthServer } from './health-server.ts';

/**
 * A worker service's health server: `/healthz`, and `/readyz` probing PostgreSQL and Redis.
 * Probes go through a connection of their own that fails fast (a `client` connection), so a
 * Redis outage reads as "failed", not as a hang; it only pings, so it is disconnected at once
 * on close (QUIT would wait for a Redis that is away). Both are added to `closeList`.
 */
export async function startProbedHealthServer(options: {
  host: string;
  port: number;
  redisUrl: string;
  database: Database;
  closeList: CloseList;
  metrics?: HealthServerOptions['metrics'];
}): Promise<HealthServer> {
  const probe = createRedis(options.redisUrl, 'client');
  probe.on('error', () => undefined);
  options.closeList.add('redis probe', async () => probe.disconnect());
  const health = await startHealthServer({
    host: options.host,
    port: options.port,
    metrics: options.metrics,
    probes: {
      postgres: () => options.database.ping(2_000),
      redis: async () => {
        await waitForRedis(probe, 1_000);
        await probe.ping();
      },
    },
  });
  options.closeList.add('health server', () => health.close());
  return health;
}
