import { RegwatchError } from '@regwatch/core';
import { type Metrics, metricsAccess, metricsRefusal } from '@regwatch/runtime';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

/**
 * `/metrics` in Prometheus text format: operational, so outside /v1, hidden from the public
 * OpenAPI document and not rate-limited; open to loopback clients, or to bearers of METRICS_TOKEN
 * when it is set. The client address is the socket's, not X-Forwarded-For (TRUST_PROXY).
 */
export function metricsRoute(app: FastifyTypeBox, deps: Pick<AppDeps, 'config'>, metrics: Metrics): void {
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!metricsAccess(deps.config.METRICS_TOKEN, request.socket.remoteAddress, request.headers.authorization)) {
      reply.header('www-authenticate', 'Bearer realm="regwatch-metrics"');
      throw new RegwatchError('unauthorized', metricsRefusal);
    }
    reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store');
    return metrics.registry.metrics();
  });
}
