/** A /v1 response body as sent, with its strong ETag. */
export interface CachedResponse {
  body: string;
  etag: string;
}

/** Distinct URLs kept: newsletters and dashboards poll a few; the long tail is evicted first. */
const maxEntries = 1_000;

/**
 * /v1 response bodies by URL for a few seconds: many clients asking the same page within seconds
 * get the bytes already built (no query, no serialisation, no hashing). Bodies do not depend on
 * who asks (keys change limits and Cache-Control, not data), so the URL alone is the key. Least
 * recently used first out.
 */
export function responseCache(ttlMs: number, now: () => number = Date.now) {
  const entries = new Map<string, { at: number; response: CachedResponse }>();
  return {
    get(url: string): CachedResponse | undefined {
      const entry = entries.get(url);
      if (!entry) return undefined;
      if (now() - entry.at >= ttlMs) {
        entries.delete(url);
        return undefined;
      }
      entries.delete(url);
      entries.set(url, entry);
      return entry.response;
    },
    set(url: string, response: CachedResponse): void {
      if (ttlMs <= 0) return;
      entries.delete(url);
      entries.set(url, { at: now(), response });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}
