import { fmix32, hashString32, hex32, seededUint32s } from './hash32.ts';
import { stripHeadlineDecorations, wordTokens } from './tokenise.ts';

/**
 * Near-duplicates (syndicated or lightly edited copies): MinHash over word shingles with
 * locality-sensitive hashing. Two texts' MinHash signatures agree in a slot with probability
 * equal to the Jaccard similarity of their shingle sets; LSH cuts the signature into bands and
 * turns each band into an index key, so copies share at least one key with high probability
 * while unrelated texts almost never do. Finding candidates is then a lookup by key, never a scan.
 */

export interface NearDuplicateOptions {
  /** Words per shingle. */
  shingleSize: number;
  /** LSH bands; the signature holds bands × rows values. */
  bands: number;
  /** Signature values per band. */
  rows: number;
  /** Estimated Jaccard similarity at or above which two texts are near-duplicates. */
  threshold: number;
  /** Words of the lead (summary) used after the title; the rest of an article adds cost, not evidence. */
  leadWords: number;
}

/**
 * Defaults measured with `npx tsx scripts/eval-stories.ts` (see src/story/README.md): word
 * pairs, 128 values in 32 bands of 4 rows (a pair at Jaccard 0.5 becomes a candidate with
 * probability 0.9998, at 0.2 with 0.05), threshold 0.5.
 */
export const nearDuplicateDefaults: Readonly<NearDuplicateOptions> = Object.freeze({
  shingleSize: 2,
  bands: 32,
  rows: 4,
  threshold: 0.5,
  leadWords: 60,
});

export interface NearDuplicateSignature {
  /** MinHash values (unsigned 32-bit), bands × rows of them. */
  minhash: number[];
  /** One index key per band (`nd.<band>.<hash>`): look up and store the item under each. */
  bandKeys: string[];
  /** Distinct shingles the text had (0: too little text to compare). */
  shingleCount: number;
  /** The text ended in a truncation mark (`...`, `…`, `[…]`): it may be a cut copy of a longer text. */
  truncated: boolean;
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

/** Hashes of the text's word k-grams (the whole text as one shingle when it is shorter than k words). */
export function shingleHashes(text: string, shingleSize: number = nearDuplicateDefaults.shingleSize): Set<number> {
  const tokens = fingerprintTokens(text);
  const hashes = new Set<number>();
  if (tokens.length === 0) return hashes;
  if (tokens.length <= shingleSize) {
    hashes.add(hashString32(tokens.join(' ')));
    return hashes;
  }
  for (let start = 0; start + shingleSize <= tokens.length; start += 1) {
    hashes.add(hashString32(tokens.slice(start, start + shingleSize).join(' ')));
  }
  return hashes;
}

/** MinHash signature and LSH band keys of a text (typically `nearDuplicateText(title, summary)`). */
export function nearDuplicateSignature(
  text: string,
  options: Partial<NearDuplicateOptions> = {},
): NearDuplicateSignature {
  const { shingleSize, bands, rows } = { ...nearDuplicateDefaults, ...options };
  const size = bands * rows;
  const { xor, add } = seedsFor(size);
  const shingles = shingleHashes(text, shingleSize);
  const minhash = new Array<number>(size).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let slot = 0; slot < size; slot += 1) {
      const value = fmix32((fmix32((shingle ^ (xor[slot] ?? 0)) >>> 0) + (add[slot] ?? 0)) >>> 0);
      if (value < (minhash[slot] ?? 0)) minhash[slot] = value;
    }
  }
  const bandKeys: string[] = [];
  if (shingles.size > 0) {
    for (let band = 0; band < bands; band += 1) {
      bandKeys.push(`nd.${band}.${hex32(hashString32(minhash.slice(band * rows, (band + 1) * rows).join(',')))}`);
    }
  }
  return { minhash, bandKeys, shingleCount: shingles.size, truncated: truncationMark.test(text.trim()) };
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

/** Fewest shingles a truncated text needs before containment, rather than Jaccard, may judge it. */
const minContainedShingles = 4;

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

/**
 * How alike two texts are as copies, in [0, 1]: the estimated Jaccard similarity of their
 * shingles, or, when the shorter one was truncated (`...`), how much of it the longer one contains.
 */
export function nearDuplicateScore(a: NearDuplicateSignature, b: NearDuplicateSignature): number {
  const jaccard = estimatedJaccard(a, b);
  const shorter = a.shingleCount <= b.shingleCount ? a : b;
  // A few words cut from a headline are contained in too many texts to prove a copy.
  if (!shorter.truncated || shorter.shingleCount < minContainedShingles) return jaccard;
  return Math.max(jaccard, estimatedContainment(a, b));
}

/** Whether two signatures are copies of one text (`nearDuplicateScore` at or above the threshold). */
export function isNearDuplicate(
  a: NearDuplicateSignature,
  b: NearDuplicateSignature,
  threshold: number = nearDuplicateDefaults.threshold,
): boolean {
  return nearDuplicateScore(a, b) >= threshold;
}
