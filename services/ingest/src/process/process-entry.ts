import type { ItemTags, NormalisedItem } from '@regwatch/core';
import {
  countTerms,
  findConflictingItem,
  findEntry,
  findItemByCanonicalUrl,
  insertEntry,
  insertItem,
  lockClusterKeys,
  lockEntryKey,
  type StoreResult,
  storyOf,
  updateEntryVersion,
} from '@regwatch/db';
import { assignToStory, refreshStory } from './cluster.ts';
import type { Entry, ProcessContext, SourceFacts } from './entry.ts';
import { findCopy } from './find-copy.ts';
import { planEntry } from './plan.ts';
import { refreshStoredItem } from './refresh-stored-item.ts';
import { tagColumns, tagEntry } from './tag-entry.ts';

/**
 * The processing step, the one way an entry becomes an item: tag → plan → lock → dedup →
 * cluster → store, in one transaction. Core takes the decisions (tags, features, copy or not,
 * which story, primary item), db runs the SQL. The process worker, `regwatch import` (through
 * the worker) and `regwatch retag` call it; so does any step that reads an entry's text from
 * elsewhere (an article page): build a `fetched` entry and call this.
 *
 * Running it twice, or on two workers at once, has the effect of running it once.
 */
export async function processEntry(ctx: ProcessContext, entry: Entry): Promise<StoreResult> {
  if (entry.kind === 'stored') return refreshStoredItem(ctx, entry.item, entry.text);
  return storeTaggedEntry(ctx, entry, tagEntry(entry.item, entry.source));
}

/**
 * Everything after tagging, with the tags given (`null`: not tagged, the item gets only its
 * source's jurisdictions, as seeds in tests and benches do):
 * - the entry's dedup key is locked for the transaction (serialises the same entry),
 * - a known entry is updated only when its content hash changed,
 * - a new entry whose canonical URL is already an item becomes an alternate of that item,
 * - so does an item with the same text or a near-duplicate of a recent item, both checked under
 *   advisory locks on the item's keys,
 * - otherwise a new item is created and joins the story its keys lead to, or a new one.
 */
export async function storeTaggedEntry(
  ctx: ProcessContext,
  entry: { item: NormalisedItem; source: SourceFacts },
  tags: ItemTags | null,
): Promise<StoreResult> {
  const { item, source } = entry;
  const columns = tagColumns(tags, source);
  let newTerms: readonly string[] = [];
  const result = await ctx.db.transaction(async (tx): Promise<StoreResult> => {
    await lockEntryKey(tx, item.dedupKey);

    const known = await findEntry(tx, item.dedupKey);
    if (known) {
      if (known.contentHash === item.contentHash) {
        return { outcome: 'unchanged', itemId: known.itemId, storyId: await storyOf(tx, known.itemId) };
      }
      // Only the entry that created the item owns its text; an alternate's edits change nothing else.
      // An estimated date (the source gave none) never replaces the date stored first.
      const update = await updateEntryVersion(tx, item, known.itemId, {
        tags: columns,
        keepPublishedAt: item.publishedFrom === 'first-seen',
      });
      // The owner's edit may change the story's title (if primary), span and tags.
      if (update.itemWritten && update.storyId !== null) await refreshStory(tx, update.storyId);
      return { outcome: 'updated', itemId: known.itemId, storyId: update.storyId };
    }

    // Same item by canonical URL: an alternate of the item that has it (the unique index decides).
    const sameUrl = await findItemByCanonicalUrl(tx, item.canonicalUrl);
    if (sameUrl) {
      await insertEntry(tx, item, sameUrl.id);
      return { outcome: 'linked', itemId: sameUrl.id, storyId: sameUrl.storyId, dedup: 'canonical-url' };
    }

    const plan = await planEntry(tx, item, columns, source.kind);
    await lockClusterKeys(tx, plan.keys);
    const copyOf = await findCopy(tx, plan, item);
    if (copyOf) {
      await insertEntry(tx, item, copyOf.id);
      return { outcome: 'linked', itemId: copyOf.id, storyId: await storyOf(tx, copyOf.id), dedup: copyOf.by };
    }

    const newId = await insertItem(tx, item, { tags: columns, features: plan.features, signature: plan.signature });
    if (newId !== null) {
      await insertEntry(tx, item, newId);
      const { storyId, clustering } = await assignToStory(tx, newId, item, plan);
      newTerms = plan.features.terms;
      return { outcome: 'inserted', itemId: newId, storyId, clustering };
    }

    // The insert met an existing row: the same document under another guid or source.
    const match = await findConflictingItem(tx, item);
    if (!match) throw new Error(`item insert conflicted but no conflicting item was found (${item.dedupKey})`);
    await insertEntry(tx, item, match.id);
    return { outcome: 'linked', itemId: match.id, storyId: match.storyId, dedup: 'conflict' };
  });
  if (result.outcome === 'inserted') await countTerms(ctx.db, newTerms);
  return result;
}
