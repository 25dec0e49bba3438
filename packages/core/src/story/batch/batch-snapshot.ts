import type { EditorTag } from '../../corrections/editor-tags.ts';
import type { NormalisedItem, SourceKind, StoreOutcome } from '../../types.ts';
import type { NearDuplicateSignature } from '../near-duplicate.ts';
import type { PreparedStoryFeatures, StoryFeatures } from '../story-features.ts';
import type { StoryProfile } from '../story-profile.ts';
import type { ClusterPlan } from './entry-plan.ts';

// What a batch of entries is decided from (`decideBatch`): the entries, and what the database
// held under their keys when the batch's locks were taken, read in a few set-based queries.

/** An item's tag columns as stored: tag ids per dimension, and the taggers' evidence (null when untagged). */
export interface TagColumns {
  platforms: readonly string[];
  jurisdictions: readonly string[];
  topics: readonly string[];
  evidence: unknown;
}

/** One entry of a batch, tagged and read into story terms (before any document frequency). */
export interface BatchEntry {
  item: NormalisedItem;
  sourceKind: SourceKind;
  tags: TagColumns;
  prepared: PreparedStoryFeatures;
  /** The plan weighed with the batch's term counts alone: its keys were locked and looked up. */
  plan: ClusterPlan;
  /** Every key looked up for this entry (its plan's keys, and any a retry added). */
  lookedUp: ReadonlySet<string>;
}

/** A stored entry, as its dedup key finds it. */
export interface KnownEntry {
  itemId: string;
  contentHash: string;
  /** The entry created the item (owns its text): only then does a new version rewrite the item. */
  owner: boolean;
  /** The item's canonical URL (what a new version of its owner may change). */
  canonicalUrl: string | null;
}

/** A stored item as candidate lookups need it. */
export interface CandidateItem {
  id: string;
  sourceId: string;
  storyId: string | null;
  features: StoryFeatures | null;
  signature: NearDuplicateSignature | null;
}

/** An item stored under a text key, with the text `isSameText` compares. */
export interface SameTextItem {
  id: string;
  sourceId: string;
  title: string;
  summary: string;
  content: string;
}

/** A story's primary item as `choosePrimary` weighs it, with the text a story shows. */
export interface PrimaryOfStory {
  id: string;
  sourceKind: SourceKind;
  publishedAt: number;
  title: string;
  summary: string;
}

/** What a story holds, kept up to date item by item (never recomputed from all its members). */
export interface StoryState {
  id: string;
  profile: StoryProfile | null;
  sourceIds: string[];
  primary: PrimaryOfStory | null;
  itemCount: number;
  /** Epoch ms of its first and last items; null for a story with no item yet. */
  first: number | null;
  last: number | null;
  platforms: string[];
  jurisdictions: string[];
  topics: string[];
  editorTitle: string | null;
  editorSummary: string | null;
  editorTags: EditorTag[];
  editorPlaced: boolean;
  /** Set when this batch merged the story into another. */
  mergedInto?: string;
}

/** What the database held for a batch, read after its keys were locked. */
export interface BatchSnapshot {
  /** Document frequencies (and the number of items counted) the batch's plans were weighed with. */
  termCounts: { documents: (term: string) => number; items: number };
  /** Stored entries by dedup key. */
  entries: ReadonlyMap<string, KnownEntry>;
  /** Item ids by canonical URL (the unique index keeps one per URL). */
  byCanonicalUrl: ReadonlyMap<string, string>;
  /** The story of every item read above (entries, URLs, text keys, keys). */
  itemStories: ReadonlyMap<string, string | null>;
  /** Items under each text key, oldest id first (at most `sameTextLimit`). */
  sameText: ReadonlyMap<string, readonly SameTextItem[]>;
  /**
   * Items under each key within a window, newest first (at most `perKeyLimit`), by `lookupId`.
   * Only ids and dates: the items are in `items`.
   */
  keyed: ReadonlyMap<string, readonly { itemId: string; publishedAt: number }[]>;
  items: ReadonlyMap<string, CandidateItem>;
  /** Every story an item found above belongs to, under row lock. */
  stories: ReadonlyMap<string, StoryState>;
}

/** Most rows one key lookup reads (the most recent in the time window). */
export const perKeyLimit = 50;
/** Most items read under one text key. */
export const sameTextLimit = 8;

/** The id of one key lookup: a key within the window of an item dated `publishedAt`. */
export function lookupId(key: string, window: { from: number; to: number }): string {
  return `${window.from} ${window.to} ${key}`;
}

/** What the processing step reports for one entry. */
export interface EntryResult {
  outcome: StoreOutcome;
  itemId: string;
  storyId: string | null;
  /** What a `linked` entry matched (for metrics). */
  dedup?: 'canonical-url' | 'same-text' | 'near-duplicate' | 'conflict';
  /** What clustering did with an `inserted` item (for metrics). */
  clustering?: 'new-story' | 'joined' | 'merged';
}
