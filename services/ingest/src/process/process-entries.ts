import type { ItemTags, NormalisedItem } from '@regwatch/core';
import type { StoreResult } from '@regwatch/db';
import type { Entry, ProcessContext, SourceFacts } from './entry.ts';
import { refreshStoredItems, type StoredEntry } from './refresh-stored-items.ts';
import { storeTaggedBatch } from './store-batch.ts';
import { tagEntry } from './tag-entry.ts';

/**
 * The processing step, the one way entries become items: tag → plan → lock → dedup → cluster →
 * store, a batch in one transaction. Core takes the decisions (tags, features, copy or not, which
 * story, primary item), db runs the set-based SQL. The process worker (a job's batch), `regwatch
 * import` (through the worker), `regwatch retag` and an article page's text all call it; a batch
 * of one is the same path.
 *
 * Results come in the entries' order. Running it twice, or on two workers at once, has the
 * effect of running it once.
 */
export async function processEntries(ctx: ProcessContext, entries: readonly Entry[]): Promise<StoreResult[]> {
  const results: StoreResult[] = new Array(entries.length);
  const fetched: { index: number; item: NormalisedItem; source: SourceFacts; tags: ItemTags }[] = [];
  const stored: (StoredEntry & { index: number })[] = [];
  entries.forEach((entry, index) => {
    if (entry.kind === 'stored') stored.push({ index, item: entry.item, text: entry.text });
    else fetched.push({ index, item: entry.item, source: entry.source, tags: tagEntry(entry.item, entry.source) });
  });
  const storedResults = await refreshStoredItems(ctx, stored);
  stored.forEach((entry, i) => {
    results[entry.index] = storedResults[i] as StoreResult;
  });
  const fetchedResults = await storeTaggedBatch(ctx, fetched);
  fetched.forEach((entry, i) => {
    results[entry.index] = fetchedResults[i] as StoreResult;
  });
  return results;
}

/** One entry through `processEntries`. */
export async function processEntry(ctx: ProcessContext, entry: Entry): Promise<StoreResult> {
  const [result] = await processEntries(ctx, [entry]);
  if (!result) throw new Error('the processing step returned no result');
  return result;
}
