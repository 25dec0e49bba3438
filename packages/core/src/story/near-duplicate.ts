import { fmix32, hashString32, hex32, seededUint32s } from './hash32.ts';
import { stripHeadlineDecorations, wordTokens } from './tokenise.ts';

/**
 * Near-duplicates: the same article reached again (a wire or syndicated copy, a lightly edited or
 * truncated copy). A copy is folded into the item it copies and hidden from the feed, so a false
 * match hides a distinct article: precision comes first.
 *
 * Candidates come from MinHash with locality-sensitive hashing over word shingles: signatures
 * agree in a slot with probability equal to the Jaccard similarity of the shingle sets, and each
 * LSH band is an index key, so copies share a key with high probability while unrelated texts
 * almost never do. Finding candidates is a lookup by key, never a scan.
 *
 * The decision depends on how much text there is. A headline alone (fewer than
 * `headlineShingles` shingles) names too little to tolerate edits: two outlets' headlines that
 * differ by a word are usually two articles, and short generic headlines ("Business
 * Highlights", "Titanfall Review") repeat across unrelated articles. So headline-sized texts keep
 * their shingles and must match exactly (or be an aggregator's truncated cut of the other), and
 * texts shorter than `minShingles` never match. Longer texts (a headline and its lead) match at an
 * estimated Jaccard similarity of `threshold`.
 */

export interface NearDuplicateOptions {
  /** Words per shingle. */
  shingleSize: number;
  /** LSH bands; the signature holds bands × rows values. */
  bands: number;
  /** Signature values per band. */
  rows: number;
  /** Similarity at or above which two texts longer than a headline are copies. */
  threshold: number;
  /** Texts with fewer shingles than this are headline-sized: compared exactly, at `headlineThreshold`. */
  headlineShingles: number;
  /** Similarity at or above which two headline-sized texts are copies (1: the same words in the same order). */
  headlineThreshold: number;
  /** Fewest shingles (kept, for a truncated text) a text needs to be judged a copy at all. */
  minShingles: number;
  /** Words of the lead (summary) used after the title; the rest of an article adds cost, not evidence. */
  leadWords: number;
}

/**
 * Defaults measured with `npm run eval:stories` (see src/story/README.md). Word pairs, 128 values
 * in 32 bands of 4 rows: a pair at Jaccard 0.7 becomes a candidate with probability 0.99999, at
 * 0.5 with 0.9, at 0.2 with 0.05. `threshold` 0.7 for texts with a lead keeps copies with roughly
 * one word in twelve edited (unmeasured here: the UCI sample has headlines only); headlines
 * must match exactly; five words (four shingles) at least.
 */
export const nearDuplicateDefaults: Readonly<NearDuplicateOptions> = Object.freeze({
  shingleSize: 2,
  bands: 32,
  rows: 4,
  threshold: 0.7,
  headlineShingles: 20,
  headlineThreshold: 1,
  minShingles: 4,
  leadWords: 60,
});

export interface NearDuplicateSignature {
  /** MinHash values (unsigned 32-bit), bands × rows of them. */
  minhash: number[];
  /** Index keys, one per LSH band (`nd.<band>.<hash>`): look up and store the item under each. */
  bandKeys: string[];
  /** Distinct shingles the text had (0: too little text to compare). */
  shingleCount: number;
  /** The text ended in a truncation mark (`...`, `…`, `[…]`): it may be a cut copy of a longer text. */
  truncated: boolean;
  /**
   * Hashes of the shingles in text order, repeats dropped, for a headline-sized text (fewer than
   * `headlineShingles`); empty for a longer text, which MinHash estimates well enough. Absent
   * from signatures stored before it existed: those are compared by estimate.
   */
  shingles?: number[];
  /**
   * Hashes of the numbers in the text (identifiers, amounts, dates), repeats dropped, at most
   * `maxNumbers`: two texts that each carry a number the other lacks are two documents however
   * alike their words (a regulator's decisions share all but their register numbers). Absent
   * from signatures stored before it existed: no number is then compared.
   */
  numbers?: number[];
}

/** Most number hashes a signature keeps (the lead's first ones). */
const maxNumbers = 32;

/**
 * Whether two items may be copies of one another at all. A copy is the same article reached
 * again through another outlet or feed; one source's two entries (different guids and links)
 * are two of its publications, however alike their words: a register's decisions or a
 * regulator's notices share their boilerplate. Within one source only the same text
 * (`isSameText`) makes one item.
 */
export function mayBeCopies(a: { sourceId: string }, b: { sourceId: string }): boolean {
  return a.sourceId !== b.sourceId;
}

const seedCache = new Map<number, { xor: Uint32Array; add: Uint32Array }>();

function seedsFor(count: number): { xor: Uint32Array; add: Uint32Array } {
  let seeds = seedCache.get(count);
  if (!seeds) {
    const values = seededUint32s(0x5eed_1e55, count * 2);
    seeds = { xor: values.subarray(0, count), add: values.subarray(count) };
    seedCache.set(count, seeds);
  }
  return seeds;
}

const truncationMark = /(?:\.{3}|…|\[…\]|\[\.\.\.\])\s*$/u;

/**
 * The text a fingerprint is taken over: the title, then the first words of the lead. Truncation
 * marks stay (the signature notes them); wire decorations go when the signature is taken.
 */
export function nearDuplicateText(
  title: string,
  summary = '',
  leadWords: number = nearDuplicateDefaults.leadWords,
): string {
  const words = summary.split(/\s+/).filter(Boolean);
  const lead = words.slice(0, leadWords).join(' ');
  // A lead cut here is a truncated text too: it may be compared with a copy cut elsewhere.
  return lead ? `${title.trim()}\n${lead}${words.length > leadWords ? ' …' : ''}` : title.trim();
}

/** Words of the text, line by line without wire decorations and truncation marks. */
function fingerprintTokens(text: string): string[] {
  return text.split('\n').flatMap((line) => wordTokens(stripHeadlineDecorations(line)));
}

/** Hashes of the text's word k-grams in text order, repeats dropped (the whole text as one when shorter than k words). */
function orderedShingleHashes(text: string, shingleSize: number): number[] {
  const tokens = fingerprintTokens(text);
  if (tokens.length === 0) return [];
  if (tokens.length <= shingleSize) return [hashString32(tokens.join(' '))];
  const hashes = new Set<number>();
  for (let start = 0; start + shingleSize <= tokens.length; start += 1) {
    hashes.add(hashString32(tokens.slice(start, start + shingleSize).join(' ')));
  }
  return [...hashes];
}

/** Hashes of the text's word k-grams (the whole text as one shingle when it is shorter than k words). */
export function shingleHashes(text: string, shingleSize: number = nearDuplicateDefaults.shingleSize): Set<number> {
  return new Set(orderedShingleHashes(text, shingleSize));
}

/** MinHash signature and LSH band keys of a text (typically `nearDuplicateText(title, summary)`). */
export function nearDuplicateSignature(
  text: string,
  options: Partial<NearDuplicateOptions> = {},
): NearDuplicateSignature {
  const { shingleSize, bands, rows, headlineShingles } = { ...nearDuplicateDefaults, ...options };
  const size = bands * rows;
  const { xor, add } = seedsFor(size);
  const shingles = orderedShingleHashes(text, shingleSize);
  const truncated = truncationMark.test(text.trim());
  // A truncated text's last word may be a number cut short.
  const tokens = fingerprintTokens(text);
  const numbers = [
    ...new Set(
      (truncated ? tokens.slice(0, -1) : tokens)
        .filter((token) => /^\d/.test(token))
        .map((token) => hashString32(token)),
    ),
  ].slice(0, maxNumbers);
  const minhash = new Array<number>(size).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let slot = 0; slot < size; slot += 1) {
      const value = fmix32((fmix32((shingle ^ (xor[slot] ?? 0)) >>> 0) + (add[slot] ?? 0)) >>> 0);
      if (value < (minhash[slot] ?? 0)) minhash[slot] = value;
    }
  }
  const bandKeys: string[] = [];
  if (shingles.length > 0) {
    for (let band = 0; band < bands; band += 1) {
      bandKeys.push(`nd.${band}.${hex32(hashString32(minhash.slice(band * rows, (band + 1) * rows).join(',')))}`);
    }
  }
  return {
    minhash,
    bandKeys,
    shingleCount: shingles.length,
    truncated,
    shingles: shingles.length < headlineShingles ? shingles : [],
    numbers,
  };
}

/** Share of MinHash slots where the signatures agree: an unbiased estimate of the shingle sets' Jaccard similarity. */
export function estimatedJaccard(a: NearDuplicateSignature, b: NearDuplicateSignature): number {
  if (a.shingleCount === 0 || b.shingleCount === 0) return 0;
  const size = Math.min(a.minhash.length, b.minhash.length);
  if (size === 0) return 0;
  let equal = 0;
  for (let slot = 0; slot < size; slot += 1) if (a.minhash[slot] === b.minhash[slot]) equal += 1;
  return equal / size;
}

/**
 * Estimated share of the smaller text's shingles found in the larger one (from the Jaccard
 * estimate and the two set sizes): 1 for a text cut from the other.
 */
export function estimatedContainment(a: NearDuplicateSignature, b: NearDuplicateSignature): number {
  const jaccard = estimatedJaccard(a, b);
  const smaller = Math.min(a.shingleCount, b.shingleCount);
  if (smaller === 0) return 0;
  const intersection = (jaccard * (a.shingleCount + b.shingleCount)) / (1 + jaccard);
  return Math.min(1, intersection / smaller);
}

/** The signature kept its shingles (a headline-sized text, signed since shingles were kept). */
function keptShingles(signature: NearDuplicateSignature): boolean {
  return signature.shingleCount > 0 && signature.shingles?.length === signature.shingleCount;
}

function exactJaccard(a: readonly number[], b: readonly number[]): number {
  const set = new Set(a);
  const shared = b.filter((hash) => set.has(hash)).length;
  return shared / (a.length + b.length - shared);
}

/** Share of a truncated text's shingles, its last one dropped (it may hold a cut word), found in the other text. */
function exactContainment(truncated: readonly number[], other: readonly number[]): number {
  const kept = truncated.slice(0, -1);
  if (kept.length === 0) return 0;
  const set = new Set(other);
  return kept.filter((hash) => set.has(hash)).length / kept.length;
}

/** Shingles that carry evidence: a truncated text's last shingle may hold a cut word. */
function evidenceShingles(signature: NearDuplicateSignature): number {
  return signature.truncated ? signature.shingleCount - 1 : signature.shingleCount;
}

/**
 * How alike two texts are as copies, in [0, 1]: the Jaccard similarity of their shingles (exact
 * for two headline-sized texts, else the MinHash estimate) or, when the shorter one was
 * truncated (`...`), the share of it the longer one contains.
 */
export function nearDuplicateScore(a: NearDuplicateSignature, b: NearDuplicateSignature): number {
  if (a.shingleCount === 0 || b.shingleCount === 0) return 0;
  const shorter = a.shingleCount <= b.shingleCount ? a : b;
  const longer = shorter === a ? b : a;
  if (keptShingles(a) && keptShingles(b)) {
    const jaccard = exactJaccard(a.shingles ?? [], b.shingles ?? []);
    if (!shorter.truncated) return jaccard;
    return Math.max(jaccard, exactContainment(shorter.shingles ?? [], longer.shingles ?? []));
  }
  const jaccard = estimatedJaccard(a, b);
  // Estimated containment of a headline in a long text is too noisy to trust (a few shared
  // slots among 128 decide it): only two long texts are compared that way.
  if (!shorter.truncated || keptShingles(shorter)) return jaccard;
  return Math.max(jaccard, estimatedContainment(a, b));
}

/**
 * Each text carries a number the other lacks: two documents (decision 382 and decision 383, the
 * 2025 and the 2026 report). One-sided is not enough: a cut copy may have lost the numbers of its tail.
 */
export function distinctNumbers(a: NearDuplicateSignature, b: NearDuplicateSignature): boolean {
  if (!a.numbers || !b.numbers) return false;
  const inA = new Set(a.numbers);
  const inB = new Set(b.numbers);
  return a.numbers.some((hash) => !inB.has(hash)) && b.numbers.some((hash) => !inA.has(hash));
}

/**
 * Whether two signatures are copies of one text: both long enough to name an article, no
 * distinct numbers (`distinctNumbers`), and `nearDuplicateScore` at or above the threshold for
 * their size (`headlineThreshold` when the shorter is headline-sized, else `threshold`).
 */
export function isNearDuplicate(
  a: NearDuplicateSignature,
  b: NearDuplicateSignature,
  options: Partial<NearDuplicateOptions> = {},
): boolean {
  const { threshold, headlineShingles, headlineThreshold, minShingles } = { ...nearDuplicateDefaults, ...options };
  if (Math.min(evidenceShingles(a), evidenceShingles(b)) < minShingles) return false;
  if (distinctNumbers(a, b)) return false;
  const headlineSized = Math.min(a.shingleCount, b.shingleCount) < headlineShingles;
  return nearDuplicateScore(a, b) >= (headlineSized ? headlineThreshold : threshold);
}

/** One entry as copy detection sees it: its source and its signature. */
export interface CopyCandidate {
  sourceId: string;
  signature: NearDuplicateSignature;
}

/**
 * Whether `item` is a copy of `other`. Across sources: `isNearDuplicate` (a syndicated, edited or
 * cut copy). One source's two entries (different guids and links) are two of its publications
 * however alike their words, since a register's decisions or a regulator's notices share their
 * boilerplate: they are one item only when their whole text is the same headline, word for word
 * once wire decorations go (a wire's "-- 2nd Update"). Longer texts of one source are the same
 * item only by `isSameText`.
 */
export function isCopyOf(
  item: CopyCandidate,
  other: CopyCandidate,
  options: Partial<NearDuplicateOptions> = {},
): boolean {
  if (!isNearDuplicate(item.signature, other.signature, options)) return false;
  if (item.sourceId !== other.sourceId) return true;
  const [a, b] = [item.signature, other.signature];
  return keptShingles(a) && keptShingles(b) && exactJaccard(a.shingles ?? [], b.shingles ?? []) === 1;
}
