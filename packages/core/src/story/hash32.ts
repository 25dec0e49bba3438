/**
 * Small deterministic 32-bit hashing for fingerprints and index keys: no randomness, no I/O,
 * identical results on every machine and run.
 */

const encoder = new TextEncoder();

/** FNV-1a over the UTF-8 bytes of `text`, finished with the MurmurHash3 mixer. Unsigned 32-bit. */
export function hashString32(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return fmix32(hash);
}

/** MurmurHash3's finaliser: a bijection on 32-bit integers with full avalanche. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mulberry32: a tiny seeded generator of unsigned 32-bit integers (for fixed hash-function seeds). */
export function seededUint32s(seed: number, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let state = seed >>> 0;
  for (let index = 0; index < count; index += 1) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[index] = (t ^ (t >>> 14)) >>> 0;
  }
  return out;
}

/** Eight lower-case hex digits. */
export function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
