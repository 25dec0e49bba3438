import { compareIds } from './compare-ids.ts';
import { distinctHeadlineEntities, sharedAmount } from './story-evidence.ts';
import type { StoryFeatures } from './story-features.ts';
import { type StoryOptions, storyDefaults } from './story-options.ts';
import { type StoryProfile, storyProfileOf } from './story-profile.ts';

/**
 * Story clustering: different articles about one event (across outlets and languages, within a
 * time window) share a story. A new item is scored against each story found through its
 * candidate keys, from two sides: its best single member among those found (a close rewrite) and
 * the story's profile (how often the story uses each of the item's terms: its recurring names
 * and words). Shared platforms, jurisdictions and reference links move the score. The item joins
 * the best story at or above the threshold, or starts a new one; other stories it also matches
 * well enough are merged into the one it joins.
 */

/** Dot product of two sorted sparse vectors (cosine, as both are L2-normalised). */
function sparseDot(aTerms: string[], aWeights: number[], bTerms: string[], bWeights: number[]): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < aTerms.length && j < bTerms.length) {
    const a = aTerms[i] ?? '';
    const b = bTerms[j] ?? '';
    if (a === b) {
      dot += (aWeights[i] ?? 0) * (bWeights[j] ?? 0);
      i += 1;
      j += 1;
    } else if (a < b) i += 1;
    else j += 1;
  }
  return dot;
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const set = new Set(a);
  return b.some((value) => set.has(value));
}

/**
 * Evidence beyond the words: shared reference links, one amount reported by both, platforms and
 * jurisdictions; against it, headlines that each name something the other never mentions.
 */
function tagAdjustment(a: StoryFeatures, b: StoryFeatures, options: StoryOptions): number {
  let adjustment = 0;
  if (intersects(a.links, b.links)) adjustment += options.sharedLinkBonus;
  if (sharedAmount(a, b, options.amountTolerance)) adjustment += options.sharedAmountBonus;
  if (distinctHeadlineEntities(a, b, options.amountTolerance)) {
    const sameSource = !!a.sourceId && a.sourceId === b.sourceId;
    adjustment -= sameSource ? options.sameSourceDistinctEntityPenalty : options.distinctEntityPenalty;
  }
  if (intersects(a.platforms, b.platforms)) adjustment += options.sharedTagBonus;
  if (a.jurisdictions.length > 0 && b.jurisdictions.length > 0) {
    adjustment += intersects(a.jurisdictions, b.jurisdictions)
      ? options.sharedTagBonus
      : -options.jurisdictionMismatchPenalty;
  }
  return adjustment;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** How likely two items report one event, in [0, 1]; 0 when they are further apart than the window. */
export function storySimilarity(a: StoryFeatures, b: StoryFeatures, options: Partial<StoryOptions> = {}): number {
  const resolved = { ...storyDefaults, ...options };
  if (Math.abs(a.publishedAt - b.publishedAt) > resolved.windowMs) return 0;
  const cosine = sparseDot(a.terms, a.weights, b.terms, b.weights);
  return clamp01(cosine + tagAdjustment(a, b, resolved));
}

/**
 * How well the story's profile covers the item: the item's (L2-normalised) term weights, each
 * times the share of the story's items that use the term, smoothed so a story of one item is not
 * certain of anything. 0 when the story uses none of the item's terms; 1 or more when it uses
 * all of them all the time (`storyScore` caps it at 1).
 */
export function profileSimilarity(
  item: StoryFeatures,
  profile: StoryProfile,
  options: Partial<StoryOptions> = {},
): number {
  const { profileSmoothing } = { ...storyDefaults, ...options };
  const shares = profile.counts.map((count) => count / (profile.items + profileSmoothing));
  return sparseDot(item.terms, item.weights, profile.terms, shares);
}

/**
 * How alike two stories are, in [0, 1]: the cosine of their centroids (summed TF-IDF weights).
 * Two stories about one event (the same names, the same words) score high; two stories that
 * share one common name or one word a new item happened to use score low.
 */
export function profileCosine(a: StoryProfile, b: StoryProfile): number {
  const norm = Math.hypot(...a.weights) * Math.hypot(...b.weights);
  return norm === 0 ? 0 : sparseDot(a.terms, a.weights, b.terms, b.weights) / norm;
}

export interface StoryCandidate {
  storyId: string;
  /** Features of the story's items found through the new item's candidate keys. */
  features: StoryFeatures[];
  /** The story's stored profile; when absent, one is built from `features`. */
  profile?: StoryProfile | null | undefined;
  /** Every source the story's items came from; when absent, those of `features`. */
  sourceIds?: readonly string[] | undefined;
}

export interface StoryAssignment {
  /** The story to join, or null for a new story. */
  storyId: string | null;
  /** The best story's score (0 when there was no candidate). */
  score: number;
  /** Other stories to merge into the one joined: they scored at the merge threshold and their profiles are alike. */
  alsoMatched: string[];
}

/** How many of the item's terms the story has used (in its profile or in a member found). */
function sharedTerms(item: StoryFeatures, members: readonly StoryFeatures[], profile: StoryProfile | null): number {
  const storyTerms = new Set(profile?.terms ?? []);
  for (const member of members) for (const term of member.terms) storyTerms.add(term);
  return item.terms.filter((term) => storyTerms.has(term)).length;
}

/**
 * A story's score for an item: a mix of its best member found (a close rewrite) and its profile
 * (what the story keeps saying), members outside the time window ignored. Tag evidence (links,
 * platforms, jurisdictions) counts on both sides, from the member that shows the most.
 */
export function storyScore(
  item: StoryFeatures,
  candidate: StoryCandidate,
  options: Partial<StoryOptions> = {},
): number {
  const resolved = { ...storyDefaults, ...options };
  const inWindow = candidate.features.filter(
    (member) => Math.abs(member.publishedAt - item.publishedAt) <= resolved.windowMs,
  );
  if (inWindow.length === 0) return 0;
  let best = 0;
  let tags = Number.NEGATIVE_INFINITY;
  for (const member of inWindow) {
    best = Math.max(best, storySimilarity(item, member, resolved));
    tags = Math.max(tags, tagAdjustment(item, member, resolved));
  }
  const profile = candidate.profile ?? storyProfileOf(inWindow, resolved.profileTerms);
  if (sharedTerms(item, inWindow, profile) < resolved.minSharedTerms) return 0;
  if (resolved.profileWeight <= 0 || !profile) return best;
  const fromProfile = clamp01(profileSimilarity(item, profile, resolved) + tags);
  return (1 - resolved.profileWeight) * best + resolved.profileWeight * fromProfile;
}

function storySources(candidate: StoryCandidate): Set<string> {
  return new Set(
    candidate.sourceIds ?? candidate.features.flatMap((member) => (member.sourceId ? [member.sourceId] : [])),
  );
}

/** First and last publication times of a story (its profile's, else its members found). */
function storySpan(candidate: StoryCandidate): { first: number; last: number } | null {
  if (candidate.profile) return { first: candidate.profile.firstPublishedAt, last: candidate.profile.lastPublishedAt };
  if (candidate.features.length === 0) return null;
  const times = candidate.features.map((member) => member.publishedAt);
  return { first: Math.min(...times), last: Math.max(...times) };
}

/** Whether a story spanning `span` still lies within `storySpanMs` once it also covers `at`. */
function withinSpan(span: { first: number; last: number } | null, at: { first: number; last: number }, maxMs: number) {
  if (!span) return true;
  return Math.max(span.last, at.last) - Math.min(span.first, at.first) <= maxMs;
}

/**
 * Whether the item may join the story at all: the story, with the item, must stay within
 * `storySpanMs` of its first item; and an item of a source whose every item is an event of its
 * own (an incident register) never joins a story that already holds one of its siblings.
 */
function mayJoin(item: StoryFeatures, candidate: StoryCandidate, options: StoryOptions): boolean {
  const at = { first: item.publishedAt, last: item.publishedAt };
  if (!withinSpan(storySpan(candidate), at, options.storySpanMs)) return false;
  return !(item.eventPerItem && item.sourceId && storySources(candidate).has(item.sourceId));
}

/**
 * The score an item needs to join this story: `threshold`, raised when the story is so far told
 * only by the item's own source, or when the item's date is only when it was first seen.
 */
export function requiredScore(
  item: StoryFeatures,
  candidate: StoryCandidate,
  threshold: number,
  options: Partial<StoryOptions> = {},
): number {
  const resolved = { ...storyDefaults, ...options };
  let required = threshold;
  const sources = storySources(candidate);
  if (item.sourceId && sources.size === 1 && sources.has(item.sourceId)) {
    required = Math.max(required, resolved.sameSourceThreshold);
  }
  if (item.dateEstimated) required = Math.max(required, resolved.estimatedDateThreshold);
  return required;
}

/**
 * The story a new item joins: the best-scoring candidate at or above `threshold` (this argument,
 * not `options.threshold`), else null (a new story). Ties go to the smaller story id, so every
 * worker decides the same way whatever order the candidates come in.
 */
export function assignStory(
  item: StoryFeatures,
  candidates: readonly StoryCandidate[],
  threshold: number = storyDefaults.threshold,
  options: Partial<StoryOptions> = {},
): StoryAssignment {
  const resolved = { ...storyDefaults, ...options };
  let best: { candidate: StoryCandidate; score: number } | null = null;
  const scored: { candidate: StoryCandidate; score: number }[] = [];
  let bestScore = 0;
  for (const candidate of candidates) {
    if (!mayJoin(item, candidate, resolved)) continue;
    const score = storyScore(item, candidate, resolved);
    bestScore = Math.max(bestScore, score);
    if (score <= 0 || score < requiredScore(item, candidate, threshold, resolved)) continue;
    scored.push({ candidate, score });
    if (
      !best ||
      score > best.score ||
      (score === best.score && compareIds(candidate.storyId, best.candidate.storyId) < 0)
    ) {
      best = { candidate, score };
    }
  }
  if (!best) return { storyId: null, score: bestScore, alsoMatched: [] };
  const chosen = best.candidate;
  const chosenProfile = chosen.profile ?? storyProfileOf(chosen.features, resolved.profileTerms);
  // A merge needs two kinds of evidence: the item matches the other story too, and the two
  // stories' profiles are alike (one bridging item must not weld two events together).
  // Merged stories must stay within the span together, so the survivor's span grows with each.
  let span = storySpan(chosen) ?? { first: item.publishedAt, last: item.publishedAt };
  span = { first: Math.min(span.first, item.publishedAt), last: Math.max(span.last, item.publishedAt) };
  const alsoMatched: string[] = [];
  const byScore = [...scored].sort((a, b) => b.score - a.score || compareIds(a.candidate.storyId, b.candidate.storyId));
  for (const { candidate, score } of byScore) {
    if (candidate.storyId === chosen.storyId || score < resolved.mergeThreshold) continue;
    const profile = candidate.profile ?? storyProfileOf(candidate.features, resolved.profileTerms);
    if (!profile || !chosenProfile || profileCosine(chosenProfile, profile) < resolved.profileMergeThreshold) continue;
    const other = storySpan(candidate);
    if (other && !withinSpan(span, other, resolved.storySpanMs)) continue;
    if (other) span = { first: Math.min(span.first, other.first), last: Math.max(span.last, other.last) };
    alsoMatched.push(candidate.storyId);
  }
  return { storyId: chosen.storyId, score: best.score, alsoMatched: [...new Set(alsoMatched)].sort() };
}
