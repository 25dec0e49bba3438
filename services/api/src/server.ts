import type { ApiConfig } from '@regwatch/config';
import type { Database } from '@regwatch/db';
import { createRedis, watchRedis } from '@regwatch/queue';
import type { Metrics } from '@regwatch/runtime';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { Lifecycle } from './types.ts';

export interface ApiServer {
  /** Where it listens, e.g. http://127.0.0.1:3000 */
  url: string;
  lifecycle: Lifecycle;
  close(): Promise<void>;
}

/** Runs the API: builds the app, listens, and knows how to stop in order. */
export async function startApiServer(options: {
  config: ApiConfig;
  database: Database;
  logger: Logger;
  version: string;
  metrics?: Metrics | undefined;
}): Promise<ApiServer> {
  const redis = createRedis(options.config.REDIS_URL, 'client');
  watchRedis(redis, options.logger, 'api');
  const lifecycle: Lifecycle = { draining: false };
  const app = await buildApp({
    config: options.config,
    database: options.database,
    redis,
    logger: options.logger,
    lifecycle,
    version: options.version,
    metrics: options.metrics,
  });
  const address = await app.listen({ host: options.config.HOST, port: options.config.PORT });
  return {
    url: address,
    lifecycle,
    async close() {
      lifecycle.draining = true;
      await app.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
