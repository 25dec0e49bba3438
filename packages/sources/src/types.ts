import type { ArticlePageMode, ParsedFeed, SourceKind } from '@regwatch/core';

/** What the fetcher hands a parser: the bytes and what the server said about them. */
export interface FetchedDocument {
  body: Uint8Array;
  contentType: string | null;
  /** URL relative links resolve against: the final URL after redirects, or the source's real URL when replayed. */
  url: string;
}

/** A source's adapter settings (HTML selectors, the ICO's listing path…), as its definition gives them. */
export type AdapterOptions = Readonly<Record<string, unknown>>;

/** Turns one source format's bytes into entries. Pure: no I/O, the same bytes give the same entries. */
export interface SourceAdapter {
  readonly format: string;
  /**
   * Checks a source's options for this format, throwing RegwatchError('invalid_parameter')
   * naming what is wrong. Formats without options accept only none.
   */
  checkOptions?(options: AdapterOptions): void;
  /** Throws RegwatchError (parse_malformed / parse_unsupported) for bytes it cannot read. */
  parse(document: FetchedDocument, options?: AdapterOptions): Promise<ParsedFeed>;
}

/** Which items of a general outlet Regwatch keeps: `privacy` keeps those about privacy and data protection. */
export type RelevanceFilter = 'privacy';

/** One response recorded from the real source, kept in testdata/, served by tests and the demo. */
export interface RecordedResponse {
  /** Path under packages/sources/testdata/, e.g. `ico/news-search.json`. */
  file: string;
  contentType: string;
}

/** A source Regwatch knows out of the box (the registry): everything needed to poll and read it. */
export interface SourceDefinition {
  /** Lower-case slug, unique: `ico-news`, `opc-news-fr`, `darkreading`. */
  id: string;
  name: string;
  kind: SourceKind;
  /**
   * Slug of who publishes it, when several sources are one publisher's feeds (the OPC's English
   * and French feeds are all `opc`): a digest counts publishers, not feeds. Default: the source itself.
   */
  publisher?: string;
  homepage: string;
  /** The real public URL polled. */
  url: string;
  /** APIs that answer a POST (the ICO's search): the JSON body sent. GET when absent. */
  request?: { method: 'POST'; body: string };
  /** Adapter: `feed` (RSS/RDF/Atom), `json-feed`, `aiaaic-csv`, `html-list`, `ico-search`. */
  format: string;
  options?: AdapterOptions;
  /** BCP 47 primary language of the source (`en`, `fr`, `de`, `nl`). */
  language: string;
  /** Jurisdiction codes every item of this source concerns (DESIGN.md codes); empty for the press. */
  jurisdictions: string[];
  pollIntervalSeconds: number;
  /** General outlets: keep only relevant items, counting the rest. */
  relevance?: RelevanceFilter;
  /**
   * Whether the article page of an entry is fetched for its text (README "Article pages"):
   * `when-empty` for sources whose feed or listing gives no text; `never` when absent.
   */
  fetchArticlePages?: ArticlePageMode;
  recorded: RecordedResponse;
}
