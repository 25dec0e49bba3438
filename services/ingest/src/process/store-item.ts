import type { ItemTags, NormalisedItem, SourceKind } from '@regwatch/core';
import type { Db, StoreResult } from '@regwatch/db';
import { sourceKindOf } from './entry.ts';
import { storeTaggedBatch } from './store-batch.ts';

export interface StoreOptions {
  /** The source's default jurisdictions: the item's jurisdictions when it has no tags. */
  jurisdictions: readonly string[];
  /** What the taggers gave the item (`tagItem`), with their evidence; none: the item is stored untagged. */
  tags?: ItemTags | undefined;
  /** The source's kind when the caller knows it; otherwise it is read once. */
  sourceKind?: SourceKind | undefined;
}

/**
 * Stores one normalised item with the tags given (or none) through the processing step after
 * its tag step: how tests, benches and seeds put items in. The pipeline calls `processEntries`.
 */
export async function storeItem(db: Db, item: NormalisedItem, options: StoreOptions): Promise<StoreResult> {
  const [result] = await storeItems(db, [{ item, ...options }]);
  if (!result) throw new Error('the processing step returned no result');
  return result;
}

/** Stores normalised items as one batch (as a process job of several entries does), results in order. */
export async function storeItems(
  db: Db,
  items: readonly ({ item: NormalisedItem } & StoreOptions)[],
): Promise<StoreResult[]> {
  const kinds = new Map<string, SourceKind>();
  const batch = [];
  for (const { item, jurisdictions, tags, sourceKind } of items) {
    let kind = sourceKind ?? kinds.get(item.sourceId);
    if (kind === undefined) {
      kind = await sourceKindOf(db, item.sourceId);
      kinds.set(item.sourceId, kind);
    }
    batch.push({ item, source: { kind, jurisdictions }, tags: tags ?? null });
  }
  return storeTaggedBatch({ db }, batch);
}
