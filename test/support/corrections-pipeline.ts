import { type Db, insertSource } from '@regwatch/db';
import { createFetchDispatcher, type PollDeps, type PollSummary, pollSource, storeBatchJob } from '@regwatch/ingest';
import { createQueues, createRedis, type Queues } from '@regwatch/queue';
import {
  createTestDatabase,
  deletePrefix,
  type FixtureServer,
  feedHandler,
  startFixtureServer,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from '@regwatch/testing';

/** One entry of a test feed. */
export interface FeedEntry {
  guid: string;
  title: string;
  summary: string;
  link: string;
  published: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(entries: readonly FeedEntry[]): string {
  const items = entries.map(
    (entry) => `<item>
  <title>${escapeXml(entry.title)}</title>
  <link>${escapeXml(entry.link)}</link>
  <guid isPermaLink="false">${escapeXml(entry.guid)}</guid>
  <pubDate>${new Date(entry.published).toUTCString()}</pubDate>
  <description>${escapeXml(entry.summary)}</description>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test feed</title><link>https://news.example.org/</link>
<description>Test feed</description>
${items.join('\n')}
</channel></rss>`;
}

/**
 * The ingest as it runs, on a test database: sources are feeds served on loopback, a poll reads
 * them through the fetcher, parser and queue (BullMQ on the test Redis), and `drain` runs the
 * process worker's step (`storeBatchJob`) on every queued job.
 */
export interface CorrectionsPipeline {
  test: TestDatabase;
  db: Db;
  /** Adds a source whose feed holds `entries` (change them with `serve`). */
  addFeed(id: string, kind: 'press' | 'regulator', entries: FeedEntry[]): Promise<void>;
  serve(id: string, entries: FeedEntry[]): void;
  /** One poll of the source (its whole feed read again, as a re-import does), then its jobs processed. */
  poll(id: string): Promise<PollSummary>;
  close(): Promise<void>;
}

export async function startCorrectionsPipeline(name: string): Promise<CorrectionsPipeline> {
  const prefix = uniquePrefix(name);
  const test = await createTestDatabase(name);
  const server: FixtureServer = await startFixtureServer();
  const redis = createRedis(testRedisUrl, 'worker');
  const queues: Queues = createQueues({ connection: redis, prefix });
  const dispatcher = createFetchDispatcher({ allow: ['127.0.0.0/8', '::1/128'] });
  const feeds = new Map<string, FeedEntry[]>();
  const deps: PollDeps = {
    db: test.database.db,
    processQueue: queues.process,
    dispatcher,
    limits: { timeoutMs: 5_000, maxBytes: 256 * 1024, maxRedirects: 5, userAgent: 'test' },
  };
  async function drain(): Promise<void> {
    const jobs = await queues.process.getJobs(['waiting', 'prioritized', 'delayed']);
    for (const job of jobs) await storeBatchJob(test.database.db, job.data);
    await queues.process.obliterate({ force: true });
  }
  return {
    test,
    db: test.database.db,
    async addFeed(id, kind, entries) {
      feeds.set(id, entries);
      server.route(
        `/${id}.xml`,
        feedHandler(() => rss(feeds.get(id) ?? [])),
      );
      await insertSource(test.database.db, {
        id,
        name: `Source ${id}`,
        kind,
        url: `${server.url}/${id}.xml`,
        jurisdictions: [],
        pollIntervalSeconds: 600,
      });
    },
    serve(id, entries) {
      feeds.set(id, entries);
    },
    async poll(id) {
      const summary = await pollSource(deps, id, { refetch: true });
      await drain();
      return summary;
    },
    async close() {
      await queues.close();
      redis.disconnect();
      await deletePrefix(prefix);
      await dispatcher.close();
      await server.close();
      await test.drop();
    },
  };
}
