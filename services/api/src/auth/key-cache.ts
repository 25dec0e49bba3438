/**
 * Remembers keys that were found for `ttlMs`, so a busy key does not cost a PostgreSQL round
 * trip per request. Only found keys are kept: an unknown key is looked up every time, so a key
 * created a moment ago works at once and garbage sent by a client cannot fill the cache. The
 * price is that a revoked key keeps working on an instance until its entry expires (at most
 * `ttlMs`; API_KEY_CACHE_SECONDS, 0 turns the cache off).
 */
export function cacheFoundKeys<T>(
  lookup: (hash: string) => Promise<T | undefined>,
  options: { ttlMs: number; now: () => number; maxEntries?: number },
): (hash: string) => Promise<T | undefined> {
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: T; expiresAt: number }>();
  return async (hash) => {
    const cached = entries.get(hash);
    if (cached && cached.expiresAt > options.now()) return cached.value;
    entries.delete(hash);
    const value = await lookup(hash);
    if (value !== undefined && options.ttlMs > 0) {
      // Oldest first (a Map iterates in insertion order): bounded memory whatever the traffic.
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(hash, { value, expiresAt: options.now() + options.ttlMs });
    }
    return value;
  };
}
