/**
 * MinHash against SimHash for headline copies, pair by pair over every pair of headlines of a
 * split (no index, no clustering): precision and recall against the gold copies at a range of
 * thresholds, and how many pairs from different stories each lets through. Unjudged pairs (same
 * text, different STORY: see near-duplicate-gold.ts) are left out of precision.
 */
import {
  isNearDuplicate,
  type NearDuplicateOptions,
  type NearDuplicateSignature,
  nearDuplicateScore,
  nearDuplicateSignature,
  nearDuplicateText,
} from '@regwatch/core';
import { hammingDistance64, simhash64 } from './simhash.ts';
import type { Row } from './uci-corpus.ts';

interface Tally {
  gold: number;
  sameStory: number;
  otherStory: number;
  unjudged: number;
}

function emptyTally(): Tally {
  return { gold: 0, sameStory: 0, otherStory: 0, unjudged: 0 };
}

function add(into: Tally, from: Tally): void {
  into.gold += from.gold;
  into.sameStory += from.sameStory;
  into.otherStory += from.otherStory;
  into.unjudged += from.unjudged;
}

function line(label: string, tally: Tally, goldPairs: number, otherStoryPairs: number): string {
  const judged = tally.gold + tally.sameStory + tally.otherStory;
  const precision = judged === 0 ? 1 : tally.gold / judged;
  return (
    `    ${label} precision ${precision.toFixed(4)} recall ${(tally.gold / goldPairs).toFixed(4)} ` +
    `different-story pairs matched ${tally.otherStory + tally.unjudged} ` +
    `(${((100 * (tally.otherStory + tally.unjudged)) / otherStoryPairs).toFixed(3)}%, ${tally.unjudged} of them unjudged)`
  );
}

export function compareFingerprints(
  rows: readonly Row[],
  goldNear: readonly string[],
  sameText: readonly string[],
  inSubset: readonly boolean[],
  options: NearDuplicateOptions,
  out: (line: string) => void,
): void {
  const indices = rows.map((_, index) => index).filter((index) => inSubset[index]);
  const simhashes = indices.map((index) => simhash64(nearDuplicateText(rows[index]?.title ?? ''), options.shingleSize));
  const minhashes = indices.map((index) =>
    nearDuplicateSignature(nearDuplicateText(rows[index]?.title ?? ''), options),
  );
  const byDistance = Array.from({ length: 65 }, emptyTally);
  const byScore = Array.from({ length: 21 }, emptyTally);
  const chosenRule = emptyTally();
  let goldPairs = 0;
  let otherStoryPairs = 0;
  for (let x = 0; x < indices.length; x += 1) {
    for (let y = x + 1; y < indices.length; y += 1) {
      const i = indices[x] ?? 0;
      const j = indices[y] ?? 0;
      const tally = emptyTally();
      if (goldNear[i] === goldNear[j]) {
        tally.gold = 1;
        goldPairs += 1;
      } else if (rows[i]?.story === rows[j]?.story) tally.sameStory = 1;
      else {
        otherStoryPairs += 1;
        if (sameText[i] === sameText[j]) tally.unjudged = 1;
        else tally.otherStory = 1;
      }
      add(byDistance[hammingDistance64(simhashes[x] ?? [0, 0], simhashes[y] ?? [0, 0])] ?? emptyTally(), tally);
      const a = minhashes[x] as NearDuplicateSignature;
      const b = minhashes[y] as NearDuplicateSignature;
      add(byScore[Math.floor(nearDuplicateScore(a, b) * 20)] ?? emptyTally(), tally);
      if (isNearDuplicate(a, b, options)) add(chosenRule, tally);
    }
  }
  out(
    `  ${indices.length} headlines, ${(indices.length * (indices.length - 1)) / 2} pairs, ${goldPairs} gold copy pairs, ` +
      `${otherStoryPairs} pairs from different stories`,
  );
  out(`  SimHash-64 (${options.shingleSize}-word shingles, unweighted), pairs at Hamming distance ≤ k:`);
  const cumulative = emptyTally();
  byDistance.forEach((tally, k) => {
    add(cumulative, tally);
    if ([0, 3, 6, 10, 14].includes(k)) out(line(`k=${String(k).padStart(2)}`, cumulative, goldPairs, otherStoryPairs));
  });
  out(`  MinHash-${options.bands * options.rows} (same shingles), pairs at score ≥ t (exact for two headlines):`);
  const fromTop = emptyTally();
  for (let bucket = 20; bucket >= 0; bucket -= 1) {
    add(fromTop, byScore[bucket] ?? emptyTally());
    if ([20, 18, 16, 14, 10].includes(bucket)) {
      out(line(`t=${(bucket / 20).toFixed(2)}`, fromTop, goldPairs, otherStoryPairs));
    }
  }
  out(line('the rule in use (isNearDuplicate, defaults):', chosenRule, goldPairs, otherStoryPairs));
}
