import type { ApiConfig } from '@regwatch/config';
import { type RunningService, type ServiceOptions, startService } from '@regwatch/runtime';
import { startApiServer } from './server.ts';

/** What a running API service exposes to its composition root. */
export interface ApiParts {
  /** Where it listens, e.g. http://127.0.0.1:3000 */
  url: string;
}

export type ApiMainDeps = Pick<ServiceOptions, 'logger' | 'signals' | 'exit' | 'metrics'> & { version: string };

/**
 * The API service, one process room on packages/runtime: its pg pool, then the Fastify server
 * (its own /healthz and /readyz, which turn 503 once shutdown begins). Closed in reverse: the
 * server (in-flight requests finish), then the pool, under SHUTDOWN_TIMEOUT_MS. `regwatch
 * start` calls it; resolves once it listens.
 */
export function main(config: ApiConfig, deps: ApiMainDeps): Promise<RunningService<ApiParts>> {
  const { version, ...service } = deps;
  return startService({ name: 'api', config, ...service }, async ({ logger, database, closeList, metrics }) => {
    const server = await startApiServer({ config, database, logger, version, metrics });
    closeList.add('api server', () => server.close());
    logger.info({ url: server.url }, 'api listening');
    return {
      parts: { url: server.url },
      drain: () => {
        server.lifecycle.draining = true;
      },
    };
  });
}
