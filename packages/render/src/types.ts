import type { DatePrecision, ItemView } from '@regwatch/core';

/**
 * What the feed functions take. Entries mirror the public Item and Story shapes (DESIGN.md
 * "Public surface"), so the API can pass the rows it already serves plus a `kind`.
 */

/** One item (article or notice): the public Item, plus optional HTML from its source. */
export interface ItemEntry extends ItemView {
  kind: 'item';
  /** HTML from the source (e.g. its full content). Sanitised before use; links resolved against `url`. */
  contentHtml?: string | undefined;
}

/** One outlet's article within a story. The public story items (Item plus alternates) fit this shape. */
export interface StoryEntryItem {
  title: string;
  url: string | null;
  source: { name: string };
  /** ISO 8601. */
  publishedAt: string;
  /** How much of the date the source gave; a month or a year is shown as only that. Day when absent. */
  publishedPrecision?: DatePrecision | undefined;
  /** BCP 47 language of its title; the story entry takes its primary item's. Unknown when absent or null. */
  language?: string | null | undefined;
}

/** One story (an event, told by one or more outlets): the public Story. */
export interface StoryEntry {
  kind: 'story';
  id: string;
  title: string;
  /** Plain text (the primary item's summary). */
  summary: string;
  /** ISO 8601. */
  firstPublishedAt: string;
  /** ISO 8601. */
  lastPublishedAt: string;
  platforms: readonly string[];
  jurisdictions: readonly string[];
  topics: readonly string[];
  /** The primary item first (the regulator's own notice when there is one); an entry lists at most `maxStoryOutlets`. */
  items: readonly StoryEntryItem[];
  /** How many items the story has in all, when `items` holds only its first ones. */
  itemCount?: number | undefined;
  /** Absolute http(s) URL of the story's own page (every outlet, tag evidence); the entry's main link stays the article. */
  pageUrl?: string | undefined;
}

export type Entry = ItemEntry | StoryEntry;

export interface FeedGenerator {
  name: string;
  version?: string | undefined;
  /** Absolute http(s) URL of the generator's home page. */
  uri?: string | undefined;
}

/** A feed: what it says of itself, and its entries (newest first, as the caller ordered them). */
export interface FeedDocument {
  title: string;
  /** Plain text. */
  description: string;
  /** Absolute http(s) URL this very feed is served at, with its query (RSS atom:link rel=self, Atom rel=self, JSON Feed feed_url). */
  selfUrl: string;
  /** Absolute http(s) URL of the human-readable page this feed mirrors (RSS link, Atom rel=alternate, JSON Feed home_page_url). */
  homeUrl: string;
  /** The feed's permanent id, an absolute IRI (e.g. `tag:regwatch.example.org,2026:feeds/stories?jurisdiction=GB`); the Atom feed id. */
  id: string;
  /**
   * Authority of the `tag:` URIs minted for entry ids and category schemes (RFC 4151): a domain
   * the instance controls and a date it controlled it, e.g. `regwatch.example.org,2026`. Never
   * change it: entry ids, and so what readers have seen, depend on it.
   */
  tagAuthority: string;
  /** BCP 47 language tag of the feed's own text, e.g. `en`. */
  language: string;
  /**
   * ISO 8601. Take it from the data (`newestEntryDate`), not the clock, so the same entries give
   * the same bytes and the same ETag.
   */
  updated: string;
  generator: FeedGenerator;
  entries: readonly Entry[];
  /** The same feed in other formats: the HTML page links them, and announces them for autodiscovery. */
  alternates?: readonly FeedAlternate[] | undefined;
  /** URL (absolute, or a path on the same host) of an XSLT that shows RSS and Atom as a page in a browser. */
  xslStylesheet?: string | undefined;
}

/** One other format of a feed. */
export interface FeedAlternate {
  /** What a person reads, e.g. `RSS`. */
  title: string;
  /** Absolute http(s) URL. */
  href: string;
  /** Its media type, without parameters, e.g. `application/rss+xml`. */
  type: string;
}

/** One subscription in an OPML file. */
export interface OpmlFeed {
  /** What a reader shows for it. */
  text: string;
  /** Absolute http(s) URL of the feed. */
  xmlUrl: string;
  /** Absolute http(s) URL of the matching web page. */
  htmlUrl?: string | undefined;
  description?: string | undefined;
  language?: string | undefined;
}

/** A folder of subscriptions (readers import it as a folder or category). */
export interface OpmlFolder {
  text: string;
  feeds: readonly OpmlFeed[];
}

export interface OpmlDocument {
  title: string;
  /** ISO 8601; written as the RFC 822 `dateModified`. Take it from the data, not the clock. */
  dateModified?: string | undefined;
  ownerName?: string | undefined;
  /** Absolute http(s) URL where the owner can be reached or read about. */
  ownerId?: string | undefined;
  outlines: readonly (OpmlFeed | OpmlFolder)[];
}
