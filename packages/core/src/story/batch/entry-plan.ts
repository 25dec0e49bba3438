import { sameTextKey } from '../../item/same-text-key.ts';
import { isCoarserThanDay } from '../../time/published-date.ts';
import type { NormalisedItem, SourceKind } from '../../types.ts';
import { type NearDuplicateSignature, nearDuplicateSignature, nearDuplicateText } from '../near-duplicate.ts';
import { type PreparedStoryFeatures, prepareStoryFeatures, type StoryFeatures } from '../story-features.ts';
import { storyDefaults } from '../story-options.ts';

/** What clustering computed for an item before it is stored. */
export interface ClusterPlan {
  /** `x.<hash>` of the item's text when it is long enough to identify an article (`sameTextKey`). */
  textKey: string | null;
  signature: NearDuplicateSignature;
  features: StoryFeatures;
  /** Every index key of the item, sorted: locked for the transaction, then stored. */
  keys: string[];
}

export type PlannedItem = Pick<
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

/** An item's story terms, read before any document frequency is known. */
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

/** The index key an item's text is stored under (`x.<hash>`), when it is long enough to identify an article. */
export function textIndexKey(text: { title: string; summary: string; content: string }): string | null {
  const key = sameTextKey(text);
  return key === null ? null : `x.${key}`;
}

/** The plan of an item whose features are known: its text key, signature and sorted keys. */
export function planWith(item: PlannedItem, features: StoryFeatures): ClusterPlan {
  const signature = nearDuplicateSignature(nearDuplicateText(item.title, item.summary));
  const textKey = textIndexKey(item);
  return replanWith({ textKey, signature, features, keys: [] }, features);
}

/** A plan with other features (weighed with other document frequencies): its text key and signature do not depend on them. */
export function replanWith(plan: ClusterPlan, features: StoryFeatures): ClusterPlan {
  const keys = [
    ...new Set([...(plan.textKey ? [plan.textKey] : []), ...plan.signature.bandKeys, ...features.candidateKeys]),
  ].sort();
  return { ...plan, features, keys };
}

/** The time window (epoch ms, both ends included) around an item's date that candidates are read from. */
export function candidateWindow(publishedAt: string): { from: number; to: number } {
  const at = Date.parse(publishedAt);
  return { from: at - storyDefaults.windowMs, to: at + storyDefaults.windowMs };
}

/**
 * Keys to look up (and lock) for an entry of a batch: its plan's keys and the keys of the next
 * `margin` heaviest terms. The batch's own new items change document frequencies as it goes, which
 * can move a term into an entry's heaviest few; a margin makes it rare that one was not looked up.
 */
export function lookupKeys(plan: ClusterPlan, margin: number = storyDefaults.maxTermKeys / 2): string[] {
  const { terms, weights } = plan.features;
  const ranked = terms
    .map((term, index) => ({ term, weight: weights[index] ?? 0 }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, storyDefaults.maxTermKeys + margin)
    .map(({ term }) => `t.${term}`);
  return [...new Set([...plan.keys, ...ranked])];
}

/**
 * The advisory locks an entry's transaction takes, so that two entries that could affect each
 * other's decisions never run at once, on any worker:
 * - its dedup key (the same entry twice) and canonical URL (one article under two entries);
 * - its text key (the same text is matched whenever published);
 * - the windows of its date: candidates are only ever read within `windowMs` of an item's date, so
 *   two items closer than that always share one of the two buckets `floor(t / windowMs)` and the
 *   next (and items further apart never interact).
 * A handful per entry, whatever its terms: measured, key-by-key locks serialised items of one
 * window anyway (they share common term keys), at ten times the locks.
 */
export function serialisingKeys(
  item: Pick<NormalisedItem, 'dedupKey' | 'canonicalUrl' | 'publishedAt'>,
  textKey: string | null,
): string[] {
  const bucket = Math.floor(Date.parse(item.publishedAt) / storyDefaults.windowMs);
  return [
    item.dedupKey,
    ...(item.canonicalUrl === null ? [] : [`url:${item.canonicalUrl}`]),
    ...(textKey === null ? [] : [`text:${textKey}`]),
    `window:${bucket}`,
    `window:${bucket + 1}`,
  ];
}
