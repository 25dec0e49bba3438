// Evaluates near-duplicate detection and story clustering on labelled news no one here wrote:
// the UCI News Aggregator sample (6,366 headlines, 87 stories; ../shared/corpus, see its SOURCE.md).
//
//   npx tsx scripts/eval-stories.ts            figures for the train and test splits; last line is JSON
//   npx tsx scripts/eval-stories.ts --tune     also sweeps thresholds, scoring the train split only
//   npx tsx scripts/eval-stories.ts --compare  also compares MinHash and SimHash on all pairs
//
// The run mimics the worker: items arrive one at a time in timestamp order; candidates come only
// from an in-memory inverted index keyed by each item's candidate keys (as a database index
// would serve them: items under the key, most recent first, within the time window, at most
// `perKeyLimit` per key); IDF comes from document-frequency counts of the items seen so far.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assignStory,
  type NearDuplicateOptions,
  type NearDuplicateSignature,
  nearDuplicateDefaults,
  nearDuplicateScore,
  nearDuplicateSignature,
  nearDuplicateText,
  type StoryCandidate,
  type StoryFeatures,
  type StoryOptions,
  storyDefaults,
  storyFeatures,
  stripHeadlineDecorations,
  wordTokens,
} from '@regwatch/core';
import { parse } from 'csv-parse/sync';
import { type ClusterScores, clusterScores, DisjointSets } from './lib/cluster-metrics.ts';
import { hammingDistance64, simhash64 } from './lib/simhash.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusFile = resolve(repoRoot, '../shared/corpus/uci-news-aggregator-sample/uci-news-aggregator-head6366.csv');

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// Data

interface Row {
  id: string;
  title: string;
  story: string;
  category: string;
  publishedAt: number;
}

function readRows(): Row[] {
  if (!existsSync(corpusFile)) {
    process.stderr.write(
      `eval-stories: corpus not found at ${corpusFile}\n` +
        'It lives next to the repository in ../shared/corpus/uci-news-aggregator-sample/ (see its SOURCE.md).\n',
    );
    process.exit(2);
  }
  const records = parse(readFileSync(corpusFile, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: false,
  }) as Record<string, string>[];
  const rows = records.map((record, index) => {
    const publishedAt = Number(record.TIMESTAMP);
    if (!record.TITLE || !record.STORY || !Number.isFinite(publishedAt)) {
      throw new Error(`eval-stories: row ${index + 2} lacks TITLE, STORY or a numeric TIMESTAMP`);
    }
    return {
      id: record.ID ?? String(index + 1),
      title: record.TITLE,
      story: record.STORY,
      category: record.CATEGORY ?? '',
      publishedAt,
    };
  });
  // Timestamp order, ties by id: the order a worker would see them in.
  return rows.sort((a, b) => a.publishedAt - b.publishedAt || Number(a.id) - Number(b.id));
}

/**
 * The split, fixed by a seeded rule: a story is in the test split when the first 32 bits of
 * SHA-256("regwatch-eval-stories-v1" + story id) fall in the lowest 20% of the range. Whole
 * stories move together, so no story has items on both sides.
 */
function isTestStory(story: string): boolean {
  const digest = createHash('sha256').update(`regwatch-eval-stories-v1\u0000${story}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < 0.2;
}

// ---------------------------------------------------------------------------------------------
// Gold near-duplicates
//
// The corpus labels stories, not copies, so near-duplicate gold is defined here, independently
// of any fingerprint: two headlines are copies when they are in the same STORY and
//   (a) their word sequences are equal once wire and outlet decorations are removed by core's
//       `stripHeadlineDecorations` (`UPDATE 1-`, `REFILE-`, Reuters slugs such as `GLOBAL
//       MARKETS-`, `VIDEO:`, `(2)`, `| Huffingtonpost`, trailing `  ...`), case, accents and
//       punctuation ignored; or
//   (b) one was truncated by an aggregator (it ended in `...`) and its words, the possibly cut
//       last word dropped, are a prefix of the other's (at least 4 words kept).
// Gold clusters are the connected components of those pairs. This gold is strict: an agency's
// re-send with one word changed ("dip" → "decline") counts as a false positive, and so does an
// identical headline the aggregator filed under another STORY (it splits some events in two:
// Titanfall, Mt. Gox, GM's recall, Cosmos), which the script counts and prints. It also prints
// the share of predicted pairs that are in the same STORY, the brief's looser reading.

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

function goldNearDuplicateLabels(rows: readonly Row[]): string[] {
  const sets = new DisjointSets(rows.length);
  const words = rows.map((row) => goldWords(row.title));
  const byStory = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const list = byStory.get(row.story) ?? [];
    list.push(index);
    byStory.set(row.story, list);
  });
  for (const members of byStory.values()) {
    for (let x = 0; x < members.length; x += 1) {
      for (let y = x + 1; y < members.length; y += 1) {
        const i = members[x] ?? 0;
        const j = members[y] ?? 0;
        const a = words[i] ?? [];
        const b = words[j] ?? [];
        if (a.length === 0 || b.length === 0) continue;
        const equal = a.length === b.length && isPrefix(a, b);
        const truncatedA = isTruncated(rows[i]?.title ?? '') && a.length >= 5 && isPrefix(a.slice(0, -1), b);
        const truncatedB = isTruncated(rows[j]?.title ?? '') && b.length >= 5 && isPrefix(b.slice(0, -1), a);
        if (equal || truncatedA || truncatedB) sets.union(i, j);
      }
    }
  }
  return rows.map((_, index) => `g${sets.find(index)}`);
}

// ---------------------------------------------------------------------------------------------
// The incremental run

interface RunOptions {
  nearDuplicate: NearDuplicateOptions;
  story: StoryOptions;
  /** Most items read per candidate key (the newest ones within the window). */
  perKeyLimit: number;
  /** Recompute candidates' TF-IDF weights with today's counts (else: weights as stored). */
  refreshWeights: boolean;
  /** Merge the other stories an item also matched into the one it joined. */
  mergeAlsoMatched: boolean;
  /** Members passed for a candidate story: those found through the keys, or its latest `memberLimit`. */
  members: 'found' | 'latest';
  memberLimit: number;
}

interface RunResult {
  nearDuplicateLabels: string[];
  storyLabels: string[];
  /** Per item: how many stored items the candidate lookups returned. */
  candidatesRead: number[];
  elapsedMs: number;
}

/** An inverted index as a database would keep it: key → item indices in arrival order. */
class KeyIndex {
  private readonly postings = new Map<string, number[]>();

  add(key: string, item: number): void {
    const list = this.postings.get(key);
    if (list) list.push(item);
    else this.postings.set(key, [item]);
  }

  /** The newest `limit` items under the key published no earlier than `since`. */
  recent(key: string, limit: number, since: number, publishedAt: readonly number[]): number[] {
    const list = this.postings.get(key);
    if (!list) return [];
    const found: number[] = [];
    for (let index = list.length - 1; index >= 0 && found.length < limit; index -= 1) {
      const item = list[index] ?? 0;
      if ((publishedAt[item] ?? 0) < since) break;
      found.push(item);
    }
    return found;
  }

  all(key: string): readonly number[] {
    return this.postings.get(key) ?? [];
  }
}

function run(rows: readonly Row[], options: RunOptions): RunResult {
  const started = performance.now();
  const documentFrequency = new Map<string, number>();
  let seen = 0;
  const df = (term: string) => documentFrequency.get(term) ?? 0;

  const signatures: NearDuplicateSignature[] = [];
  const features: StoryFeatures[] = [];
  const publishedAt = rows.map((row) => row.publishedAt);
  const nearDuplicateGroup: number[] = [];
  const storyOf: number[] = [];
  const storyParent = new Map<number, number>();
  const resolveStory = (story: number): number => {
    let root = story;
    while (storyParent.has(root)) root = storyParent.get(root) ?? root;
    return root;
  };
  const bandIndex = new KeyIndex();
  const storyIndex = new KeyIndex();
  const candidatesRead: number[] = [];
  const storyMembers = new Map<number, number[]>();
  let nextStory = 0;

  rows.forEach((row, item) => {
    // Near-duplicate: the best copy among the items sharing an LSH band.
    const signature = nearDuplicateSignature(nearDuplicateText(row.title), options.nearDuplicate);
    signatures.push(signature);
    let copyOf = -1;
    let bestJaccard = 0;
    const bandCandidates = new Set<number>();
    for (const key of signature.bandKeys) for (const other of bandIndex.all(key)) bandCandidates.add(other);
    for (const other of bandCandidates) {
      const otherSignature = signatures[other];
      if (!otherSignature) continue;
      if (Math.abs((publishedAt[other] ?? 0) - row.publishedAt) > options.story.windowMs) continue;
      const jaccard = nearDuplicateScore(signature, otherSignature);
      if (
        jaccard >= options.nearDuplicate.threshold &&
        (jaccard > bestJaccard || (jaccard === bestJaccard && other < copyOf))
      ) {
        bestJaccard = jaccard;
        copyOf = other;
      }
    }
    nearDuplicateGroup.push(copyOf >= 0 ? (nearDuplicateGroup[copyOf] ?? item) : item);
    for (const key of signature.bandKeys) bandIndex.add(key, item);

    // Story: a copy belongs to its original's story; anything else is matched through the index.
    const itemFeatures = storyFeatures({ title: row.title, publishedAt: row.publishedAt }, df, seen, options.story);
    features.push(itemFeatures);
    let read = bandCandidates.size;
    if (copyOf >= 0) {
      storyOf.push(resolveStory(storyOf[copyOf] ?? 0));
    } else {
      const since = row.publishedAt - options.story.windowMs;
      const found = new Set<number>();
      for (const key of itemFeatures.candidateKeys) {
        for (const other of storyIndex.recent(key, options.perKeyLimit, since, publishedAt)) found.add(other);
      }
      read += found.size;
      const byStory = new Map<number, StoryFeatures[]>();
      const expanded = new Set<number>();
      if (options.members === 'latest') {
        const stories = new Set([...found].map((other) => resolveStory(storyOf[other] ?? 0)));
        for (const story of stories) {
          const list = storyMembers.get(story) ?? [];
          for (const member of list.slice(-options.memberLimit)) expanded.add(member);
        }
      } else for (const other of found) expanded.add(other);
      for (const other of expanded) {
        const story = resolveStory(storyOf[other] ?? 0);
        let otherFeatures = features[other];
        if (!otherFeatures) continue;
        if (options.refreshWeights) {
          otherFeatures = storyFeatures(
            { title: rows[other]?.title ?? '', publishedAt: rows[other]?.publishedAt ?? 0 },
            df,
            seen,
            options.story,
          );
        }
        const list = byStory.get(story) ?? [];
        list.push(otherFeatures);
        byStory.set(story, list);
      }
      const candidates: StoryCandidate[] = [...byStory].map(([story, members]) => ({
        storyId: String(story).padStart(8, '0'),
        features: members,
      }));
      const assignment = assignStory(itemFeatures, candidates, options.story.threshold, options.story);
      if (process.env.TRACE && assignment.storyId !== null) {
        const joinedMembers = storyMembers.get(Number(assignment.storyId)) ?? [];
        const sameGold = joinedMembers.filter((m) => rows[m]?.story === row.story).length;
        if (sameGold * 2 < joinedMembers.length) {
          const head = joinedMembers
            .slice(0, 2)
            .map((m) => rows[m]?.title)
            .join(' || ');
          const sharedTerms = itemFeatures.terms.filter((t) =>
            joinedMembers.some((m) => features[m]?.terms.includes(t)),
          );
          process.stdout.write(
            `TRACE ${assignment.score.toFixed(3)} [${joinedMembers.length}] ${row.title}  →  ${head}  {${sharedTerms.join(',')}}\n`,
          );
        }
      }
      if (assignment.storyId === null) {
        storyOf.push(nextStory);
        nextStory += 1;
      } else {
        const joined = Number(assignment.storyId);
        storyOf.push(joined);
        if (options.mergeAlsoMatched) {
          for (const other of assignment.alsoMatched) {
            const absorbed = resolveStory(Number(other));
            if (absorbed === joined) continue;
            storyParent.set(absorbed, joined);
            storyMembers.set(
              joined,
              [...(storyMembers.get(joined) ?? []), ...(storyMembers.get(absorbed) ?? [])].sort((a, b) => a - b),
            );
            storyMembers.delete(absorbed);
          }
        }
      }
    }
    candidatesRead.push(read);
    const ownStory = resolveStory(storyOf[item] ?? 0);
    const ownList = storyMembers.get(ownStory) ?? [];
    ownList.push(item);
    storyMembers.set(ownStory, ownList);
    for (const key of itemFeatures.candidateKeys) storyIndex.add(key, item);
    // Counted once stored, as the database would.
    for (const term of itemFeatures.terms) documentFrequency.set(term, df(term) + 1);
    seen += 1;
  });

  return {
    nearDuplicateLabels: nearDuplicateGroup.map((group) => `n${group}`),
    storyLabels: storyOf.map((story) => `s${resolveStory(story)}`),
    candidatesRead,
    elapsedMs: performance.now() - started,
  };
}

// ---------------------------------------------------------------------------------------------
// Scoring

interface SplitFigures {
  story: ClusterScores;
  nearDuplicate: ClusterScores;
  /** Share of predicted near-duplicate pairs (one item or both in the split) in the same STORY. */
  nearDuplicateSameStory: number;
}

function sameStoryShare(predicted: readonly string[], rows: readonly Row[], inSubset: readonly boolean[]): number {
  const members = new Map<string, number[]>();
  predicted.forEach((label, index) => {
    const list = members.get(label) ?? [];
    list.push(index);
    members.set(label, list);
  });
  let pairs = 0;
  let same = 0;
  for (const list of members.values()) {
    for (let x = 0; x < list.length; x += 1) {
      for (let y = x + 1; y < list.length; y += 1) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        if (!inSubset[i] && !inSubset[j]) continue;
        pairs += 1;
        if (rows[i]?.story === rows[j]?.story) same += 1;
      }
    }
  }
  return pairs === 0 ? 1 : same / pairs;
}

function score(
  rows: readonly Row[],
  result: RunResult,
  goldNear: readonly string[],
  inSubset: boolean[],
): SplitFigures {
  const goldStory = rows.map((row) => row.story);
  return {
    story: clusterScores(result.storyLabels, goldStory, inSubset),
    nearDuplicate: clusterScores(result.nearDuplicateLabels, goldNear, inSubset),
    nearDuplicateSameStory: sameStoryShare(result.nearDuplicateLabels, rows, inSubset),
  };
}

const fixed = (value: number) => value.toFixed(4);

function printFigures(name: string, figures: SplitFigures): void {
  const line = (level: string, scores: ClusterScores) =>
    `  ${level.padEnd(15)} pairwise P ${fixed(scores.pairwise.precision)} R ${fixed(scores.pairwise.recall)} ` +
    `F1 ${fixed(scores.pairwise.f1)} | B-cubed P ${fixed(scores.bcubed.precision)} R ${fixed(scores.bcubed.recall)} ` +
    `F1 ${fixed(scores.bcubed.f1)} | ${scores.items} items, ${scores.goldClusters} gold / ${scores.predictedClusters} predicted clusters`;
  out(`${name}:`);
  out(line('story', figures.story));
  out(line('near-duplicate', figures.nearDuplicate));
  out(
    `  ${''.padEnd(15)} near-duplicate pairs predicted ${figures.nearDuplicate.predictedPairs}, gold ${figures.nearDuplicate.goldPairs}; ` +
      `share of predicted pairs in the same STORY ${fixed(figures.nearDuplicateSameStory)}`,
  );
}

function flatten(prefix: string, figures: SplitFigures): Record<string, number> {
  const flat: Record<string, number> = {};
  const put = (level: string, scores: ClusterScores) => {
    for (const kind of ['pairwise', 'bcubed'] as const) {
      for (const measure of ['precision', 'recall', 'f1'] as const) {
        flat[`${prefix}.${level}.${kind}.${measure}`] = Number(scores[kind][measure].toFixed(4));
      }
    }
    flat[`${prefix}.${level}.items`] = scores.items;
    flat[`${prefix}.${level}.goldClusters`] = scores.goldClusters;
    flat[`${prefix}.${level}.predictedClusters`] = scores.predictedClusters;
  };
  put('story', figures.story);
  put('nearDuplicate', figures.nearDuplicate);
  flat[`${prefix}.nearDuplicate.sameStoryPrecision`] = Number(figures.nearDuplicateSameStory.toFixed(4));
  return flat;
}

// ---------------------------------------------------------------------------------------------
// MinHash versus SimHash, pair by pair, on every pair of headlines of a split (no clustering).

function compareFingerprints(rows: readonly Row[], goldNear: readonly string[], inSubset: readonly boolean[]): void {
  const indices = rows.map((_, index) => index).filter((index) => inSubset[index]);
  const shingleSize = nearDuplicateDefaults.shingleSize;
  const simhashes = indices.map((index) => simhash64(nearDuplicateText(rows[index]?.title ?? ''), shingleSize));
  const minhashes = indices.map((index) => nearDuplicateSignature(nearDuplicateText(rows[index]?.title ?? '')));
  const goldPairs = new Set<string>();
  let goldCount = 0;
  const distances: number[][] = Array.from({ length: 65 }, () => [0, 0, 0]); // [true pairs, other pairs, different-story pairs]
  const jaccards: number[][] = Array.from({ length: 21 }, () => [0, 0, 0]);
  for (let x = 0; x < indices.length; x += 1) {
    for (let y = x + 1; y < indices.length; y += 1) {
      const i = indices[x] ?? 0;
      const j = indices[y] ?? 0;
      const gold = goldNear[i] === goldNear[j];
      if (gold) {
        goldCount += 1;
        goldPairs.add(`${i},${j}`);
      }
      const bucket = gold ? 0 : rows[i]?.story === rows[j]?.story ? 1 : 2;
      const distance = hammingDistance64(simhashes[x] ?? [0, 0], simhashes[y] ?? [0, 0]);
      const row = distances[distance];
      if (row) row[bucket] = (row[bucket] ?? 0) + 1;
      const jaccard = nearDuplicateScore(
        minhashes[x] as NearDuplicateSignature,
        minhashes[y] as NearDuplicateSignature,
      );
      const jRow = jaccards[Math.floor(jaccard * 20)];
      if (jRow) jRow[bucket] = (jRow[bucket] ?? 0) + 1;
    }
  }
  const totalPairs = (indices.length * (indices.length - 1)) / 2;
  const differentStoryPairs = distances.reduce((sum, row) => sum + (row[2] ?? 0), 0);
  out(
    `  ${indices.length} headlines, ${totalPairs} pairs, ${goldCount} gold copy pairs, ${differentStoryPairs} pairs from different stories`,
  );
  out('  SimHash-64 (word pairs), pairs at Hamming distance ≤ k:');
  let tp = 0;
  let fp = 0;
  let unrelated = 0;
  distances.forEach((row, k) => {
    tp += row[0] ?? 0;
    fp += row[1] ?? 0;
    unrelated += row[2] ?? 0;
    if ([0, 3, 6, 10, 14, 18, 22].includes(k)) {
      const precision = tp + fp + unrelated === 0 ? 1 : tp / (tp + fp + unrelated);
      out(
        `    k=${String(k).padStart(2)} precision ${fixed(precision)} recall ${fixed(tp / goldCount)} ` +
          `different-story pairs matched ${unrelated} (${((100 * unrelated) / differentStoryPairs).toFixed(3)}%)`,
      );
    }
  });
  out('  MinHash-128 (word pairs), pairs at estimated Jaccard ≥ t:');
  tp = 0;
  fp = 0;
  unrelated = 0;
  for (let bucket = 20; bucket >= 0; bucket -= 1) {
    const row = jaccards[bucket] ?? [];
    tp += row[0] ?? 0;
    fp += row[1] ?? 0;
    unrelated += row[2] ?? 0;
    if ([20, 16, 14, 12, 10, 8, 6].includes(bucket)) {
      const precision = tp + fp + unrelated === 0 ? 1 : tp / (tp + fp + unrelated);
      out(
        `    t=${(bucket / 20).toFixed(2)} precision ${fixed(precision)} recall ${fixed(tp / goldCount)} ` +
          `different-story pairs matched ${unrelated} (${((100 * unrelated) / differentStoryPairs).toFixed(3)}%)`,
      );
    }
  }
}

function debugClusters(rows: readonly Row[], result: RunResult): void {
  const clusters = new Map<string, number[]>();
  result.storyLabels.forEach((label, index) => clusters.set(label, [...(clusters.get(label) ?? []), index]));
  const sorted = [...clusters.values()].sort((a, b) => b.length - a.length);
  out('Largest predicted clusters:');
  for (const members of sorted.slice(0, Number(process.env.DEBUG))) {
    const gold = new Map<string, number>();
    for (const m of members)
      gold.set(rows[m]?.story.slice(0, 6) ?? '', (gold.get(rows[m]?.story.slice(0, 6) ?? '') ?? 0) + 1);
    out(
      `  ${members.length}: ${[...gold]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([g, n]) => `${g}×${n}`)
        .join(' ')} | ${members
        .slice(0, 4)
        .map((m) => rows[m]?.title)
        .join(' || ')}`,
    );
  }
  const byGold = new Map<string, number[]>();
  rows.forEach((row, index) => byGold.set(row.story, [...(byGold.get(row.story) ?? []), index]));
  out('Gold stories, fragmentation:');
  for (const [story, members] of [...byGold].sort((a, b) => b[1].length - a[1].length)) {
    const pred = new Map<string, number>();
    for (const m of members) pred.set(result.storyLabels[m] ?? '', (pred.get(result.storyLabels[m] ?? '') ?? 0) + 1);
    const sizes = [...pred.values()].sort((a, b) => b - a);
    out(
      `  ${story.slice(0, 6)} ${members.length}: ${pred.size} clusters, largest ${sizes.slice(0, 5).join(',')}, singletons ${sizes.filter((n) => n === 1).length}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

/** Every combination of the listed story options (and the per-key limit), scored on the train split only. */
function tune(rows: readonly Row[], goldNear: readonly string[], inTrain: boolean[], base: RunOptions): void {
  const grid: Record<string, number[]> = JSON.parse(
    process.env.TUNE_GRID ??
      '{"threshold":[0.15,0.175,0.2,0.225,0.25],"centroidWeight":[0.5,0.65,0.8],"affinityWeight":[0,0.2,0.3,0.4],"idfPower":[0.5,0.75,1]}',
  );
  let combos: Record<string, number>[] = [{}];
  for (const [name, values] of Object.entries(grid)) {
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value })));
  }
  out(`\nTuning on the train split only: ${combos.length} combinations of ${Object.keys(grid).join(', ')}`);
  const results = combos.map((combo) => {
    const { perKeyLimit, ...story } = combo;
    const options = { ...base, perKeyLimit: perKeyLimit ?? base.perKeyLimit, story: { ...base.story, ...story } };
    const figures = score(rows, run(rows, options), goldNear, inTrain);
    return { combo, figures };
  });
  results.sort((a, b) => b.figures.story.bcubed.f1 - a.figures.story.bcubed.f1);
  for (const { combo, figures } of results.slice(0, Number(process.env.TUNE_TOP ?? 12))) {
    out(
      `  ${JSON.stringify(combo)}: B-cubed P ${fixed(figures.story.bcubed.precision)} R ${fixed(figures.story.bcubed.recall)} ` +
        `F1 ${fixed(figures.story.bcubed.f1)}, pairwise F1 ${fixed(figures.story.pairwise.f1)}`,
    );
  }
  for (const threshold of [0.7, 0.8, 0.9, 1]) {
    const figures = score(
      rows,
      run(rows, { ...base, nearDuplicate: { ...base.nearDuplicate, threshold } }),
      goldNear,
      inTrain,
    );
    out(
      `  near-duplicate threshold ${threshold.toFixed(2)}: pairwise P ${fixed(figures.nearDuplicate.pairwise.precision)} ` +
        `R ${fixed(figures.nearDuplicate.pairwise.recall)} F1 ${fixed(figures.nearDuplicate.pairwise.f1)}, ` +
        `same-story share ${fixed(figures.nearDuplicateSameStory)}`,
    );
  }
}

function main(): void {
  const rows = readRows();
  const inTest = rows.map((row) => isTestStory(row.story));
  const inTrain = inTest.map((test) => !test);
  const goldNear = goldNearDuplicateLabels(rows);
  const testStories = new Set(rows.filter((_, index) => inTest[index]).map((row) => row.story));
  const allStories = new Set(rows.map((row) => row.story));
  out(`UCI News Aggregator sample: ${rows.length} headlines, ${allStories.size} stories`);
  out(
    `split (seeded rule on the story id): train ${allStories.size - testStories.size} stories / ` +
      `${inTrain.filter(Boolean).length} items, test ${testStories.size} stories / ${inTest.filter(Boolean).length} items`,
  );

  const base: RunOptions = {
    nearDuplicate: { ...nearDuplicateDefaults },
    story: { ...storyDefaults },
    perKeyLimit: 50,
    refreshWeights: process.env.REFRESH === '1',
    mergeAlsoMatched: process.env.MERGE === '1',
    members: process.env.MEMBERS === 'latest' ? 'latest' : 'found',
    memberLimit: Number(process.env.MEMBER_LIMIT ?? 100),
  };
  if (process.env.STORY) Object.assign(base.story, JSON.parse(process.env.STORY));

  if (process.argv.includes('--compare')) {
    out('\nFingerprints compared on the train split:');
    compareFingerprints(rows, goldNear, inTrain);
  }

  if (process.argv.includes('--tune')) tune(rows, goldNear, inTrain, base);

  const result = run(rows, base);
  const read = [...result.candidatesRead].sort((a, b) => a - b);
  out(
    `\nIncremental run: ${fixed(result.elapsedMs / rows.length)} ms per item; stored items read per new item: ` +
      `median ${read[Math.floor(read.length / 2)]}, p99 ${read[Math.floor(read.length * 0.99)]}, max ${read[read.length - 1]} ` +
      `(bounded by keys × ${base.perKeyLimit} plus LSH buckets, whatever the archive size)`,
  );
  out(
    `settings: story threshold ${base.story.threshold}, near-duplicate threshold ${base.nearDuplicate.threshold} ` +
      `(MinHash ${base.nearDuplicate.bands}×${base.nearDuplicate.rows}, ${base.nearDuplicate.shingleSize}-word shingles)`,
  );
  if (process.env.DEBUG) debugClusters(rows, result);
  const train = score(rows, result, goldNear, inTrain);
  const test = score(rows, result, goldNear, inTest);
  printFigures('train', train);
  printFigures('test', test);
  out(JSON.stringify({ ...flatten('train', train), ...flatten('test', test) }));
}

main();
