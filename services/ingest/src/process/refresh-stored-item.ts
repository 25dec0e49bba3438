import type { StoryFeatures } from '@regwatch/core';
import {
  lockClusterKeys,
  lockEntryKey,
  lockStoredItem,
  readTermCounts,
  replaceClusterKeys,
  type StoredItem,
  type StoreResult,
  writeDerivedColumns,
} from '@regwatch/db';
import { refreshStory } from './cluster.ts';
import type { ProcessContext, SourceFacts } from './entry.ts';
import { planWith, prepareFeatures } from './plan.ts';
import { tagColumns, tagEntry } from './tag-entry.ts';

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);
const sorted = (values: readonly string[]) => [...new Set(values)].sort();

/**
 * The processing step for an item already stored (`regwatch retag`, after the lexicons or an
 * item's text changed): tag it again, plan its story features with the new tags, and write
 * tags, features, signature and keys when they changed, then its story's rolled-up tags. The
 * item keeps its story; nothing is written when nothing changed. Features of unchanged text
 * keep their weights (only their tags follow); changed text is weighed again with today's
 * document frequencies, and its story's profile is rebuilt from its members. With `text` (an
 * article page's summary and content), the item is processed as if it had that text, and the
 * text is written with what is derived from it, in the same transaction.
 */
export async function refreshStoredItem(
  ctx: ProcessContext,
  read: StoredItem,
  text?: { summary: string; content: string },
): Promise<StoreResult> {
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
  const unchanged: StoreResult = { outcome: 'unchanged', itemId: stored.id, storyId: stored.storyId };
  const textGiven = text !== undefined && (text.summary !== read.summary || text.content !== read.content);
  if (!textGiven && textUnchanged && tagsUnchanged && featureTagsUnchanged) return unchanged;

  return ctx.db.transaction(async (tx): Promise<StoreResult> => {
    // The same locks as a new version of this entry takes, so the two never interleave.
    await lockEntryKey(tx, stored.dedupKey);
    const current = await lockStoredItem(tx, stored.id);
    if (!current) return unchanged;
    let features: StoryFeatures;
    if (textUnchanged && previous !== null) {
      features = { ...previous, platforms: sorted(columns.platforms), jurisdictions: sorted(columns.jurisdictions) };
    } else {
      const counts = await readTermCounts(tx, prepared.terms);
      features = prepared.weigh(counts.documents, counts.items);
    }
    const plan = planWith(item, features);
    await lockClusterKeys(tx, plan.keys);
    await writeDerivedColumns(tx, stored.id, {
      ...columns,
      evidence: tags,
      features,
      signature: plan.signature,
      text: textGiven ? text : undefined,
    });
    if (!textUnchanged) await replaceClusterKeys(tx, stored.id, plan.keys);
    if (current.storyId !== null) await refreshStory(tx, current.storyId, { rebuildProfile: !textUnchanged });
    return { outcome: 'updated', itemId: stored.id, storyId: current.storyId };
  });
}
