/**
 * Clustering metrics for evaluation scripts: pairwise and B-cubed precision, recall and F1 of a
 * predicted clustering against a gold one, over a subset of the items (a split).
 *
 * For an item of the subset, its predicted cluster counts in full, items outside the subset
 * included: merging a test item into a train story is an error on the test split too.
 */

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClusterScores {
  pairwise: Prf;
  bcubed: Prf;
  items: number;
  goldClusters: number;
  predictedClusters: number;
  goldPairs: number;
  predictedPairs: number;
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function pairs(count: number): number {
  return (count * (count - 1)) / 2;
}

function countBy(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * `predicted[i]` and `gold[i]` are the cluster labels of item i; `inSubset[i]` says whether it
 * is scored. Gold clusters must not cross the subset's edge (a split is a set of gold clusters).
 */
export function clusterScores(
  predicted: readonly string[],
  gold: readonly string[],
  inSubset: readonly boolean[],
): ClusterScores {
  const predictedSize = countBy(predicted);
  const subset = predicted.map((_, index) => index).filter((index) => inSubset[index]);
  const goldSize = countBy(subset.map((index) => gold[index] ?? ''));
  const cell = countBy(subset.map((index) => `${predicted[index]}\u0000${gold[index]}`));
  const predictedInSubset = countBy(subset.map((index) => predicted[index] ?? ''));

  // Pairwise: pairs with at least one item in the subset.
  let truePairs = 0;
  for (const count of cell.values()) truePairs += pairs(count);
  let goldPairs = 0;
  for (const count of goldSize.values()) goldPairs += pairs(count);
  let predictedPairs = 0;
  for (const [label, inside] of predictedInSubset) {
    const outside = (predictedSize.get(label) ?? 0) - inside;
    predictedPairs += pairs(inside) + inside * outside;
  }
  const pairPrecision = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
  const pairRecall = goldPairs === 0 ? 1 : truePairs / goldPairs;

  // B-cubed: per item, averaged.
  let precisionSum = 0;
  let recallSum = 0;
  for (const index of subset) {
    const label = predicted[index] ?? '';
    const shared = cell.get(`${label}\u0000${gold[index]}`) ?? 0;
    precisionSum += shared / (predictedSize.get(label) ?? 1);
    recallSum += shared / (goldSize.get(gold[index] ?? '') ?? 1);
  }
  const items = subset.length;
  const bPrecision = items === 0 ? 1 : precisionSum / items;
  const bRecall = items === 0 ? 1 : recallSum / items;

  return {
    pairwise: { precision: pairPrecision, recall: pairRecall, f1: f1(pairPrecision, pairRecall) },
    bcubed: { precision: bPrecision, recall: bRecall, f1: f1(bPrecision, bRecall) },
    items,
    goldClusters: goldSize.size,
    predictedClusters: predictedInSubset.size,
    goldPairs,
    predictedPairs,
  };
}

/** Item indices by their cluster label, in item order. */
export function membersByLabel(labels: readonly string[]): Map<string, number[]> {
  const members = new Map<string, number[]>();
  labels.forEach((label, index) => {
    const list = members.get(label);
    if (list) list.push(index);
    else members.set(label, [index]);
  });
  return members;
}

/** Union-find over item indices, for gold clusters built from pairs. */
export class DisjointSets {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }

  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let node = index;
    while (this.parent[node] !== root) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
}
