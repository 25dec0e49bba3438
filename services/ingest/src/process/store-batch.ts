import {
  type BatchEntry,
  type BatchWrites,
  candidateWindow,
  decideBatch,
  type ItemTags,
  lookupId,
  lookupKeys,
  type NormalisedItem,
  planWith,
  prepareFeatures,
  serialisingKeys,
} from '@regwatch/core';
import {
  allocateBatchIds,
  countBatchTerms,
  type DbOrTx,
  lockBatchKeys,
  readBatchSnapshot,
  readTermCounts,
  refreshStoryRollup,
  type StoreResult,
  sqlStateOf,
  updateEntryVersion,
  writeBatch,
} from '@regwatch/db';
import type { ProcessContext, SourceFacts } from './entry.ts';
import { tagColumns } from './tag-entry.ts';

/** A fetched entry with its tags (`null`: not tagged, the item gets only its source's jurisdictions). */
export interface TaggedEntry {
  item: NormalisedItem;
  source: SourceFacts;
  tags: ItemTags | null;
}

/** Decisions that would rest on keys not looked up are decided again with them; this many times at most. */
const maxLookUps = 3;

/**
 * Stores a batch of tagged entries in one transaction: plan every entry (core), take every
 * lock the batch needs in one statement, read what the database holds under the batch's keys in
 * a few set-based statements, decide entry by entry in order as if each one before were stored
 * (core's `decideBatch`), then write it all in multi-row statements. The result per entry is
 * what storing the entries one at a time would give.
 *
 * A unique index that still meets a row (an entry that moved its canonical URL to one another
 * entry of the batch takes) stores the batch one entry at a time instead.
 */
export async function storeTaggedBatch(ctx: ProcessContext, batch: readonly TaggedEntry[]): Promise<StoreResult[]> {
  if (batch.length === 0) return [];
  try {
    return await storeBatchOnce(ctx, batch);
  } catch (error) {
    if (batch.length === 1 || sqlStateOf(error) !== '23505') throw error;
    const results: StoreResult[] = [];
    for (const entry of batch) results.push(...(await storeBatchOnce(ctx, [entry])));
    return results;
  }
}

async function storeBatchOnce(ctx: ProcessContext, batch: readonly TaggedEntry[]): Promise<StoreResult[]> {
  const prepared = batch.map(({ item, source, tags }) => {
    const columns = tagColumns(tags, source);
    return { item, source, columns, features: prepareFeatures(item, columns, source.kind) };
  });
  // Read before the locks: a count a few items stale changes no decision, and every batch would
  // otherwise wait on the common terms' rows.
  const counts = await readTermCounts(ctx.db, [...new Set(prepared.flatMap((entry) => entry.features.terms))]);
  const entries: BatchEntry[] = prepared.map((entry) => {
    const plan = planWith(entry.item, entry.features.weigh(counts.documents, counts.items));
    return {
      item: entry.item,
      sourceKind: entry.source.kind,
      tags: entry.columns,
      prepared: entry.features,
      plan,
      lookedUp: new Set(lookupKeys(plan)),
    };
  });

  const decision = await ctx.db.transaction(async (tx) => {
    // The locks do not depend on the entries' term keys, so looking more keys up never takes more.
    await lockBatchKeys(tx, [...new Set(entries.flatMap((entry) => serialisingKeys(entry.item, entry.plan.textKey)))]);
    const ids = await allocateBatchIds(tx, { items: entries.length, stories: entries.length });
    for (let attempt = 1; attempt <= maxLookUps; attempt += 1) {
      const snapshot = await readBatchSnapshot(tx, lookupsOf(entries));
      const decided = decideBatch(entries, { ...snapshot, termCounts: counts }, idSource(ids));
      if (decided.kind === 'decided') {
        await writeDecided(tx, decided.writes);
        return decided;
      }
      // The batch's own new items moved some entries' heaviest terms: look those keys up too.
      for (const [index, keys] of decided.keys) {
        const entry = entries[index];
        if (entry) entries[index] = { ...entry, lookedUp: new Set([...entry.lookedUp, ...keys]) };
      }
    }
    return null;
  });
  if (decision) {
    await countBatchTerms(ctx.db, decision.writes.terms, decision.writes.insertedCount);
    return decision.writes.results;
  }
  // Still moving after a few passes (a fresh database, where every new item shifts the weights):
  // one entry at a time, which never needs a key it did not look up.
  const results: StoreResult[] = [];
  for (const entry of batch) results.push(...(await storeBatchOnce(ctx, [entry])));
  return results;
}

function lookupsOf(entries: readonly BatchEntry[]) {
  const keyed = new Map<string, { key: string; from: number; to: number }>();
  for (const { item, lookedUp, plan } of entries) {
    const window = candidateWindow(item.publishedAt);
    // The text key is read whenever published (`textKeys`); every other key within the item's window.
    for (const key of lookedUp) {
      if (key !== plan.textKey) keyed.set(lookupId(key, window), { key, ...window });
    }
  }
  const textKeys = new Set(entries.flatMap((entry) => (entry.plan.textKey === null ? [] : [entry.plan.textKey])));
  return {
    dedupKeys: [...new Set(entries.map((entry) => entry.item.dedupKey))],
    canonicalUrls: [...new Set(entries.flatMap((entry) => (entry.item.canonicalUrl ? [entry.item.canonicalUrl] : [])))],
    textKeys: [...textKeys],
    keyed: [...keyed.values()],
  };
}

function idSource(ids: { items: string[]; stories: string[] }) {
  let item = 0;
  let story = 0;
  const next = (pool: string[], index: number) => {
    const id = pool[index];
    if (id === undefined) throw new Error('a batch used more ids than it allocated');
    return id;
  };
  return { item: () => next(ids.items, item++), story: () => next(ids.stories, story++) };
}

/** The decided batch's writes, then each known entry's new version, then the stories those touched. */
async function writeDecided(tx: DbOrTx, writes: BatchWrites): Promise<void> {
  await writeBatch(tx, writes);
  for (const update of writes.updates) {
    await updateEntryVersion(tx, update.item, update.itemId, {
      tags: update.tags,
      keepPublishedAt: update.keepPublishedAt,
    });
  }
  // The owner's edit may change its story's title (if primary), span and tags: rolled up from all members.
  for (const storyId of writes.refresh) await refreshStoryRollup(tx, storyId);
}
