import { amountsAgree, amountsOf, amountValue } from './amounts.ts';
import type { StoryFeatures } from './story-features.ts';

/**
 * Evidence about two items beyond their shared words: the amounts they report, and the names
 * and numbers each puts in its headline that the other never mentions.
 */

/** Whether the two items report one amount (equal, or within the tolerance). */
export function sharedAmount(a: StoryFeatures, b: StoryFeatures, tolerance: number): boolean {
  const theirs = mentions(b).amounts;
  return mentions(a).amounts.some((mine) => theirs.some((other) => amountsAgree(mine, other, tolerance)));
}

/**
 * What an item mentions (its terms and entities) and its amounts, worked out once per features
 * object: a batch compares one candidate with every entry that finds it, and features are never
 * changed once built.
 */
const mentionsOf = new WeakMap<StoryFeatures, { mentioned: Set<string>; amounts: number[] }>();

function mentions(features: StoryFeatures): { mentioned: Set<string>; amounts: number[] } {
  let found = mentionsOf.get(features);
  if (!found) {
    found = { mentioned: new Set([...features.terms, ...features.entities]), amounts: amountsOf(features.entities) };
    mentionsOf.set(features, found);
  }
  return found;
}

/** Headline names and numbers of `a` that `b` mentions nowhere (an amount `b` reports too is mentioned). */
function unmatchedHeadlineEntities(a: StoryFeatures, b: StoryFeatures, tolerance: number): string[] {
  const { mentioned, amounts: theirAmounts } = mentions(b);
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
