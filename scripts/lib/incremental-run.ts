/**
 * The clustering run as the database does it (packages/db/src/queries/cluster-item.ts), item by
 * item in arrival order, each decision using only the items before it:
 *
 * 1. near-duplicate: the item's LSH band keys are looked up; the best copy (`isCopyOf`, hosts as sources,
 *    then the highest score, ties to the oldest) takes the item as an alternate, and the item
 *    goes no further: it is not indexed, counted or added to a story profile;
 * 2. story: the item's candidate keys are looked up; the stories of the items found are scored
 *    with `assignStory`, each with its stored profile; the item joins the best one or starts a
 *    new story, and the other stories it matched at the merge threshold are merged into it;
 * 3. the item is indexed under its band and candidate keys, its terms are counted (document
 *    frequencies and N), and its story's profile counts it in.
 *
 * Candidates come only from an inverted index as a database serves it: for each key, the newest
 * `perKeyLimit` items under it within the time window. Nothing scans the archive.
 */
import {
  addToStoryProfile,
  assignStory,
  isCopyOf,
  mergeStoryProfiles,
  type NearDuplicateOptions,
  type NearDuplicateSignature,
  nearDuplicateScore,
  nearDuplicateSignature,
  nearDuplicateText,
  type StoryAssignment,
  type StoryCandidate,
  type StoryFeatures,
  type StoryOptions,
  type StoryProfile,
  storyFeatures,
} from '@regwatch/core';
import type { Row } from './uci-corpus.ts';

export interface RunOptions {
  nearDuplicate: NearDuplicateOptions;
  story: StoryOptions;
  /** Most items read per key (the newest ones within the time window). */
  perKeyLimit: number;
}

/** What the run decided for one stored item, for tracing. */
export interface AssignmentEvent {
  item: number;
  assignment: StoryAssignment;
  /** Story of the item after the decision. */
  story: number;
  /** Items of the story joined before this one (stored items only; empty for a new story). */
  joinedMembers: readonly number[];
  /** Items of each story merged into it. */
  absorbedMembers: readonly (readonly number[])[];
  features: StoryFeatures;
}

export interface RunResult {
  /** Per row: the label of its near-duplicate group (the item it was folded into, or itself). */
  nearDuplicateLabels: string[];
  /** Per row: the label of its final story (merges resolved). */
  storyLabels: string[];
  /** Per row: how many stored items its key lookups returned. */
  candidatesRead: number[];
  elapsedMs: number;
}

/** An inverted index as a database would keep it: key → items in arrival order. */
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
}

/** Story ids as the database would compare them: fixed width, so creation order decides ties. */
function storyId(story: number): string {
  return String(story).padStart(8, '0');
}

export function run(rows: readonly Row[], options: RunOptions, onAssign?: (event: AssignmentEvent) => void): RunResult {
  const started = performance.now();
  const { nearDuplicate, story: storyOptions, perKeyLimit } = options;
  const documentFrequency = new Map<string, number>();
  const df = (term: string) => documentFrequency.get(term) ?? 0;
  let stored = 0;

  const publishedAt = rows.map((row) => row.publishedAt);
  const signatures: NearDuplicateSignature[] = [];
  const features: (StoryFeatures | undefined)[] = [];
  const copyOf: number[] = [];
  const storyOf: number[] = [];
  const mergedInto = new Map<number, number>();
  const resolveStory = (story: number): number => {
    let root = story;
    while (mergedInto.has(root)) root = mergedInto.get(root) ?? root;
    return root;
  };
  const profiles = new Map<number, StoryProfile>();
  const members = new Map<number, number[]>();
  const index = new KeyIndex();
  const candidatesRead: number[] = [];
  let nextStory = 0;

  rows.forEach((row, item) => {
    const since = row.publishedAt - storyOptions.windowMs;
    const signature = nearDuplicateSignature(nearDuplicateText(row.title), nearDuplicate);
    signatures.push(signature);

    // 1. Near-duplicate: the closest copy among the items sharing a band key.
    const sharingBand = new Set<number>();
    for (const key of signature.bandKeys)
      for (const other of index.recent(key, perKeyLimit, since, publishedAt)) sharingBand.add(other);
    let original = -1;
    let bestScore = 0;
    for (const other of sharingBand) {
      const otherSignature = signatures[other];
      if (!otherSignature) continue;
      const copy = { sourceId: row.host, signature };
      if (!isCopyOf(copy, { sourceId: rows[other]?.host ?? '', signature: otherSignature }, nearDuplicate)) continue;
      const score = nearDuplicateScore(signature, otherSignature);
      if (score > bestScore || (score === bestScore && other < original)) {
        bestScore = score;
        original = other;
      }
    }
    if (original >= 0) {
      copyOf.push(original);
      storyOf.push(storyOf[original] ?? 0);
      features.push(undefined);
      candidatesRead.push(sharingBand.size);
      return;
    }
    copyOf.push(item);

    // 2. Story: the stories of the items found through the candidate keys, each with its profile.
    const itemFeatures = storyFeatures(
      { title: row.title, url: row.url, publishedAt: row.publishedAt, sourceId: row.host, language: 'en' },
      df,
      stored,
      storyOptions,
    );
    features.push(itemFeatures);
    const found = new Set<number>();
    for (const key of itemFeatures.candidateKeys) {
      for (const other of index.recent(key, perKeyLimit, since, publishedAt)) found.add(other);
    }
    candidatesRead.push(sharingBand.size + found.size);
    const byStory = new Map<number, StoryFeatures[]>();
    for (const other of found) {
      const otherFeatures = features[other];
      if (!otherFeatures) continue;
      const story = resolveStory(storyOf[other] ?? 0);
      const list = byStory.get(story) ?? [];
      list.push(otherFeatures);
      byStory.set(story, list);
    }
    const candidates: StoryCandidate[] = [...byStory].map(([story, found]) => ({
      storyId: storyId(story),
      features: found,
      profile: profiles.get(story) ?? null,
    }));
    const assignment = assignStory(itemFeatures, candidates, storyOptions.threshold, storyOptions);
    let story: number;
    let joinedMembers: readonly number[] = [];
    const absorbedMembers: number[][] = [];
    if (assignment.storyId === null) {
      story = nextStory;
      nextStory += 1;
    } else {
      story = Number(assignment.storyId);
      joinedMembers = members.get(story) ?? [];
      for (const other of assignment.alsoMatched) {
        const absorbed = resolveStory(Number(other));
        if (absorbed === story) continue;
        mergedInto.set(absorbed, story);
        const absorbedProfile = profiles.get(absorbed);
        const survivorProfile = profiles.get(story);
        if (absorbedProfile && survivorProfile) {
          profiles.set(story, mergeStoryProfiles(survivorProfile, absorbedProfile, storyOptions.profileTerms));
        }
        profiles.delete(absorbed);
        absorbedMembers.push(members.get(absorbed) ?? []);
        members.set(story, [...(members.get(story) ?? []), ...(members.get(absorbed) ?? [])]);
        members.delete(absorbed);
      }
    }
    onAssign?.({ item, assignment, story, joinedMembers, absorbedMembers, features: itemFeatures });
    storyOf.push(story);
    members.set(story, [...(members.get(story) ?? []), item]);
    profiles.set(story, addToStoryProfile(profiles.get(story) ?? null, itemFeatures, storyOptions.profileTerms));

    // 3. Stored: indexed under every key, its terms counted.
    for (const key of [...signature.bandKeys, ...itemFeatures.candidateKeys]) index.add(key, item);
    for (const term of itemFeatures.terms) documentFrequency.set(term, df(term) + 1);
    stored += 1;
  });

  return {
    nearDuplicateLabels: copyOf.map((original) => `n${original}`),
    storyLabels: storyOf.map((story) => `s${resolveStory(story)}`),
    candidatesRead,
    elapsedMs: performance.now() - started,
  };
}
