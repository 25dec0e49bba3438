/**
 * A map whose entries expire `ttlMs` after they were set, holding at most `maxEntries` (the least
 * recently used go first). The API's in-process caches (response bodies, rendered feeds, tag
 * counts) are all this, with or without `memoise` on top.
 */
export class ExpiringMap<K, V> {
  readonly #entries = new Map<K, { at: number; value: V }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(ttlMs: number, maxEntries: number, now: () => number = Date.now) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (this.#now() - entry.at >= this.#ttlMs) return undefined;
    // Re-inserted, so the map's order stays least recently used first.
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    if (this.#ttlMs <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { at: this.#now(), value });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }
}

/**
 * `compute(key)` at most once per TTL per key: concurrent callers share the computation in
 * progress, and a failed one is forgotten so the next caller tries again.
 */
export function memoise<K, V>(cache: ExpiringMap<K, Promise<V>>): (key: K, compute: () => Promise<V>) => Promise<V> {
  return (key, compute) => {
    const cached = cache.get(key);
    if (cached) return cached;
    const value = compute();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
    return value;
  };
}
