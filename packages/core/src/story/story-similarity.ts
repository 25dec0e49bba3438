import { canonicalUrl } from '../url/canonical.ts';
import { hashString32, hex32 } from './hash32.ts';
import { contentTerms, entityTerms, stripWireMarkers } from './tokenise.ts';

/**
 * Story clustering: different articles about one event (across outlets and languages, within a
 * time window) share a story. An item is a TF-IDF vector over its title and lead, with IDF from
 * document frequencies a database can keep as counts (`term → df` and N); names and amounts
 * weigh more; shared platforms, jurisdictions and reference links move the score. A new item
 * joins the best-scoring story found through its candidate keys, or starts a new one.
 */

export interface StoryInput {
  title: string;
  summary?: string | null | undefined;
  /** ISO 8601 string, Date or epoch milliseconds. */
  publishedAt: string | Date | number;
  language?: string | null | undefined;
  /** Platform slugs once tagging gives them (may be empty). */
  platforms?: readonly string[] | undefined;
  /** Jurisdiction codes once tagging gives them (may be empty). */
  jurisdictions?: readonly string[] | undefined;
  /** Links found in the item's text (not the item's own URL): a shared reference URL is strong evidence. */
  links?: readonly string[] | undefined;
}

/** What clustering needs of one item; plain data (arrays, numbers), so it can be stored as JSON. */
export interface StoryFeatures {
  /** Epoch milliseconds. */
  publishedAt: number;
  language: string | null;
  /** Distinct terms, sorted: add one to each term's document frequency once the item is stored. */
  terms: string[];
  /** TF-IDF weights of `terms`, same order, L2-normalised. */
  weights: number[];
  /** Document frequency of each of `terms` when the features were computed (before this item was counted). */
  termDf: number[];
  /** Terms that name something (acronyms, names, amounts), sorted. */
  entities: string[];
  platforms: string[];
  jurisdictions: string[];
  /** Canonical forms of the reference links. */
  links: string[];
  /**
   * Index keys: the item is stored under each, and candidates for it are the items stored under
   * any of them within the time window. The heaviest terms (`t.<term>`) and each reference link
   * (`u.<hash>`): a bounded number whatever the size of the archive.
   */
  candidateKeys: string[];
}

export interface StoryOptions {
  /** Items further apart in time than this are never one story (default 3 days). */
  windowMs: number;
  /** Words of the summary used after the title (the lead). */
  leadWords: number;
  /** Term frequency multiplier of title words over lead words. */
  titleWeight: number;
  /** Extra weight of entity terms (1 = twice the weight). */
  entityBoost: number;
  /** Exponent applied to IDF (1: plain TF-IDF; below 1 flattens it, so a story's own name, common while the story runs, keeps weight). */
  idfPower: number;
  /** Most term keys per item. */
  maxTermKeys: number;
  /** Score added when both items cite the same reference URL. */
  sharedLinkBonus: number;
  /** Score added per shared dimension (platforms, jurisdictions) when both items have one in common. */
  sharedTagBonus: number;
  /** Score removed when both items have jurisdictions and none in common (two regulators, two events). */
  jurisdictionMismatchPenalty: number;
  /** Weight of the story centroid in a story's text score (the rest is the best single member). */
  centroidWeight: number;
  /** Weight of term affinity (how much of each term's use so far fell in this story) in a story's score. */
  affinityWeight: number;
  /** Score at or above which an item joins a story. */
  threshold: number;
}

const day = 24 * 60 * 60 * 1000;

/** Defaults tuned on the train split of the UCI sample (`npx tsx scripts/eval-stories.ts`, see README.md). */
export const storyDefaults: Readonly<StoryOptions> = Object.freeze({
  windowMs: 3 * day,
  leadWords: 60,
  titleWeight: 2,
  entityBoost: 0.5,
  idfPower: 1,
  maxTermKeys: 8,
  sharedLinkBonus: 0.35,
  sharedTagBonus: 0.05,
  jurisdictionMismatchPenalty: 0.15,
  centroidWeight: 0.5,
  affinityWeight: 0,
  threshold: 0.3,
});

/** Smoothed inverse document frequency: never zero, and defined before anything is counted. */
export function idf(df: number, n: number): number {
  return Math.log((n + 1) / (Math.max(0, df) + 1)) + 1;
}

function toEpochMs(value: string | Date | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`storyFeatures: publishedAt is not a date: ${String(value)}`);
  return ms;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * Features of one item. `df(term)` is the number of stored items containing the term and `n` the
 * number of stored items, both before this one is counted.
 */
export function storyFeatures(
  input: StoryInput,
  df: (term: string) => number,
  n: number,
  options: Partial<StoryOptions> = {},
): StoryFeatures {
  const { leadWords, titleWeight, entityBoost, maxTermKeys, idfPower } = { ...storyDefaults, ...options };
  const title = stripWireMarkers(input.title);
  const lead = (input.summary ?? '').split(/\s+/).filter(Boolean).slice(0, leadWords).join(' ');

  const tf = new Map<string, number>();
  for (const term of contentTerms(title)) tf.set(term, (tf.get(term) ?? 0) + titleWeight);
  for (const term of contentTerms(lead)) tf.set(term, (tf.get(term) ?? 0) + 1);
  const entities = sortedUnique([...entityTerms(title), ...entityTerms(lead)]);
  const entitySet = new Set(entities);
  for (const entity of entities) if (!tf.has(entity)) tf.set(entity, 1);

  const terms = [...tf.keys()].sort();
  const raw = terms.map((term) => {
    const weight = (1 + Math.log(tf.get(term) ?? 1)) * idf(df(term), n) ** idfPower;
    return entitySet.has(term) ? weight * (1 + entityBoost) : weight;
  });
  const norm = Math.hypot(...raw) || 1;
  const weights = raw.map((weight) => weight / norm);

  const links = sortedUnique((input.links ?? []).map((link) => canonicalUrl(link)).filter((link) => link !== null));
  const termKeys = terms
    .map((term, index) => ({ term, weight: weights[index] ?? 0 }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, maxTermKeys)
    .map(({ term }) => `t.${term}`);
  const linkKeys = links.map((link) => `u.${hex32(hashString32(link))}`);

  return {
    publishedAt: toEpochMs(input.publishedAt),
    language: input.language ?? null,
    terms,
    weights,
    termDf: terms.map((term) => df(term)),
    entities,
    platforms: sortedUnique(input.platforms ?? []),
    jurisdictions: sortedUnique(input.jurisdictions ?? []),
    links,
    candidateKeys: [...termKeys, ...linkKeys],
  };
}

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

/** Evidence beyond the text: shared reference links, platforms and jurisdictions. */
function tagAdjustment(a: StoryFeatures, b: StoryFeatures, options: StoryOptions): number {
  let adjustment = 0;
  if (intersects(a.links, b.links)) adjustment += options.sharedLinkBonus;
  if (intersects(a.platforms, b.platforms)) adjustment += options.sharedTagBonus;
  if (a.jurisdictions.length > 0 && b.jurisdictions.length > 0) {
    adjustment += intersects(a.jurisdictions, b.jurisdictions)
      ? options.sharedTagBonus
      : -options.jurisdictionMismatchPenalty;
  }
  return adjustment;
}

/** How likely two items report one event, in [0, 1]; 0 when they are further apart than the window. */
export function storySimilarity(a: StoryFeatures, b: StoryFeatures, options: Partial<StoryOptions> = {}): number {
  const resolved = { ...storyDefaults, ...options };
  if (Math.abs(a.publishedAt - b.publishedAt) > resolved.windowMs) return 0;
  const cosine = sparseDot(a.terms, a.weights, b.terms, b.weights);
  return Math.min(1, Math.max(0, cosine + tagAdjustment(a, b, resolved)));
}

export interface StoryCandidate {
  storyId: string;
  /** Features of the story's items found through the new item's candidate keys. */
  features: StoryFeatures[];
}

export interface StoryAssignment {
  /** The story to join, or null for a new story. */
  storyId: string | null;
  /** The best story's score (0 when there was no candidate). */
  score: number;
  /** Other stories that also scored at or above the threshold: candidates for a merge. */
  alsoMatched: string[];
}

/**
 * A story's score for an item: a mix of its best single member (a close rewrite) and its
 * centroid (the terms the story keeps repeating), members outside the time window ignored.
 */
export function storyScore(
  item: StoryFeatures,
  members: readonly StoryFeatures[],
  options: Partial<StoryOptions> = {},
): number {
  const resolved = { ...storyDefaults, ...options };
  const inWindow = members.filter((member) => Math.abs(member.publishedAt - item.publishedAt) <= resolved.windowMs);
  if (inWindow.length === 0) return 0;
  let best = 0;
  const centroid = new Map<string, number>();
  for (const member of inWindow) {
    best = Math.max(best, storySimilarity(item, member, resolved));
    member.terms.forEach((term, index) => {
      centroid.set(term, (centroid.get(term) ?? 0) + (member.weights[index] ?? 0));
    });
  }
  if (resolved.centroidWeight <= 0 || inWindow.length === 1) return best;
  const centroidTerms = [...centroid.keys()].sort();
  const centroidRaw = centroidTerms.map((term) => centroid.get(term) ?? 0);
  const norm = Math.hypot(...centroidRaw) || 1;
  const centroidCosine = sparseDot(
    item.terms,
    item.weights,
    centroidTerms,
    centroidRaw.map((weight) => weight / norm),
  );
  const tags = Math.max(...inWindow.map((member) => tagAdjustment(item, member, resolved)));
  const centroidScore = Math.min(1, Math.max(0, centroidCosine + tags));
  const text = (1 - resolved.centroidWeight) * best + resolved.centroidWeight * centroidScore;
  if (resolved.affinityWeight <= 0) return text;
  return (1 - resolved.affinityWeight) * text + resolved.affinityWeight * termAffinity(item, inWindow);
}

/**
 * How much of the item's vocabulary belongs to the story: for each of the item's terms already
 * seen elsewhere, the share of the items using it that are members of the story (a story's own
 * name scores near 1, a word every story uses near 0), averaged. Terms never seen before give no
 * evidence and are left out.
 */
/** Pseudo-count that keeps a term seen once or twice from proving anything. */
const affinitySmoothing = 2;

export function termAffinity(item: StoryFeatures, members: readonly StoryFeatures[]): number {
  const counts = new Map<string, number>();
  for (const member of members) for (const term of member.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  let sum = 0;
  let seen = 0;
  item.terms.forEach((term, index) => {
    const df = item.termDf[index] ?? 0;
    if (df <= 0) return;
    seen += 1;
    const count = counts.get(term) ?? 0;
    sum += count / (Math.max(count, df) + affinitySmoothing);
  });
  return seen === 0 ? 0 : sum / seen;
}

/**
 * The story a new item joins: the best-scoring candidate at or above the threshold, else null (a
 * new story). Ties go to the smaller story id, so every worker decides the same way.
 */
export function assignStory(
  item: StoryFeatures,
  candidates: readonly StoryCandidate[],
  threshold: number = storyDefaults.threshold,
  options: Partial<StoryOptions> = {},
): StoryAssignment {
  let bestId: string | null = null;
  let bestScore = 0;
  const matched: string[] = [];
  for (const candidate of candidates) {
    const score = storyScore(item, candidate.features, options);
    if (score >= threshold) matched.push(candidate.storyId);
    if (score > bestScore || (score === bestScore && bestId !== null && candidate.storyId < bestId)) {
      bestScore = score;
      bestId = candidate.storyId;
    }
  }
  if (bestId === null || bestScore < threshold) return { storyId: null, score: bestScore, alsoMatched: [] };
  const chosen = bestId;
  return { storyId: chosen, score: bestScore, alsoMatched: matched.filter((id) => id !== chosen).sort() };
}
