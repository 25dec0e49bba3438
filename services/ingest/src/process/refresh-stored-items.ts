import { planWith, prepareFeatures, type StoryFeatures, serialisingKeys, textIndexKey } from '@regwatch/core';
import {
  type DerivedColumns,
  lockBatchKeys,
  lockStoredItems,
  readTermCounts,
  refreshStoryRollup,
  type StoredItem,
  type StoreResult,
  writeDerivedColumns,
} from '@regwatch/db';
import type { ProcessContext, SourceFacts } from './entry.ts';
import { tagColumns, tagEntry } from './tag-entry.ts';

/** A stored item to process again, optionally with a text read elsewhere (its article page). */
export interface StoredEntry {
  item: StoredItem;
  text?: { summary: string; content: string } | undefined;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);
const sorted = (values: readonly string[]) => [...new Set(values)].sort();

/**
 * The processing step for items already stored (`regwatch retag` after the lexicons or an
 * item's text changed, an article page's text): tag each again, plan its story features with
 * the new tags, and write tags, features, signature and keys of those that changed, in one
 * transaction for the batch, then roll up each story they touched once. Items keep their
 * stories; nothing is written when nothing changed. Features of unchanged text keep their
 * weights (only their tags follow); changed text is weighed again with today's document
 * frequencies, and its story's profile is rebuilt from its members.
 */
export async function refreshStoredItems(ctx: ProcessContext, batch: readonly StoredEntry[]): Promise<StoreResult[]> {
  const planned = batch.map(({ item: read, text }, index) => {
    const stored = text ? { ...read, ...text } : read;
    const source: SourceFacts = { kind: stored.sourceKind, jurisdictions: stored.sourceJurisdictions };
    const tags = tagEntry(stored, source);
    const columns = tagColumns(tags, source);
    const item = { ...stored, links: stored.features?.links ?? [] };
    const prepared = prepareFeatures(item, columns, source.kind);
    const previous = stored.features;
    const textUnchanged = previous !== null && sameList(prepared.terms, previous.terms);
    const tagsUnchanged =
      sameList(columns.platforms, stored.platforms) &&
      sameList(columns.jurisdictions, stored.jurisdictions) &&
      sameList(columns.topics, stored.topics);
    const featureTagsUnchanged =
      previous !== null &&
      sameList(sorted(columns.platforms), previous.platforms) &&
      sameList(sorted(columns.jurisdictions), previous.jurisdictions);
    const textGiven = text !== undefined && (text.summary !== read.summary || text.content !== read.content);
    const changed = textGiven || !textUnchanged || !tagsUnchanged || !featureTagsUnchanged;
    return { index, read, stored, item, tags, columns, prepared, previous, textUnchanged, textGiven, text, changed };
  });
  const results: StoreResult[] = planned.map(({ stored }) => ({
    outcome: 'unchanged',
    itemId: stored.id,
    storyId: stored.storyId,
  }));
  const changed = planned.filter((entry) => entry.changed);
  if (changed.length === 0) return results;

  // Changed text is weighed with today's document frequencies (read before the locks, as new entries are).
  const reweigh = changed.filter((entry) => !entry.textUnchanged || entry.previous === null);
  const counts = await readTermCounts(ctx.db, [...new Set(reweigh.flatMap((entry) => entry.prepared.terms))]);
  const derived = changed.map((entry) => {
    let features: StoryFeatures;
    if (entry.textUnchanged && entry.previous !== null) {
      features = {
        ...entry.previous,
        platforms: sorted(entry.columns.platforms),
        jurisdictions: sorted(entry.columns.jurisdictions),
      };
    } else {
      features = entry.prepared.weigh(counts.documents, counts.items);
    }
    return { entry, features, plan: planWith(entry.item, features) };
  });

  await ctx.db.transaction(async (tx) => {
    // The same locks as a new version of these entries takes, so the two never interleave.
    // The same locks as new entries take (core's `serialisingKeys`), under the item's text key
    // before and after, so the two never interleave.
    await lockBatchKeys(tx, [
      ...new Set(
        derived.flatMap(({ entry, plan }) => [
          ...serialisingKeys(entry.stored, plan.textKey),
          ...serialisingKeys(entry.stored, textIndexKey(entry.read)),
        ]),
      ),
    ]);
    const current = await lockStoredItems(
      tx,
      derived.map(({ entry }) => entry.stored.id),
    );
    const present = derived.filter(({ entry }) => current.has(entry.stored.id));
    const rows: DerivedColumns[] = present.map(({ entry, features, plan }) => ({
      itemId: entry.stored.id,
      platforms: entry.columns.platforms,
      jurisdictions: entry.columns.jurisdictions,
      topics: entry.columns.topics,
      evidence: entry.tags,
      features,
      signature: plan.signature,
      text: entry.textGiven ? entry.text : undefined,
      keys: entry.textUnchanged ? undefined : plan.keys,
    }));
    await writeDerivedColumns(tx, rows);
    // Each story once: its tags (and, when a member's text changed, its profile) from all its members.
    const stories = new Map<string, boolean>();
    for (const { entry } of present) {
      const storyId = current.get(entry.stored.id)?.storyId ?? null;
      if (storyId !== null) stories.set(storyId, (stories.get(storyId) ?? false) || !entry.textUnchanged);
    }
    for (const [storyId, rebuildProfile] of [...stories].sort(([a], [b]) => Number(BigInt(a) - BigInt(b)))) {
      await refreshStoryRollup(tx, storyId, { rebuildProfile });
    }
    for (const { entry } of present) {
      results[entry.index] = {
        outcome: 'updated',
        itemId: entry.stored.id,
        storyId: current.get(entry.stored.id)?.storyId ?? null,
      };
    }
  });
  return results;
}
