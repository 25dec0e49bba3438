import { stripHeadlineDecorations, wordTokens } from '@regwatch/core';

/** FNV-1a of the UTF-16 code units with a seed, finished with MurmurHash3's mixer. */
function hash32(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * 64-bit SimHash (Charikar) over the same word shingles as the MinHash fingerprint, unweighted:
 * kept only so the evaluation can compare it with MinHash on the same data (DESIGN.md "Known
 * traps"). Returned as two 32-bit halves.
 */
export function simhash64(text: string, shingleSize: number): [number, number] {
  const tokens = wordTokens(stripHeadlineDecorations(text));
  const counts = new Array<number>(64).fill(0);
  const grams: string[] = [];
  if (tokens.length <= shingleSize) grams.push(tokens.join(' '));
  else
    for (let start = 0; start + shingleSize <= tokens.length; start += 1)
      grams.push(tokens.slice(start, start + shingleSize).join(' '));
  for (const gram of new Set(grams)) {
    const low = hash32(gram, 0);
    const high = hash32(gram, 0x9e3779b9);
    for (let bit = 0; bit < 32; bit += 1) {
      counts[bit] = (counts[bit] ?? 0) + ((low >>> bit) & 1 ? 1 : -1);
      counts[bit + 32] = (counts[bit + 32] ?? 0) + ((high >>> bit) & 1 ? 1 : -1);
    }
  }
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if ((counts[bit] ?? 0) > 0) low |= 1 << bit;
    if ((counts[bit + 32] ?? 0) > 0) high |= 1 << bit;
  }
  return [low >>> 0, high >>> 0];
}

function popcount32(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function hammingDistance64(a: readonly [number, number], b: readonly [number, number]): number {
  return popcount32(a[0] ^ b[0]) + popcount32(a[1] ^ b[1]);
}
