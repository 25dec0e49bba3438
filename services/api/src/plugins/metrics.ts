import type { Metrics } from '@regwatch/runtime';
import type { FastifyTypeBox } from '../types.ts';

/**
 * Counts every response and its time by route pattern (`/v1/items/:id`, never the raw URL, so
 * ids and query strings cannot blow up the label set); a request no route matched is `unmatched`.
 * /metrics itself is left out.
 */
export function registerRequestMetrics(app: FastifyTypeBox, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.api.requests.inc(labels);
    metrics.api.duration.observe(labels, reply.elapsedTime / 1_000);
  });
}
