import type { ParsedFeed } from '@regwatch/core';

/** What the fetcher hands a parser: the bytes and what the server said about them. */
export interface FetchedDocument {
  body: Uint8Array;
  contentType: string | null;
  /** Final URL after redirects: relative links resolve against it. */
  url: string;
}

/** Turns one source format's bytes into entries. Pure: no I/O, the same bytes give the same entries. */
export interface SourceAdapter {
  readonly format: string;
  parse(document: FetchedDocument): Promise<ParsedFeed>;
}
