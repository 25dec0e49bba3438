import type { DatePrecision } from './time/parse-date.ts';
import type { DateOrigin } from './time/published-date.ts';

export const sourceKinds = ['regulator', 'incident-db', 'press'] as const;
export type SourceKind = (typeof sourceKinds)[number];

/**
 * Whether a source's article pages are fetched for their text: `never`, `when-empty` (the entry
 * gave no text: listings and feeds without descriptions) or `always`.
 */
export const articlePageModes = ['never', 'when-empty', 'always'] as const;
export type ArticlePageMode = (typeof articlePageModes)[number];

/**
 * Labels a source itself gives an entry (AIAAIC's deployer, developer and jurisdiction
 * columns, a feed's categories): the source's own words, mapped to ids by the tagging step,
 * where they win over guesses.
 */
export interface SourceLabels {
  deployers?: string[];
  developers?: string[];
  jurisdictions?: string[];
  categories?: string[];
}

/**
 * One entry as a source adapter read it: fields are the source's own, trimmed but not yet
 * normalised (links may be relative, dates are strings in whatever format the source uses,
 * text may hold HTML).
 */
export interface FeedEntry {
  guid?: string | undefined;
  link?: string | undefined;
  title?: string | undefined;
  /** Short description or summary; may be HTML. */
  summary?: string | undefined;
  /** Full content when the source gives it; may be HTML. */
  content?: string | undefined;
  author?: string | undefined;
  /** Publication date exactly as the source wrote it. */
  published?: string | undefined;
  updated?: string | undefined;
  language?: string | undefined;
  labels?: SourceLabels | undefined;
}

/** A parsed document: its entries plus what the feed says of itself. */
export interface ParsedFeed {
  title?: string | undefined;
  link?: string | undefined;
  language?: string | undefined;
  entries: FeedEntry[];
  /**
   * What had to be guessed or repaired to read the bytes as text ("no declared encoding;
   * decoded as KOI8-R (detected)"), shown on the source; absent when nothing was.
   */
  decodeWarning?: string | undefined;
}

/**
 * An item ready to be stored: canonical URL, clean text, a real date, and the keys that
 * make processing it twice harmless.
 */
export interface NormalisedItem {
  sourceId: string;
  /** The source's identifier for the entry (its guid, else its link, else a content hash). */
  guid: string;
  /** Hash of (sourceId, guid): the item's identity within its source. */
  dedupKey: string;
  /** Absolute http(s) URL, as the source gave it (resolved against the feed URL). */
  url: string | null;
  /** The URL with tracking parameters, fragments and cosmetic variants removed. */
  canonicalUrl: string | null;
  title: string;
  summary: string;
  content: string;
  author: string | null;
  /**
   * ISO 8601 with millisecond precision: the moment, or for a coarser date the start of its day,
   * month or year (00:00 UTC of the date the source wrote), so every item sorts by it.
   */
  publishedAt: string;
  /** How much of the date the source gave: `instant`, `day`, `month` or `year`. */
  publishedPrecision: DatePrecision;
  /** Where the date came from; `first-seen` when the source gave none and publishedAt is when we first saw it. */
  publishedFrom: DateOrigin;
  language: string | null;
  /** The source's own labels, cleaned; empty lists omitted. */
  labels: SourceLabels;
  /** Canonical URLs the entry's text links to on other sites (reference documents), at most 20. */
  links: string[];
  /** Hash of the stored fields: changes when the source edits the entry. */
  contentHash: string;
}

/** An item as the public API shows it (DESIGN.md "Public surface"). */
export interface ItemView {
  id: string;
  title: string;
  url: string | null;
  source: { id: string; name: string; kind: SourceKind };
  publishedAt: string;
  publishedPrecision: DatePrecision;
  publishedFrom: DateOrigin;
  summary: string;
  /** BCP 47 primary language of its text (`en`, `fr`, `de`), null when unknown. */
  language: string | null;
  platforms: string[];
  jurisdictions: string[];
  topics: string[];
  storyId: string | null;
}

/** How a stored entry was treated by the processing step. */
export type StoreOutcome =
  /** A new item (and its story). */
  | 'inserted'
  /** A known entry whose content changed: its item was updated. */
  | 'updated'
  /** A known entry, unchanged: nothing written. */
  | 'unchanged'
  /** A new entry that is an item we already have (same canonical URL, same text, or a near-duplicate copy): recorded as an alternate. */
  | 'linked';
