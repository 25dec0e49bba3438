import {
  isCoarserThanDay,
  type NearDuplicateSignature,
  type NormalisedItem,
  nearDuplicateSignature,
  nearDuplicateText,
  type PreparedStoryFeatures,
  prepareStoryFeatures,
  type SourceKind,
  type StoryFeatures,
  sameTextKey,
  storyDefaults,
} from '@regwatch/core';
import { type DbOrTx, readTermCounts, type TimeWindow } from '@regwatch/db';

/** What clustering computed for an item before it is stored. */
export interface ClusterPlan {
  /** `x.<hash>` of the item's text when it is long enough to identify an article (`sameTextKey`). */
  textKey: string | null;
  signature: NearDuplicateSignature;
  features: StoryFeatures;
  /** Every index key of the item, sorted: locked for the transaction, then stored. */
  keys: string[];
}

type PlannedItem = Pick<
  NormalisedItem,
  | 'sourceId'
  | 'title'
  | 'summary'
  | 'content'
  | 'url'
  | 'publishedAt'
  | 'publishedPrecision'
  | 'publishedFrom'
  | 'language'
  | 'links'
>;

/** An item's story terms, read (core) before any document frequency is known. */
export function prepareFeatures(
  item: PlannedItem,
  tags: { platforms: readonly string[]; jurisdictions: readonly string[] },
  sourceKind: SourceKind,
): PreparedStoryFeatures {
  return prepareStoryFeatures({
    sourceId: item.sourceId,
    // A date we estimated, or one known only to the month or year, cannot place an item in a story's days.
    dateEstimated: item.publishedFrom === 'first-seen' || isCoarserThanDay(item.publishedPrecision),
    // An incident register lists each incident once: two of its entries are never one story.
    eventPerItem: sourceKind === 'incident-db',
    title: item.title,
    summary: item.summary,
    url: item.url,
    publishedAt: item.publishedAt,
    language: item.language,
    platforms: tags.platforms,
    jurisdictions: tags.jurisdictions,
    links: item.links,
  });
}

/** The plan of an item whose features are known: its text key, signature and sorted keys. */
export function planWith(item: PlannedItem, features: StoryFeatures): ClusterPlan {
  const signature = nearDuplicateSignature(nearDuplicateText(item.title, item.summary));
  const text = sameTextKey(item);
  const textKey = text === null ? null : `x.${text}`;
  const keys = [...new Set([...(textKey ? [textKey] : []), ...signature.bandKeys, ...features.candidateKeys])].sort();
  return { textKey, signature, features, keys };
}

/**
 * Step 2, plan: fingerprint and story features of an item (core), weighed with the document
 * frequencies in `term_counts` (db; read before the keys are locked: a count a few items stale
 * changes no decision).
 */
export async function planEntry(
  tx: DbOrTx,
  item: PlannedItem,
  tags: { platforms: readonly string[]; jurisdictions: readonly string[] },
  sourceKind: SourceKind,
): Promise<ClusterPlan> {
  const prepared = prepareFeatures(item, tags, sourceKind);
  const counts = await readTermCounts(tx, prepared.terms);
  return planWith(item, prepared.weigh(counts.documents, counts.items));
}

/** The time window around an item's date that candidates are read from. */
export function candidateWindow(publishedAt: string): TimeWindow {
  const at = Date.parse(publishedAt);
  return {
    from: new Date(at - storyDefaults.windowMs).toISOString(),
    to: new Date(at + storyDefaults.windowMs).toISOString(),
  };
}
