import { ExpiringMap, memoise } from '../expiring-map.ts';

/** A rendered feed, ready to answer a GET or a revalidation. */
export interface CachedFeed {
  /** The bytes sent, encoded once. */
  body: Buffer;
  etag: string;
  /** ISO 8601: the newest entry's date. */
  updated: string;
  contentType: string;
  /** ETag, Last-Modified and Cache-Control, formatted once for every response of this rendering. */
  headers: Record<string, string>;
  /** Epoch ms of the rendering, so a revalidation is not answered from it after its TTL. */
  renderedAt: number;
}

/** Distinct feed URLs kept: readers share a few popular filters; the long tail is evicted first. */
const maxEntries = 500;

/**
 * Rendered feeds by URL for a few seconds: feed readers poll the same URLs over and over, and a
 * revalidation answered from memory costs no query and no rendering. A request for a URL being
 * rendered waits for that rendering instead of starting another.
 */
export function feedCache(ttlMs: number, now: () => number = Date.now) {
  return memoise(new ExpiringMap<string, Promise<CachedFeed>>(ttlMs, maxEntries, now));
}

export type FeedCache = ReturnType<typeof feedCache>;

/**
 * The feed last served for a request URL as sent (before its query is checked and made
 * canonical), so a revalidation of a URL already answered is a 304 before validation and the
 * handler run: the URL was valid when it was served, and is still.
 */
export function servedFeeds(ttlMs: number, now: () => number = Date.now) {
  return new ExpiringMap<string, CachedFeed>(ttlMs, maxEntries * 4, now);
}

export type ServedFeeds = ReturnType<typeof servedFeeds>;
