/**
 * Where a batch's Node CPU goes: stores a generated feed (the bench's mix) through the batch
 * path in this process, under `--cpu-prof`, so the profile shows the processing step alone (no
 * queue, no worker).
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/ingest/profile-batch.ts 2000 16
 */
import { createDatabase } from '@regwatch/db';
import { normaliseAll, processEntries } from '@regwatch/ingest';
import { adapterFor } from '@regwatch/sources';
import { recordedTextChains } from '../api/corpus.ts';
import { admin, freshDatabase } from './database.ts';
import { privacyNewsFeed } from './feed.ts';

const count = Number(process.argv[2] ?? 2000);
const batchSize = Number(process.argv[3] ?? 16);
const url = await freshDatabase('regwatch_bench_profile');
const database = createDatabase({ url, applicationName: 'bench-profile', onConnectionLost: () => undefined });
const chains = await recordedTextChains();
const english = chains.get('en') ?? [...chains.values()][0];
if (!english) throw new Error('no text chain');
const xml = privacyNewsFeed(count, english);
const feed = await adapterFor('feed').parse({
  body: Buffer.from(xml),
  contentType: 'application/rss+xml',
  url: 'https://bench.example/feed',
});
const { items } = normaliseAll(feed.entries, {
  sourceId: 'bench',
  baseUrl: 'https://bench.example/feed',
  language: 'en',
  now: new Date(),
});
const started = performance.now();
const cpu = process.cpuUsage();
for (let start = 0; start < items.length; start += batchSize) {
  await processEntries(
    { db: database.db },
    items
      .slice(start, start + batchSize)
      .map((item) => ({ kind: 'fetched' as const, item, source: { kind: 'press' as const, jurisdictions: [] } })),
  );
}
const used = process.cpuUsage(cpu);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${items.length} items in batches of ${batchSize}: ${(items.length / seconds).toFixed(0)} items/s, Node CPU ${((used.user + used.system) / 1000 / items.length).toFixed(2)} ms per item\n`,
);
await database.close();
await admin('drop database if exists regwatch_bench_profile with (force)');
