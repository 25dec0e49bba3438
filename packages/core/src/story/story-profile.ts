import type { StoryFeatures } from './story-features.ts';
import { storyDefaults } from './story-options.ts';

/**
 * A story's profile: how many of its items use each of its most used terms. It is the story's
 * memory beyond the few members a key lookup returns, so a story is judged by everything it has
 * said, not by its latest items. Plain data of bounded size (at most `profileTerms` terms), kept
 * in the story's row and updated in the transaction that adds an item or merges two stories.
 */
export interface StoryProfile {
  /** Items counted in (a near-duplicate copy is not: it is folded into the item it copies). */
  items: number;
  /** The story's most used terms, at most `profileTerms` of them, sorted. */
  terms: string[];
  /** How many of the story's items have each of `terms`, same order. */
  counts: number[];
  /** Sum of the items' TF-IDF weights of each of `terms` (as computed when each item arrived): the story's centroid, unnormalised. */
  weights: number[];
  /** Publication time of the earliest and the latest item counted, epoch milliseconds. */
  firstPublishedAt: number;
  lastPublishedAt: number;
}

interface TermTally {
  count: number;
  weight: number;
}

function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The terms with the highest counts, then weights (ties to the smaller term, so every worker keeps
 * the same ones), sorted by term.
 */
function bounded(
  tallies: Map<string, TermTally>,
  maxTerms: number,
): Pick<StoryProfile, 'terms' | 'counts' | 'weights'> {
  const kept = [...tallies]
    .sort((a, b) => b[1].count - a[1].count || b[1].weight - a[1].weight || compareTerms(a[0], b[0]))
    .slice(0, maxTerms)
    .sort((a, b) => compareTerms(a[0], b[0]));
  return {
    terms: kept.map(([term]) => term),
    counts: kept.map(([, tally]) => tally.count),
    weights: kept.map(([, tally]) => tally.weight),
  };
}

function talliesOf(profile: StoryProfile | null): Map<string, TermTally> {
  const tallies = new Map<string, TermTally>();
  profile?.terms.forEach((term, index) => {
    tallies.set(term, { count: profile.counts[index] ?? 0, weight: profile.weights[index] ?? 0 });
  });
  return tallies;
}

function addTally(tallies: Map<string, TermTally>, term: string, count: number, weight: number): void {
  const tally = tallies.get(term);
  if (tally) {
    tally.count += count;
    tally.weight += weight;
  } else tallies.set(term, { count, weight });
}

/** The profile with one more item counted in (a new profile when `profile` is null). */
export function addToStoryProfile(
  profile: StoryProfile | null,
  item: StoryFeatures,
  maxTerms: number = storyDefaults.profileTerms,
): StoryProfile {
  const tallies = talliesOf(profile);
  item.terms.forEach((term, index) => {
    addTally(tallies, term, 1, item.weights[index] ?? 0);
  });
  return {
    items: (profile?.items ?? 0) + 1,
    ...bounded(tallies, maxTerms),
    firstPublishedAt: Math.min(profile?.firstPublishedAt ?? item.publishedAt, item.publishedAt),
    lastPublishedAt: Math.max(profile?.lastPublishedAt ?? item.publishedAt, item.publishedAt),
  };
}

/** The profile of two stories merged into one. */
export function mergeStoryProfiles(
  a: StoryProfile,
  b: StoryProfile,
  maxTerms: number = storyDefaults.profileTerms,
): StoryProfile {
  const tallies = talliesOf(a);
  b.terms.forEach((term, index) => {
    addTally(tallies, term, b.counts[index] ?? 0, b.weights[index] ?? 0);
  });
  return {
    items: a.items + b.items,
    ...bounded(tallies, maxTerms),
    firstPublishedAt: Math.min(a.firstPublishedAt, b.firstPublishedAt),
    lastPublishedAt: Math.max(a.lastPublishedAt, b.lastPublishedAt),
  };
}

/** A profile built from items (for a story whose stored profile is missing). Null for no items. */
export function storyProfileOf(
  items: readonly StoryFeatures[],
  maxTerms: number = storyDefaults.profileTerms,
): StoryProfile | null {
  let profile: StoryProfile | null = null;
  for (const item of items) profile = addToStoryProfile(profile, item, maxTerms);
  return profile;
}
