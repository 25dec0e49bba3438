import type { StoryFeatures } from './story-features.ts';

/**
 * Evidence about two items beyond their shared words: the amounts they report, and the names
 * and numbers each puts in its headline that the other never mentions.
 */

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

/** Whether the two items report one amount (equal, or within the tolerance). */
export function sharedAmount(a: StoryFeatures, b: StoryFeatures, tolerance: number): boolean {
  const theirs = amountsOf(b.entities);
  return amountsOf(a.entities).some((mine) => theirs.some((other) => amountsAgree(mine, other, tolerance)));
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

/** Headline names and numbers of `a` that `b` mentions nowhere (an amount `b` reports too is mentioned). */
function unmatchedHeadlineEntities(a: StoryFeatures, b: StoryFeatures, tolerance: number): string[] {
  const mentioned = new Set([...b.terms, ...b.entities]);
  const theirAmounts = amountsOf(b.entities);
  return (a.titleEntities ?? []).filter((term) => {
    if (mentioned.has(term)) return false;
    const value = amountValue(term);
    return value === null || !theirAmounts.some((other) => amountsAgree(value, other, tolerance));
  });
}

/**
 * Each headline names something the other item never mentions (a partner, a company, a decision
 * number): two events told alike, such as two prizes a regulator awarded with two different
 * institutes on one day. One-sided is not enough (one outlet names the regulator, another only
 * the company). Only within one language: names and acronyms change across languages (AI, KI).
 */
export function distinctHeadlineEntities(a: StoryFeatures, b: StoryFeatures, tolerance: number): boolean {
  if (!a.titleEntities || !b.titleEntities) return false;
  if (a.language && b.language && a.language !== b.language) return false;
  return unmatchedHeadlineEntities(a, b, tolerance).length > 0 && unmatchedHeadlineEntities(b, a, tolerance).length > 0;
}
