// Evaluates near-duplicate detection and story clustering on labelled news no one here wrote:
// the UCI News Aggregator sample (6,366 headlines, 87 stories; the shared corpus, REGWATCH_CORPUS_DIR, see its SOURCE.md).
//
//   npm run eval:stories                       figures for the train and test splits; last line is JSON
//   npm run eval:stories -- --tune             also sweeps story knobs, scoring the train split only
//   npm run eval:stories -- --compare          also compares MinHash and SimHash on every pair of headlines
//   npm run eval:stories -- --interleave       also runs with the stories' items interleaved (see below)
//   npm run eval:stories -- --story '{"threshold":0.3}' --near-duplicate '{"headlineThreshold":0.9}'
//                                              overrides knobs; --grid '{"threshold":[0.2,0.3]}' sets the
//                                              --tune grid; --debug 10 and --trace explain clusters
//
// The run mimics the database (scripts/lib/incremental-run.ts): items arrive one at a time in
// timestamp order; candidates come only from an inverted index keyed by each item's keys (the
// newest `perKeyLimit` items per key within the time window); IDF comes from document-frequency
// counts of the items stored so far; each story keeps a bounded profile.
//
// Inputs are TITLE, URL and TIMESTAMP. STORY is the gold; CATEGORY is not read. Gold copies are
// defined in scripts/lib/near-duplicate-gold.ts (strict, same text within one STORY; same-text
// pairs across STORYs unjudged, with the strict figure printed too).
//
// A caveat the figures carry: the aggregator crawled the sample story by story, so in timestamp
// order each story arrives as one unbroken run. Nothing here reads arrival gaps, but a story is
// complete before the next one starts. `--interleave` hands the same timestamps out again in a
// seeded random order, which shows how much the figures owe to that order.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type NearDuplicateOptions, nearDuplicateDefaults, type StoryOptions, storyDefaults } from '@regwatch/core';
import { corpusDir } from '@regwatch/testing';
import { type ClusterScores, clusterScores, membersByLabel } from './lib/cluster-metrics.ts';
import { compareFingerprints } from './lib/fingerprint-comparison.ts';
import { type AssignmentEvent, type RunOptions, type RunResult, run } from './lib/incremental-run.ts';
import {
  goldNearDuplicateLabels,
  type NearDuplicatePairScores,
  nearDuplicatePairScores,
  sameTextLabels,
} from './lib/near-duplicate-gold.ts';
import { interleaved, isTestStory, type Row, readRows } from './lib/uci-corpus.ts';

const corpusFile = join(corpusDir(), 'uci-news-aggregator-sample', 'uci-news-aggregator-head6366.csv');
const interleaveSeed = 20140310;

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const fixed = (value: number) => value.toFixed(4);

// ---------------------------------------------------------------------------------------------
// Scoring

interface Gold {
  nearDuplicate: string[];
  sameText: string[];
}

interface SplitFigures {
  story: ClusterScores;
  nearDuplicate: ClusterScores;
  nearDuplicatePairs: NearDuplicatePairScores;
  /** Share of predicted near-duplicate pairs in the same STORY (the looser reading). */
  nearDuplicateSameStory: number;
}

function sameStoryShare(predicted: readonly string[], rows: readonly Row[], inSubset: readonly boolean[]): number {
  const members = membersByLabel(predicted);
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

function score(rows: readonly Row[], result: RunResult, gold: Gold, inSubset: readonly boolean[]): SplitFigures {
  return {
    story: clusterScores(
      result.storyLabels,
      rows.map((row) => row.story),
      inSubset,
    ),
    nearDuplicate: clusterScores(result.nearDuplicateLabels, gold.nearDuplicate, inSubset),
    nearDuplicatePairs: nearDuplicatePairScores(
      result.nearDuplicateLabels,
      gold.nearDuplicate,
      gold.sameText,
      rows,
      inSubset,
    ),
    nearDuplicateSameStory: sameStoryShare(result.nearDuplicateLabels, rows, inSubset),
  };
}

function printFigures(name: string, figures: SplitFigures): void {
  const { story, nearDuplicate, nearDuplicatePairs: pairs } = figures;
  out(`${name}:`);
  out(
    `  story           pairwise P ${fixed(story.pairwise.precision)} R ${fixed(story.pairwise.recall)} F1 ${fixed(story.pairwise.f1)}` +
      ` | B-cubed P ${fixed(story.bcubed.precision)} R ${fixed(story.bcubed.recall)} F1 ${fixed(story.bcubed.f1)}` +
      ` | ${story.items} items, ${story.goldClusters} gold / ${story.predictedClusters} predicted clusters`,
  );
  out(
    `  near-duplicate  pairwise P ${fixed(pairs.precision)} R ${fixed(pairs.recall)} F1 ${fixed(pairs.f1)}` +
      ` | B-cubed P ${fixed(nearDuplicate.bcubed.precision)} R ${fixed(nearDuplicate.bcubed.recall)} F1 ${fixed(nearDuplicate.bcubed.f1)}` +
      ` | ${nearDuplicate.items} items, ${nearDuplicate.goldClusters} gold / ${nearDuplicate.predictedClusters} predicted clusters`,
  );
  out(
    `                  pairs predicted ${pairs.predictedPairs} (true ${pairs.truePairs}, unjudged ${pairs.unjudgedPairs}), ` +
      `gold ${pairs.goldPairs}; strict precision (unjudged counted false) ${fixed(pairs.strictPrecision)}; ` +
      `share of predicted pairs in the same STORY ${fixed(figures.nearDuplicateSameStory)}`,
  );
}

function flatten(prefix: string, figures: SplitFigures): Record<string, number> {
  const flat: Record<string, number> = {};
  const put = (key: string, value: number) => {
    flat[`${prefix}.${key}`] = Number(value.toFixed(4));
  };
  const { story, nearDuplicate, nearDuplicatePairs: pairs } = figures;
  for (const measure of ['precision', 'recall', 'f1'] as const) {
    put(`story.pairwise.${measure}`, story.pairwise[measure]);
    put(`story.bcubed.${measure}`, story.bcubed[measure]);
  }
  put('story.items', story.items);
  put('story.goldClusters', story.goldClusters);
  put('story.predictedClusters', story.predictedClusters);
  for (const measure of ['precision', 'recall', 'f1'] as const) {
    put(`nearDuplicate.pairwise.${measure}`, pairs[measure]);
    put(`nearDuplicate.bcubed.${measure}`, nearDuplicate.bcubed[measure]);
  }
  put('nearDuplicate.pairwise.strictPrecision', pairs.strictPrecision);
  put('nearDuplicate.pairwise.unjudgedPairs', pairs.unjudgedPairs);
  put('nearDuplicate.items', nearDuplicate.items);
  put('nearDuplicate.goldClusters', nearDuplicate.goldClusters);
  put('nearDuplicate.predictedClusters', nearDuplicate.predictedClusters);
  put('nearDuplicate.sameStoryPrecision', figures.nearDuplicateSameStory);
  return flat;
}

// ---------------------------------------------------------------------------------------------
// Explaining clusters (--debug, --trace)

function shortStory(story: string | undefined): string {
  return (story ?? '').slice(0, 6);
}

function printClusters(rows: readonly Row[], result: RunResult, count: number): void {
  const clusters = membersByLabel(result.storyLabels);
  out('Largest predicted clusters (gold stories × items | first headlines):');
  for (const members of [...clusters.values()].sort((a, b) => b.length - a.length).slice(0, count)) {
    const gold = new Map<string, number>();
    for (const member of members)
      gold.set(shortStory(rows[member]?.story), (gold.get(shortStory(rows[member]?.story)) ?? 0) + 1);
    const mix = [...gold].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const titles = members.slice(0, 3).map((member) => rows[member]?.title);
    out(`  ${members.length}: ${mix.map(([story, n]) => `${story}×${n}`).join(' ')} | ${titles.join(' || ')}`);
  }
  const byGold = membersByLabel(rows.map((row) => row.story));
  out('Gold stories, fragmentation:');
  for (const [story, members] of [...byGold].sort((a, b) => b[1].length - a[1].length).slice(0, count)) {
    const predicted = new Map<string, number>();
    for (const member of members) {
      const label = result.storyLabels[member] ?? '';
      predicted.set(label, (predicted.get(label) ?? 0) + 1);
    }
    const sizes = [...predicted.values()].sort((a, b) => b - a);
    out(
      `  ${shortStory(story)} ${members.length}: ${predicted.size} clusters, largest ${sizes.slice(0, 5).join(',')}, ` +
        `singletons ${sizes.filter((size) => size === 1).length}`,
    );
  }
}

/** The gold stories of some items, largest share first (`dqvpqd×12 dbsKof×3`). */
function goldMix(rows: readonly Row[], items: readonly number[]): string {
  const counts = new Map<string, number>();
  for (const item of items)
    counts.set(shortStory(rows[item]?.story), (counts.get(shortStory(rows[item]?.story)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([story, count]) => `${story}×${count}`)
    .join(' ');
}

/** Prints each join into a story most of whose items belong to another gold story, and each merge. */
function traceDecisions(rows: readonly Row[]): (event: AssignmentEvent) => void {
  return ({ item, assignment, joinedMembers, absorbedMembers, features }) => {
    const row = rows[item];
    for (const absorbed of absorbedMembers) {
      out(
        `MERGE by "${row?.title}" (${shortStory(row?.story)}): [${goldMix(rows, joinedMembers)}] ← [${goldMix(rows, absorbed)}]`,
      );
    }
    if (joinedMembers.length === 0) return;
    const same = joinedMembers.filter((member) => rows[member]?.story === row?.story).length;
    if (same * 2 >= joinedMembers.length) return;
    const head = joinedMembers.slice(0, 2).map((member) => rows[member]?.title);
    out(
      `JOIN ${assignment.score.toFixed(3)} [${goldMix(rows, joinedMembers)}] ${row?.title} (${shortStory(row?.story)})  →  ${head.join(' || ')}  {${features.terms.join(',')}}`,
    );
  };
}

// ---------------------------------------------------------------------------------------------
// Tuning (train split only)

/** The knobs tuned for the defaults, around their chosen values (`--grid` replaces it). */
const defaultGrid: Record<string, number[]> = {
  threshold: [0.2, 0.25, 0.3],
  minSharedTerms: [1, 2],
  profileMergeThreshold: [0.2, 0.25, 0.3],
};

function tune(
  rows: readonly Row[],
  gold: Gold,
  inTrain: readonly boolean[],
  base: RunOptions,
  grid: Record<string, number[]>,
) {
  let combos: Record<string, number>[] = [{}];
  for (const [name, values] of Object.entries(grid)) {
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value })));
  }
  out(`\nTuning on the train split only: ${combos.length} combinations of ${Object.keys(grid).join(', ')}`);
  const results = combos.map((combo) => {
    const { perKeyLimit, ...story } = combo;
    const options = { ...base, perKeyLimit: perKeyLimit ?? base.perKeyLimit, story: { ...base.story, ...story } };
    return { combo, figures: score(rows, run(rows, options), gold, inTrain) };
  });
  results.sort((a, b) => b.figures.story.bcubed.f1 - a.figures.story.bcubed.f1);
  for (const { combo, figures } of results.slice(0, 15)) {
    const { bcubed, pairwise, predictedClusters } = figures.story;
    out(
      `  ${JSON.stringify(combo)}: B-cubed P ${fixed(bcubed.precision)} R ${fixed(bcubed.recall)} F1 ${fixed(bcubed.f1)}, ` +
        `pairwise F1 ${fixed(pairwise.f1)}, ${predictedClusters} clusters`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

function parseJsonFlag<T>(name: string, value: string | undefined): Partial<T> {
  if (value === undefined) return {};
  try {
    return JSON.parse(value) as Partial<T>;
  } catch {
    throw new Error(`--${name} takes a JSON object, got ${value}`);
  }
}

function main(): void {
  const { values: flags } = parseArgs({
    options: {
      tune: { type: 'boolean', default: false },
      grid: { type: 'string' },
      compare: { type: 'boolean', default: false },
      interleave: { type: 'boolean', default: false },
      story: { type: 'string' },
      'near-duplicate': { type: 'string' },
      'per-key-limit': { type: 'string', default: '50' },
      debug: { type: 'string' },
      trace: { type: 'boolean', default: false },
    },
  });
  const rows = readRows(corpusFile);
  const inTest = rows.map((row) => isTestStory(row.story));
  const inTrain = inTest.map((test) => !test);
  const gold: Gold = { nearDuplicate: goldNearDuplicateLabels(rows), sameText: sameTextLabels(rows) };
  const testStories = new Set(rows.filter((_, index) => inTest[index]).map((row) => row.story));
  const allStories = new Set(rows.map((row) => row.story));
  out(`UCI News Aggregator sample: ${rows.length} headlines, ${allStories.size} stories`);
  out(
    `split (seeded rule on the story id): train ${allStories.size - testStories.size} stories / ` +
      `${inTrain.filter(Boolean).length} items, test ${testStories.size} stories / ${inTest.filter(Boolean).length} items`,
  );

  const base: RunOptions = {
    nearDuplicate: {
      ...nearDuplicateDefaults,
      ...parseJsonFlag<NearDuplicateOptions>('near-duplicate', flags['near-duplicate']),
    },
    story: { ...storyDefaults, ...parseJsonFlag<StoryOptions>('story', flags.story) },
    perKeyLimit: Number(flags['per-key-limit']),
  };

  if (flags.compare) {
    out('\nFingerprints compared on the train split:');
    compareFingerprints(rows, gold.nearDuplicate, gold.sameText, inTrain, base.nearDuplicate, out);
    out('Fingerprints compared on the test split:');
    compareFingerprints(rows, gold.nearDuplicate, gold.sameText, inTest, base.nearDuplicate, out);
  }
  if (flags.tune) tune(rows, gold, inTrain, base, flags.grid ? JSON.parse(flags.grid) : defaultGrid);

  const result = run(rows, base, flags.trace ? traceDecisions(rows) : undefined);
  const read = [...result.candidatesRead].sort((a, b) => a - b);
  out(
    `\nIncremental run: ${fixed(result.elapsedMs / rows.length)} ms per item; stored items read per new item: ` +
      `median ${read[Math.floor(read.length / 2)]}, p99 ${read[Math.floor(read.length * 0.99)]}, max ${read[read.length - 1]} ` +
      `(bounded by keys × ${base.perKeyLimit}, whatever the archive size)`,
  );
  out(`story settings: ${JSON.stringify(base.story)}`);
  out(`near-duplicate settings: ${JSON.stringify(base.nearDuplicate)}`);
  if (flags.debug) printClusters(rows, result, Number(flags.debug));
  const train = score(rows, result, gold, inTrain);
  const test = score(rows, result, gold, inTest);
  printFigures('train', train);
  printFigures('test', test);
  const summary = { ...flatten('train', train), ...flatten('test', test) };

  if (flags.interleave) {
    // Gold labels follow the rows: the same stories, arriving in another order.
    const shuffled = interleaved(rows, interleaveSeed);
    const shuffledGold: Gold = { nearDuplicate: goldNearDuplicateLabels(shuffled), sameText: sameTextLabels(shuffled) };
    const shuffledTest = shuffled.map((row) => isTestStory(row.story));
    const shuffledResult = run(shuffled, base);
    const interleavedTrain = score(
      shuffled,
      shuffledResult,
      shuffledGold,
      shuffledTest.map((test) => !test),
    );
    const interleavedTest = score(shuffled, shuffledResult, shuffledGold, shuffledTest);
    out(`\nInterleaved arrival (seed ${interleaveSeed}): the same items, stories no longer arriving one after another`);
    printFigures('interleaved train', interleavedTrain);
    printFigures('interleaved test', interleavedTest);
    Object.assign(
      summary,
      flatten('interleaved.train', interleavedTrain),
      flatten('interleaved.test', interleavedTest),
    );
  }
  out(JSON.stringify(summary));
}

main();
