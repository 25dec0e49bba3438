import { correctedTags } from '../../corrections/editor-tags.ts';
import { automaticMerges } from '../../corrections/placement.ts';
import { isSameText } from '../../item/same-text-key.ts';
import type { NormalisedItem } from '../../types.ts';
import { choosePrimary } from '../choose-primary.ts';
import { compareIds } from '../compare-ids.ts';
import { isCopyOf, type NearDuplicateSignature, nearDuplicateScore } from '../near-duplicate.ts';
import type { StoryFeatures } from '../story-features.ts';
import { addToStoryProfile, mergeStoryProfiles, storyProfileOf } from '../story-profile.ts';
import { assignStory } from '../story-similarity.ts';
import {
  type BatchEntry,
  type BatchSnapshot,
  type CandidateItem,
  type EntryResult,
  type KnownEntry,
  lookupId,
  perKeyLimit,
  type SameTextItem,
  type StoryState,
  sameTextLimit,
  type TagColumns,
} from './batch-snapshot.ts';
import { type ClusterPlan, candidateWindow, replanWith } from './entry-plan.ts';

/** A new item to insert, with the story it ends up in. */
export interface NewItem {
  id: string;
  item: NormalisedItem;
  tags: TagColumns;
  features: StoryFeatures;
  signature: NearDuplicateSignature;
  keys: string[];
  storyId: string;
}

/** A known entry's new version, in batch order. */
export interface EntryUpdate {
  item: NormalisedItem;
  itemId: string;
  tags: TagColumns;
  /** An estimated date (the source gave none) never replaces the date stored first. */
  keepPublishedAt: boolean;
}

/** Everything a batch writes, decided entry by entry in order. */
export interface BatchWrites {
  results: EntryResult[];
  /** Stories the batch starts (inserted before their items, then written with `stories`). */
  newStories: string[];
  items: NewItem[];
  /** New entries (alternates and the entries of new items). */
  entries: { item: NormalisedItem; itemId: string }[];
  updates: EntryUpdate[];
  /** Stories absorbed by another, with the story they end up in. */
  merges: { absorbed: string; survivor: string }[];
  /** The final state of every story the batch started or added to. */
  stories: StoryState[];
  /** Stories whose owner entry changed: rolled up again from all their members after the writes. */
  refresh: string[];
  /** Terms of the inserted items, counted into the document frequencies once the batch is stored. */
  terms: Map<string, number>;
  insertedCount: number;
}

export type BatchDecision =
  | { kind: 'decided'; writes: BatchWrites }
  /** Entries whose plan, weighed with the batch's own new items counted, has keys that were not looked up: look those up too and decide again. */
  | { kind: 'look-up-more'; keys: Map<number, string[]> };

/**
 * Decides a batch of entries in order, each as if the ones before it were already stored: the
 * processing step's rules (known entry, same canonical URL, same text, near-duplicate copy,
 * story assignment with merges, primary item) over the snapshot read under the batch's locks
 * plus what the batch itself has decided so far. The result is what processing the entries
 * one at a time would store, so a batch of 1 and a batch of N make the same items and stories.
 * `ids` hands out item and story ids (allocated from the database's sequences, in order).
 */
export function decideBatch(
  entries: readonly BatchEntry[],
  snapshot: BatchSnapshot,
  ids: { item: () => string; story: () => string },
): BatchDecision {
  const state = new BatchState(snapshot);
  const writes: BatchWrites = {
    results: [],
    newStories: [],
    items: [],
    entries: [],
    updates: [],
    merges: [],
    stories: [],
    refresh: [],
    terms: new Map(),
    insertedCount: 0,
  };
  const missing = new Map<number, string[]>();
  const refresh = new Set<string>();

  entries.forEach((entry, index) => {
    const { item } = entry;
    const known = state.entry(item.dedupKey);
    if (known) {
      if (known.contentHash === item.contentHash) {
        writes.results.push({ outcome: 'unchanged', itemId: known.itemId, storyId: state.storyOfItem(known.itemId) });
        return;
      }
      writes.updates.push({
        item,
        itemId: known.itemId,
        tags: entry.tags,
        keepPublishedAt: item.publishedFrom === 'first-seen',
      });
      state.updateEntry(item, known);
      const storyId = state.storyOfItem(known.itemId);
      if (known.owner && storyId !== null) refresh.add(storyId);
      writes.results.push({ outcome: 'updated', itemId: known.itemId, storyId });
      return;
    }

    const sameUrl = item.canonicalUrl === null ? null : state.itemWithUrl(item.canonicalUrl);
    if (sameUrl) {
      state.link(item, sameUrl.id, writes);
      writes.results.push({ outcome: 'linked', itemId: sameUrl.id, storyId: sameUrl.storyId, dedup: 'canonical-url' });
      return;
    }

    const plan = state.planOf(entry);
    const notLookedUp = plan.keys.filter((key) => !entry.lookedUp.has(key));
    // Decisions from here on rest on a guess, and will be taken again with those keys looked up;
    // they go on only so every entry that needs more keys is found in one pass.
    if (notLookedUp.length > 0) missing.set(index, notLookedUp);

    const window = candidateWindow(item.publishedAt);
    const copyOf = findCopy(state, plan, item, window);
    if (copyOf) {
      state.link(item, copyOf.id, writes);
      writes.results.push({
        outcome: 'linked',
        itemId: copyOf.id,
        storyId: state.storyOfItem(copyOf.id),
        dedup: copyOf.by,
      });
      return;
    }

    const itemId = ids.item();
    const placed = placeInStory(state, itemId, entry, plan, window, ids.story);
    if (placed.clustering === 'new-story') writes.newStories.push(placed.storyId);
    for (const absorbed of placed.absorbed) writes.merges.push({ absorbed, survivor: placed.storyId });
    state.insert(entry, itemId, plan, placed.storyId, writes);
    writes.results.push({ outcome: 'inserted', itemId, storyId: placed.storyId, clustering: placed.clustering });
  });

  if (missing.size > 0) return { kind: 'look-up-more', keys: missing };
  // Every merge points at the story its survivor finally became part of; items too.
  for (const merge of writes.merges) merge.survivor = state.resolve(merge.survivor);
  for (const inserted of writes.items) inserted.storyId = state.resolve(inserted.storyId);
  writes.stories = state.touchedStories();
  const counted = state.countedTerms();
  writes.terms = counted.terms;
  writes.insertedCount = counted.items;
  writes.refresh = [...refresh].map((id) => state.resolve(id)).filter((id, i, all) => all.indexOf(id) === i);
  return { kind: 'decided', writes };
}

/** Same text first (whenever published), then the closest near-duplicate within the window. */
function findCopy(
  state: BatchState,
  plan: ClusterPlan,
  item: NormalisedItem,
  window: { from: number; to: number },
): { id: string; by: 'same-text' | 'near-duplicate' } | null {
  if (plan.textKey !== null) {
    const sameText = state.sameText(plan.textKey).find((row) => isSameText(item, row));
    if (sameText) return { id: sameText.id, by: 'same-text' };
  }
  let best: { id: string; score: number } | null = null;
  for (const row of state.itemsUnder(plan.signature.bandKeys, window)) {
    const signature = row.signature;
    if (signature === null) continue;
    if (!isCopyOf({ sourceId: item.sourceId, signature: plan.signature }, { sourceId: row.sourceId, signature }))
      continue;
    const score = nearDuplicateScore(plan.signature, signature);
    // The closest copy wins; ties go to the oldest item, so every worker picks the same one.
    if (!best || score > best.score || (score === best.score && compareIds(row.id, best.id) < 0)) {
      best = { id: row.id, score };
    }
  }
  return best ? { id: best.id, by: 'near-duplicate' } : null;
}

/**
 * Puts a new item in a story: the candidates are the stories of items under its candidate keys;
 * core's `assignStory` picks one to join (and others to merge into it), or a new story starts.
 */
function placeInStory(
  state: BatchState,
  itemId: string,
  entry: BatchEntry,
  plan: ClusterPlan,
  window: { from: number; to: number },
  newStoryId: () => string,
): { storyId: string; absorbed: string[]; clustering: 'new-story' | 'joined' | 'merged' } {
  const byStory = new Map<string, StoryFeatures[]>();
  for (const row of state.itemsUnder(plan.features.candidateKeys, window)) {
    const storyId = row.storyId === null ? null : state.resolve(row.storyId);
    if (storyId === null || row.features === null || row.id === itemId) continue;
    const members = byStory.get(storyId) ?? [];
    members.push(row.features);
    byStory.set(storyId, members);
  }
  const story = (id: string) => state.story(id);
  const assigned = assignStory(
    plan.features,
    [...byStory].map(([storyId, features]) => ({
      storyId,
      features,
      profile: story(storyId).profile,
      sourceIds: story(storyId).sourceIds,
    })),
  );
  const item = entry.item;
  const member = {
    id: itemId,
    sourceKind: entry.sourceKind,
    publishedAt: Date.parse(item.publishedAt),
    title: item.title,
    summary: item.summary,
  };
  if (assigned.storyId === null) {
    const id = newStoryId();
    state.startStory(id, member, entry, addToStoryProfile(null, plan.features));
    return { storyId: id, absorbed: [], clustering: 'new-story' };
  }
  // What an editor arranged is never merged back automatically (`automaticMerges`).
  const absorbed = automaticMerges(assigned.storyId, assigned.alsoMatched, (id) => ({
    placed: story(id).editorPlaced,
    edited: story(id).editorTitle !== null || story(id).editorTags.length > 0,
  }));
  const survivor = story(assigned.storyId);
  const profileOf = (id: string) => story(id).profile ?? storyProfileOf(byStory.get(id) ?? []);
  let profile = addToStoryProfile(profileOf(survivor.id), plan.features);
  for (const id of absorbed) {
    const other = profileOf(id);
    if (other) profile = mergeStoryProfiles(profile, other);
  }
  survivor.profile = profile;
  state.addMember(survivor, member, entry);
  for (const id of absorbed) state.absorb(survivor, story(id));
  return { storyId: survivor.id, absorbed, clustering: absorbed.length > 0 ? 'merged' : 'joined' };
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The snapshot with the batch's own decisions laid over it, as the next entry must see them. */
class BatchState {
  private readonly entries = new Map<string, KnownEntry>();
  /** Canonical URLs the batch gave an item (or took one from: null). */
  private readonly urls = new Map<string, string | null>();
  private readonly texts = new Map<string, SameTextItem[]>();
  private readonly keyed = new Map<string, { itemId: string; publishedAt: number }[]>();
  private readonly items = new Map<string, CandidateItem>();
  private readonly textOf = new Map<string, { title: string; summary: string; content: string }>();
  private readonly stories = new Map<string, StoryState>();
  private readonly touched = new Set<string>();
  private readonly terms = new Map<string, number>();
  private inserted = 0;

  private readonly snapshot: BatchSnapshot;

  constructor(snapshot: BatchSnapshot) {
    this.snapshot = snapshot;
  }

  entry(dedupKey: string): KnownEntry | undefined {
    return this.entries.get(dedupKey) ?? this.snapshot.entries.get(dedupKey);
  }

  itemWithUrl(url: string): { id: string; storyId: string | null } | null {
    const id = this.urls.has(url) ? this.urls.get(url) : this.snapshot.byCanonicalUrl.get(url);
    return id ? { id, storyId: this.storyOfItem(id) } : null;
  }

  /** The story an item is in now (following merges this batch made). */
  storyOfItem(itemId: string): string | null {
    const item = this.items.get(itemId);
    const storyId = item ? item.storyId : (this.snapshot.itemStories.get(itemId) ?? null);
    return storyId === null ? null : this.resolve(storyId);
  }

  resolve(storyId: string): string {
    let id = storyId;
    for (let depth = 0; depth < 64; depth += 1) {
      const next = this.stories.get(id)?.mergedInto;
      if (next === undefined) return id;
      id = next;
    }
    throw new Error(`story ${storyId}: merges in one batch do not end (a cycle?)`);
  }

  story(id: string): StoryState {
    let found = this.stories.get(id);
    if (!found) {
      const stored = this.snapshot.stories.get(id);
      if (!stored) throw new Error(`story ${id} was not read with the batch`);
      found = { ...stored, sourceIds: [...stored.sourceIds] };
      this.stories.set(id, found);
    }
    return found;
  }

  /** A known entry's new version: its hash, and (the owner's) text and canonical URL as the update writes them. */
  updateEntry(item: NormalisedItem, known: KnownEntry): void {
    this.entries.set(item.dedupKey, {
      ...known,
      contentHash: item.contentHash,
      canonicalUrl: this.urlOf(known.itemId, known.canonicalUrl),
    });
    if (!known.owner) return;
    this.textOf.set(known.itemId, { title: item.title, summary: item.summary, content: item.content });
    const url = item.canonicalUrl;
    if (url === null) return;
    const holder = this.itemWithUrl(url);
    if (holder && holder.id !== known.itemId) return;
    const previous = this.urlOf(known.itemId, known.canonicalUrl);
    if (previous !== null && previous !== url) this.urls.set(previous, null);
    this.urls.set(url, known.itemId);
  }

  /** The canonical URL an item holds now: the batch's last word, else the stored one. */
  private urlOf(itemId: string, stored: string | null): string | null {
    for (const [url, holder] of this.urls) if (holder === itemId) return url;
    return stored;
  }

  link(item: NormalisedItem, itemId: string, writes: BatchWrites): void {
    writes.entries.push({ item, itemId });
    this.entries.set(item.dedupKey, { itemId, contentHash: item.contentHash, owner: false, canonicalUrl: null });
  }

  /** The entry's plan weighed with the batch's term counts plus the items this batch inserted before it. */
  planOf(entry: BatchEntry): ClusterPlan {
    if (this.inserted === 0) return entry.plan;
    const counts = this.snapshot.termCounts;
    const features = entry.prepared.weigh(
      (term) => counts.documents(term) + (this.terms.get(term) ?? 0),
      counts.items + this.inserted,
    );
    return replanWith(entry.plan, features);
  }

  /** Terms of the items inserted so far, with how many of them have each. */
  countedTerms(): { terms: Map<string, number>; items: number } {
    return { terms: this.terms, items: this.inserted };
  }

  sameText(textKey: string): SameTextItem[] {
    const rows = [...(this.snapshot.sameText.get(textKey) ?? []), ...(this.texts.get(textKey) ?? [])].slice(
      0,
      sameTextLimit,
    );
    return rows.map((row) => ({ ...row, ...this.textOf.get(row.id) }));
  }

  /** Items under any of `keys` within the window: per key the newest `perKeyLimit`, as the database would answer. */
  itemsUnder(keys: readonly string[], window: { from: number; to: number }): CandidateItem[] {
    const found = new Map<string, CandidateItem>();
    for (const key of keys) {
      const stored = this.snapshot.keyed.get(lookupId(key, window)) ?? [];
      const mine = (this.keyed.get(key) ?? []).filter(
        (row) => row.publishedAt >= window.from && row.publishedAt <= window.to,
      );
      const rows =
        mine.length === 0
          ? stored
          : [...stored, ...mine].sort((a, b) => b.publishedAt - a.publishedAt).slice(0, perKeyLimit);
      for (const row of rows) {
        const item = this.items.get(row.itemId) ?? this.snapshot.items.get(row.itemId);
        if (item) found.set(item.id, item);
      }
    }
    return [...found.values()];
  }

  startStory(
    id: string,
    member: NonNullable<StoryState['primary']>,
    entry: BatchEntry,
    profile: StoryState['profile'],
  ): void {
    this.stories.set(id, {
      id,
      profile,
      sourceIds: [],
      primary: null,
      itemCount: 0,
      first: null,
      last: null,
      platforms: [],
      jurisdictions: [],
      topics: [],
      editorTitle: null,
      editorSummary: null,
      editorTags: [],
      editorPlaced: false,
    });
    this.addMember(this.story(id), member, entry);
  }

  /** Counts one new item into a story: count, span, sources, tags (as editors corrected them) and primary. */
  addMember(story: StoryState, member: NonNullable<StoryState['primary']>, entry: BatchEntry): void {
    this.combine(story, {
      itemCount: 1,
      first: member.publishedAt,
      last: member.publishedAt,
      sourceIds: [entry.item.sourceId],
      platforms: entry.tags.platforms,
      jurisdictions: entry.tags.jurisdictions,
      topics: entry.tags.topics,
      primary: member,
    });
  }

  /** Folds an absorbed story into its survivor; the absorbed one keeps its id, pointing at the survivor. */
  absorb(survivor: StoryState, absorbed: StoryState): void {
    this.combine(survivor, absorbed);
    absorbed.mergedInto = survivor.id;
    this.touched.add(absorbed.id);
  }

  private combine(
    story: StoryState,
    part: Pick<StoryState, 'itemCount' | 'first' | 'last' | 'primary'> & {
      sourceIds: readonly string[];
      platforms: readonly string[];
      jurisdictions: readonly string[];
      topics: readonly string[];
    },
  ): void {
    story.itemCount += part.itemCount;
    story.first = minOf(story.first, part.first);
    story.last = maxOf(story.last, part.last);
    story.sourceIds = union(story.sourceIds, part.sourceIds).sort();
    story.platforms = correctedTags(union(story.platforms, part.platforms), story.editorTags, 'platforms');
    story.jurisdictions = correctedTags(
      union(story.jurisdictions, part.jurisdictions),
      story.editorTags,
      'jurisdictions',
    );
    story.topics = correctedTags(union(story.topics, part.topics), story.editorTags, 'topics');
    const candidates = [story.primary, part.primary].filter((primary) => primary !== null);
    story.primary = choosePrimary(candidates);
    this.touched.add(story.id);
  }

  insert(entry: BatchEntry, itemId: string, plan: ClusterPlan, storyId: string, writes: BatchWrites): void {
    const { item } = entry;
    writes.items.push({
      id: itemId,
      item,
      tags: entry.tags,
      features: plan.features,
      signature: plan.signature,
      keys: plan.keys,
      storyId,
    });
    writes.entries.push({ item, itemId });
    this.entries.set(item.dedupKey, {
      itemId,
      contentHash: item.contentHash,
      owner: true,
      canonicalUrl: item.canonicalUrl,
    });
    if (item.canonicalUrl !== null) this.urls.set(item.canonicalUrl, itemId);
    this.items.set(itemId, {
      id: itemId,
      sourceId: item.sourceId,
      storyId,
      features: plan.features,
      signature: plan.signature,
    });
    const publishedAt = Date.parse(item.publishedAt);
    for (const key of plan.keys) {
      const rows = this.keyed.get(key) ?? [];
      rows.push({ itemId, publishedAt });
      this.keyed.set(key, rows);
    }
    if (plan.textKey !== null) {
      const rows = this.texts.get(plan.textKey) ?? [];
      rows.push({
        id: itemId,
        sourceId: item.sourceId,
        title: item.title,
        summary: item.summary,
        content: item.content,
      });
      this.texts.set(plan.textKey, rows);
    }
    for (const term of plan.features.terms) this.terms.set(term, (this.terms.get(term) ?? 0) + 1);
    this.inserted += 1;
  }

  touchedStories(): StoryState[] {
    return [...this.touched].map((id) => this.story(id));
  }
}

function minOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
