/**
 * Gold near-duplicates for the UCI sample, defined independently of any fingerprint.
 *
 * The corpus labels stories, not copies. Two headlines are the same text when their word
 * sequences are equal once wire and outlet decorations are removed by core's
 * `stripHeadlineDecorations` (`UPDATE 1-`, `REFILE-`, Reuters slugs such as `GLOBAL MARKETS-`,
 * `VIDEO:`, `(2)`, `| Huffingtonpost`, trailing `  ...`), case, accents and punctuation ignored;
 * or when one was truncated by an aggregator (it ended in `...`) and its words, the possibly cut
 * last word dropped, are a prefix of the other's (at least 4 words kept).
 *
 * Gold copies are same-text pairs in the same STORY; gold clusters are the connected components
 * of those pairs. This gold is strict: an agency's re-send with one word changed ("dip" →
 * "decline") is not a copy.
 *
 * Same-text pairs in different STORYs are left unjudged: neither a hit nor a false match. The
 * corpus cannot tell what they are. Some are one wire article the aggregator filed under two
 * stories, because it splits events in two (Mt. Gox's US filing, Titanfall, GM's recall,
 * Cosmos: "UPDATE 1-Mt. Gox files for US bankruptcy to halt class action" from in.reuters.com
 * and "Mt. Gox files for US bankruptcy to halt class..." from canoe.ca are one Reuters article).
 * Others are different articles under a generic headline ("Business Highlights" on two days).
 * Counting them all as false matches capped the precision any text fingerprint could reach on
 * the test split at 0.63 (17 such pairs against 29 gold ones); counting them all as copies would
 * reward folding generic headlines. The script prints how many predicted pairs were unjudged,
 * and the strict precision that counts them as false.
 */
import { stripHeadlineDecorations, wordTokens } from '@regwatch/core';
import { DisjointSets, membersByLabel, type Prf } from './cluster-metrics.ts';
import type { Row } from './uci-corpus.ts';

function goldWords(title: string): string[] {
  return wordTokens(stripHeadlineDecorations(title));
}

function isTruncated(title: string): boolean {
  return /(?:\.{3}|…)\s*$/u.test(title.trim());
}

function isPrefix(prefix: readonly string[], words: readonly string[]): boolean {
  if (prefix.length > words.length) return false;
  return prefix.every((word, index) => words[index] === word);
}

/** Whether two headlines are the same text (equal, or one an aggregator's truncated cut of the other). */
function sameText(a: readonly string[], titleA: string, b: readonly string[], titleB: string): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a.length === b.length && isPrefix(a, b)) return true;
  if (isTruncated(titleA) && a.length >= 5 && isPrefix(a.slice(0, -1), b)) return true;
  return isTruncated(titleB) && b.length >= 5 && isPrefix(b.slice(0, -1), a);
}

/** Components of the same-text relation, optionally only between rows of one STORY. */
function sameTextComponents(rows: readonly Row[], withinStory: boolean): string[] {
  const sets = new DisjointSets(rows.length);
  const words = rows.map((row) => goldWords(row.title));
  // Same-text pairs share their first words (a truncated one keeps at least four): bucket on them.
  const buckets = new Map<string, number[]>();
  words.forEach((list, index) => {
    if (list.length === 0) return;
    const key = `${withinStory ? rows[index]?.story : ''}\u0000${list.slice(0, 4).join(' ')}`;
    const bucket = buckets.get(key) ?? [];
    bucket.push(index);
    buckets.set(key, bucket);
  });
  for (const members of buckets.values()) {
    for (let x = 0; x < members.length; x += 1) {
      for (let y = x + 1; y < members.length; y += 1) {
        const i = members[x] ?? 0;
        const j = members[y] ?? 0;
        if (sameText(words[i] ?? [], rows[i]?.title ?? '', words[j] ?? [], rows[j]?.title ?? '')) sets.union(i, j);
      }
    }
  }
  return rows.map((_, index) => `g${sets.find(index)}`);
}

/** Gold near-duplicate clusters: same-text pairs within one STORY, connected. */
export function goldNearDuplicateLabels(rows: readonly Row[]): string[] {
  return sameTextComponents(rows, true);
}

/** Same-text clusters ignoring STORY: a predicted pair inside one but across STORYs is unjudged. */
export function sameTextLabels(rows: readonly Row[]): string[] {
  return sameTextComponents(rows, false);
}

export interface NearDuplicatePairScores extends Prf {
  predictedPairs: number;
  goldPairs: number;
  truePairs: number;
  /** Predicted pairs of the same text in different STORYs: neither true nor false. */
  unjudgedPairs: number;
  /** Precision counting unjudged pairs as false. */
  strictPrecision: number;
}

/** Pairwise precision and recall of predicted near-duplicate clusters over the pairs touching the subset. */
export function nearDuplicatePairScores(
  predicted: readonly string[],
  gold: readonly string[],
  sameText: readonly string[],
  rows: readonly Row[],
  inSubset: readonly boolean[],
): NearDuplicatePairScores {
  let predictedPairs = 0;
  let truePairs = 0;
  let unjudgedPairs = 0;
  for (const list of membersByLabel(predicted).values()) {
    for (let x = 0; x < list.length; x += 1) {
      for (let y = x + 1; y < list.length; y += 1) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        if (!inSubset[i] && !inSubset[j]) continue;
        predictedPairs += 1;
        if (gold[i] === gold[j]) truePairs += 1;
        else if (sameText[i] === sameText[j] && rows[i]?.story !== rows[j]?.story) unjudgedPairs += 1;
      }
    }
  }
  let goldPairs = 0;
  for (const list of membersByLabel(gold).values()) {
    const inside = list.filter((index) => inSubset[index]).length;
    goldPairs += (inside * (inside - 1)) / 2;
  }
  const judged = predictedPairs - unjudgedPairs;
  const precision = judged === 0 ? 1 : truePairs / judged;
  const recall = goldPairs === 0 ? 1 : truePairs / goldPairs;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    predictedPairs,
    goldPairs,
    truePairs,
    unjudgedPairs,
    strictPrecision: predictedPairs === 0 ? 1 : truePairs / predictedPairs,
  };
}
