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
 * revalidation answered from memory costs no query and no rendering. Least recently used first
 * out; a request for a URL being rendered waits for that rendering instead of starting another.
 */
export function feedCache(ttlMs: number, now: () => number = Date.now) {
  const entries = new Map<string, { at: number; feed: Promise<CachedFeed> }>();
  return (key: string, render: () => Promise<CachedFeed>): Promise<CachedFeed> => {
    const cached = entries.get(key);
    if (cached && now() - cached.at < ttlMs) {
      // Re-inserted, so the map's order is least recently used first.
      entries.delete(key);
      entries.set(key, cached);
      return cached.feed;
    }
    const feed = render();
    if (ttlMs <= 0) return feed;
    entries.set(key, { at: now(), feed });
    feed.catch(() => entries.delete(key));
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return feed;
  };
}

export type FeedCache = ReturnType<typeof feedCache>;
