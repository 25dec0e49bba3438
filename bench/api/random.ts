/** Deterministic randomness for the seed, so two seeds of the same size hold the same data. */

/** A seeded generator of floats in [0, 1) (mulberry32: small, fast, good enough for test data). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function pick<T>(random: () => number, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

/** Index of the first cumulative weight above a uniform draw: a draw from the weights' distribution. */
function drawIndex(cumulative: Float64Array, random: () => number): number {
  const target = random() * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Draws values with the given weights. */
export function weighted<T>(values: readonly T[], weights: readonly number[]): (random: () => number) => T {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, index) => {
    sum += weight;
    cumulative[index] = sum;
  });
  return (random) => values[drawIndex(cumulative, random)] as T;
}

/**
 * Draws values by rank with Zipf's law (weight 1/rank^exponent): the first few are common and
 * most are rare, as tags and story sizes are in real news.
 */
export function zipf<T>(rankedValues: readonly T[], exponent: number): (random: () => number) => T {
  return weighted(
    rankedValues,
    rankedValues.map((_, index) => 1 / (index + 1) ** exponent),
  );
}
