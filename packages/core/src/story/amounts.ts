/** Amounts as story evidence: their values, when two are one figure, and their index keys. */

const scales: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, bn: 1e9 };

/** The value of an amount term (`17bn`, `2.31m`, `325k`), or null for any other term. */
export function amountValue(term: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(k|m|bn)$/.exec(term);
  if (!match) return null;
  const value = Number(match[1]) * (scales[match[2] ?? ''] ?? 1);
  return value > 0 ? value : null;
}

/** The amounts among an item's entity terms. */
export function amountsOf(entities: readonly string[]): number[] {
  return entities.flatMap((term) => {
    const value = amountValue(term);
    return value === null ? [] : [value];
  });
}

/** Two amounts are one figure reported twice when they differ by at most this share (`$17bn` and `$18B`). */
export function amountsAgree(a: number, b: number, tolerance: number): boolean {
  return Math.max(a, b) / Math.min(a, b) <= 1 + tolerance;
}

/**
 * Index keys for an item's amounts (`a.<bucket>`), so two reports of one figure find each other
 * even when their words do not: buckets are steps of the tolerance on a log scale, and each
 * amount is also stored under the neighbouring bucket nearer to it, so two amounts within one
 * step always share a key.
 */
export function amountKeys(entities: readonly string[], tolerance: number, maxAmounts = 3): string[] {
  const step = Math.log1p(tolerance);
  const keys = new Set<string>();
  for (const value of amountsOf(entities).slice(0, maxAmounts)) {
    const position = Math.log(value) / step;
    const bucket = Math.floor(position);
    keys.add(`a.${bucket}`);
    keys.add(`a.${position - bucket < 0.5 ? bucket - 1 : bucket + 1}`);
  }
  return [...keys].sort();
}
