import { normaliseEntry, tagItem } from '@regwatch/core';
import { feedAdapter } from '@regwatch/sources';

/**
 * Regwatch's in-process share of ingest: the feed adapter (rss-parser, with the XML guard and
 * decoding), `normaliseEntry` and the taggers, over a whole document, and the adapter alone.
 * Items/s of the best of `rounds` passes: the one the shared machine disturbed least.
 */
export async function parseRate(
  feed: string,
  rounds = 5,
): Promise<{ itemsPerSecond: number; parseItemsPerSecond: number; items: number }> {
  const body = Buffer.from(feed);
  const now = new Date();
  let best = Number.POSITIVE_INFINITY;
  let bestParse = Number.POSITIVE_INFINITY;
  let items = 0;
  let entries = 0;
  for (let round = 0; round < rounds; round += 1) {
    const began = performance.now();
    const parsed = await feedAdapter.parse({ body, contentType: 'application/rss+xml', url: 'https://bench.example/' });
    bestParse = Math.min(bestParse, (performance.now() - began) / 1000);
    entries = parsed.entries.length;
    items = 0;
    for (const entry of parsed.entries) {
      const result = normaliseEntry(entry, { sourceId: 'bench', baseUrl: 'https://bench.example/', now });
      if (!result.ok) continue;
      // As the process worker's tag step calls it (services/ingest/src/process/tag-entry.ts), for a press source.
      const { title, summary, content, labels } = result.item;
      tagItem({ title, summary, content, labels, sourceJurisdictions: [], sourceKind: 'press' });
      items += 1;
    }
    best = Math.min(best, (performance.now() - began) / 1000);
  }
  return { itemsPerSecond: items / best, parseItemsPerSecond: entries / bestParse, items };
}
