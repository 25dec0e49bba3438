import { ExpiringMap, memoise } from '../expiring-map.ts';

/** A rendered feed, ready to answer a GET or a revalidation. */
export interface CachedFeed {
  body: string;
  etag: string;
  /** ISO 8601: the newest entry's date. */
  updated: string;
  contentType: string;
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
