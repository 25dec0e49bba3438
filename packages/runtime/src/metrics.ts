import type { Queue } from 'bullmq';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Queue states counted on each scrape ('prioritized': an import's backfill jobs, behind live polls' 'waiting' ones). */
const queueStates = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;
/** A scrape never waits longer than this on Redis: a Redis outage shows as `regwatch_queue_up 0`. */
const queueScrapeTimeoutMs = 1_000;

/**
 * Every metric a Regwatch process exports, defined in one place on one registry per process
 * (no global registry: `regwatch start` shares one between its three services, tests build their
 * own). The services record into it at their edges (workers, the API's response hook); core
 * never sees it.
 */
export interface Metrics {
  registry: Registry;
  ingest: {
    fetches: Counter<'source' | 'outcome'>;
    entriesParsed: Counter<'source'>;
    relevanceDrops: Counter<'source'>;
    items: Counter<'outcome' | 'dedup'>;
    clustering: Counter<'outcome'>;
  };
  api: {
    requests: Counter<'method' | 'route' | 'status'>;
    duration: Histogram<'method' | 'route' | 'status'>;
  };
  roundup: {
    sends: Counter<'outcome'>;
    editionsBuilt: Counter<never>;
  };
  /** Adds queues whose depths are read on each scrape (a process adds the queues it opened). */
  watchQueues(queues: readonly Queue[]): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'regwatch_' });
  const registers = [registry];
  const watched = new Set<Queue>();

  // Each gauge reads Redis in its own collect (prom-client collects metrics concurrently); a
  // scrape that cannot read a queue in time leaves its series out rather than hang.
  new Gauge({
    name: 'regwatch_queue_jobs',
    help: 'Jobs in a queue by state, read from Redis when scraped',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      const read = [...watched].map(async (queue) => {
        const counts = await withinMs(queue.getJobCounts(...queueStates), queueScrapeTimeoutMs);
        for (const state of queueStates) this.set({ queue: queue.name, state }, counts[state] ?? 0);
      });
      await Promise.allSettled(read);
    },
  });
  new Gauge({
    name: 'regwatch_queue_oldest_waiting_seconds',
    help: 'Age of the oldest waiting job of a queue (0 when none waits)',
    labelNames: ['queue'] as const,
    registers,
    async collect() {
      this.reset();
      const now = Date.now();
      const read = [...watched].map(async (queue) => {
        // Ascending: the oldest waiting job first.
        const [oldest] = await withinMs(queue.getJobs(['waiting'], 0, 0, true), queueScrapeTimeoutMs);
        this.set({ queue: queue.name }, oldest ? Math.max(0, (now - oldest.timestamp) / 1_000) : 0);
      });
      await Promise.allSettled(read);
    },
  });

  return {
    registry,
    ingest: {
      fetches: new Counter({
        name: 'regwatch_ingest_fetches_total',
        help: 'Source polls by outcome (fetched, not-modified, or the error code of a failure)',
        labelNames: ['source', 'outcome'] as const,
        registers,
      }),
      entriesParsed: new Counter({
        name: 'regwatch_ingest_entries_parsed_total',
        help: 'Entries read from fetched source documents',
        labelNames: ['source'] as const,
        registers,
      }),
      relevanceDrops: new Counter({
        name: 'regwatch_ingest_relevance_drops_total',
        help: 'Entries a source filter dropped as not relevant',
        labelNames: ['source'] as const,
        registers,
      }),
      items: new Counter({
        name: 'regwatch_ingest_items_total',
        help: 'Processed entries by outcome (inserted, updated, unchanged, linked) and dedup match',
        labelNames: ['outcome', 'dedup'] as const,
        registers,
      }),
      clustering: new Counter({
        name: 'regwatch_ingest_clustering_total',
        help: 'New items by what clustering did (new-story, joined, merged)',
        labelNames: ['outcome'] as const,
        registers,
      }),
    },
    api: {
      requests: new Counter({
        name: 'regwatch_api_requests_total',
        help: 'API requests by route pattern and status',
        labelNames: ['method', 'route', 'status'] as const,
        registers,
      }),
      duration: new Histogram({
        name: 'regwatch_api_request_duration_seconds',
        help: 'API response time by route pattern and status',
        labelNames: ['method', 'route', 'status'] as const,
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        registers,
      }),
    },
    roundup: {
      sends: new Counter({
        name: 'regwatch_roundup_sends_total',
        help: 'Roundup deliveries by outcome (sent, failed, bounced, uncertain, skipped, empty, deferred)',
        labelNames: ['outcome'] as const,
        registers,
      }),
      editionsBuilt: new Counter({
        name: 'regwatch_roundup_editions_built_total',
        help: 'Roundup editions built and stored',
        registers,
      }),
    },
    watchQueues(queues) {
      for (const queue of queues) watched.add(queue);
    },
  };
}

async function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
