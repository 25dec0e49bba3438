import { createRedis } from '@regwatch/queue';
import { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../src/metrics.ts';

describe('queue depths on scrape (issue 14)', () => {
  it('leave their series out, and the scrape still answers, when Redis does not', async () => {
    const connection = createRedis('redis://127.0.0.1:1', 'worker');
    connection.on('error', () => undefined);
    const queue = new Queue('poll', { connection, prefix: 'unreachable' });
    queue.on('error', () => undefined);
    const metrics = createMetrics();
    metrics.watchQueues([queue]);
    metrics.ingest.fetches.inc({ source: 'ico', outcome: 'fetched' });
    try {
      const text = await metrics.registry.metrics();
      expect(text).toContain('regwatch_ingest_fetches_total{source="ico",outcome="fetched"} 1');
      expect(text).not.toMatch(/^regwatch_queue_jobs\{/m);
    } finally {
      connection.disconnect();
      await queue.close().catch(() => undefined);
    }
  });
});
