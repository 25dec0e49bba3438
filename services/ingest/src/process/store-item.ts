import type { ItemTags, NormalisedItem, SourceKind } from '@regwatch/core';
import type { Db, StoreResult } from '@regwatch/db';
import { sourceKindOf } from './entry.ts';
import { storeTaggedEntry } from './process-entry.ts';

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
 * its tag step: how tests, benches and seeds put items in. The pipeline calls `processEntry`.
 */
export async function storeItem(db: Db, item: NormalisedItem, options: StoreOptions): Promise<StoreResult> {
  const kind = options.sourceKind ?? (await sourceKindOf(db, item.sourceId));
  return storeTaggedEntry(
    { db },
    { item, source: { kind, jurisdictions: options.jurisdictions } },
    options.tags ?? null,
  );
}
