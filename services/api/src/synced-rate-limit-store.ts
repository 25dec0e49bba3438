/// <reference path="./rate-limit-redis-store.d.ts" />
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import type { Redis } from 'ioredis';
import { ExpiringMap } from './expiring-map.ts';

/** How often each instance sends its local spend to Redis and reads the shared counts back. */
export const syncIntervalMs = 100;
/**
 * The spend an instance may hold unsynced for one key, as a share of its budget: beyond it, a
 * request waits for a sync. Below one unit (budgets under 50) every request is counted in Redis.
 */
export const unsyncedShare = 0.02;
/** Keys (principals) with a window open that one instance keeps; the least recently used go first. */
const maxCounters = 100_000;

/**
 * Adds a spend (negative for a refund) to a window's shared count and returns the count and the
 * window's milliseconds left. A refund never opens a window.
 */
const addSpendScript = `
  local spend = tonumber(ARGV[1])
  if spend <= 0 and redis.call('EXISTS', KEYS[1]) == 0 then return {0, 0} end
  local count = redis.call('INCRBY', KEYS[1], spend)
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    ttl = tonumber(ARGV[2])
  end
  return {count, ttl}`;

type Answer = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** One key's window as this instance sees it: the shared count at the last sync plus what it spent since. */
interface Counter {
  key: string;
  /** The count Redis returned at the last sync (this instance's synced spend included). */
  shared: number;
  /** Spent here and not sent yet (refunds subtract). */
  local: number;
  /** Sent and not yet acknowledged. */
  sending: number;
  windowMs: number;
  /** Epoch ms; from Redis's PTTL once synced. */
  endsAt: number;
  synced: boolean;
  inFlight: boolean;
  /** Requests of the unsent spend waiting for the next sync; `position` counts them from its start. */
  waiting: { position: number; answer: Answer }[];
}

/**
 * The rate limiter's counters kept in this process and reconciled with Redis every
 * `syncIntervalMs` (one pipeline for all keys spent since), so a request costs no Redis round trip:
 * it is decided from the shared count at the last sync plus this instance's spend since. A key's
 * first request in a window, and a request beyond `unsyncedShare` of the budget held unsynced,
 * wait for a sync instead; so does every request of a budget under 50. Other instances' spend
 * since the last sync is what this one cannot see: README "Rate limits" states the tolerance.
 *
 * If Redis fails, requests are decided from this instance's own counts (nothing waits until a
 * sync succeeds again), and the spend is sent once Redis is back.
 *
 * A plain `@fastify/rate-limit` store (the Store interface: `incr`, `child`), so its headers,
 * 429 and Retry-After stay the plugin's. `child` (limiters made with `createRateLimit`: sign-ups,
 * sign-ins) is the plugin's own Redis store, exact and failing as it does.
 */
export class SyncedCounters implements FastifyRateLimitStore {
  readonly #redis: Redis;
  readonly #nameSpace: string;
  readonly #now: () => number;
  readonly #counters: ExpiringMap<string, Counter>;
  /** Counters with spend to send at the next tick. */
  readonly #dirty = new Map<string, Counter>();
  readonly #timer: NodeJS.Timeout;
  #healthy = true;

  constructor(redis: Redis, nameSpace: string, windowMs: number, now: () => number = Date.now) {
    this.#redis = redis;
    this.#nameSpace = nameSpace;
    this.#now = now;
    this.#counters = new ExpiringMap(windowMs, maxCounters, now);
    this.#timer = setInterval(() => this.#syncAll(), syncIntervalMs);
    this.#timer.unref();
  }

  /** The plugin constructs its store from a class: this one hands back these counters. */
  asStore(): FastifyRateLimitStoreCtor {
    const counters = this;
    return function Store() {
      return counters;
    } as unknown as FastifyRateLimitStoreCtor;
  }

  incr(key: string, answer: Answer, timeWindow: number, max: number): void {
    const counter = this.#counter(key, timeWindow);
    counter.local += 1;
    const unsynced = counter.local + counter.sending;
    const current = counter.shared + unsynced;
    this.#dirty.set(key, counter);
    // Already over: no sync can make it allowed (the shared count only grows within a window).
    const overAlready = counter.synced && current > max;
    const allowance = Math.floor(max * unsyncedShare);
    if (this.#healthy && !overAlready && (!counter.synced || unsynced > allowance)) {
      counter.waiting.push({ position: counter.local, answer });
      this.#sync([counter]);
      return;
    }
    answer(null, { current, ttl: Math.max(0, counter.endsAt - this.#now()) });
    // While Redis is down only the periodic sync tries again.
    if (this.#healthy && counter.local >= allowance) this.#sync([counter]);
  }

  /** Gives back one unit of `key`'s open window (a feed's 304), sent with the next sync. */
  refund(key: string): void {
    const counter = this.#counters.get(key);
    if (!counter || counter.endsAt <= this.#now()) return;
    counter.local -= 1;
    this.#dirty.set(key, counter);
  }

  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    const options = routeOptions as unknown as { continueExceeding?: boolean; exponentialBackoff?: boolean };
    return new RedisStore(
      options.continueExceeding ?? false,
      options.exponentialBackoff ?? false,
      this.#redis,
      this.#nameSpace,
    ).child(routeOptions);
  }

  /** Stops the timer after sending what is left (the app's onClose). */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#send([...this.#dirty.values()].filter((counter) => !counter.inFlight));
  }

  #counter(key: string, windowMs: number): Counter {
    const now = this.#now();
    const known = this.#counters.get(key);
    if (known && known.endsAt > now) return known;
    const fresh: Counter = {
      key,
      shared: 0,
      local: 0,
      sending: 0,
      windowMs,
      endsAt: now + windowMs,
      synced: false,
      inFlight: false,
      waiting: [],
    };
    this.#counters.set(key, fresh);
    return fresh;
  }

  #syncAll(): void {
    const due = [...this.#dirty.values()].filter((counter) => !counter.inFlight);
    if (due.length > 0) this.#sync(due);
  }

  #sync(counters: Counter[]): void {
    void this.#send(counters.filter((counter) => !counter.inFlight));
  }

  /** One pipeline: each counter's unsent spend added in Redis, the shared counts read back. */
  async #send(counters: Counter[]): Promise<void> {
    if (counters.length === 0) return;
    const pipeline = this.#redis.pipeline();
    const batches = counters.map((counter) => {
      const batch = { counter, spend: counter.local, waiting: counter.waiting };
      counter.sending = counter.local;
      counter.local = 0;
      counter.waiting = [];
      counter.inFlight = true;
      if (this.#dirty.get(counter.key) === counter) this.#dirty.delete(counter.key);
      pipeline.eval(addSpendScript, 1, `${this.#nameSpace}${counter.key}`, batch.spend, counter.windowMs);
      return batch;
    });
    let results: [Error | null, unknown][] | null;
    try {
      results = await pipeline.exec();
    } catch {
      results = null;
    }
    const now = this.#now();
    let failed = results === null;
    batches.forEach(({ counter, spend, waiting }, index) => {
      counter.inFlight = false;
      counter.sending = 0;
      const [error, reply] = results?.[index] ?? [new Error('no reply'), null];
      if (error || !Array.isArray(reply)) {
        // Kept for the next sync; meanwhile this instance decides from its own counts.
        failed = true;
        counter.local += spend;
        this.#dirty.set(counter.key, counter);
        for (const { position, answer } of waiting) {
          answer(null, { current: counter.shared + position, ttl: Math.max(0, counter.endsAt - now) });
        }
        return;
      }
      const [count, ttl] = reply.map(Number) as [number, number];
      counter.shared = count;
      counter.synced = true;
      if (ttl > 0) counter.endsAt = now + ttl;
      // The waiting requests were counted in this spend, in order: each gets its own place, as INCR gives.
      for (const { position, answer } of waiting) {
        answer(null, { current: Math.min(count, count - spend + position), ttl: Math.max(0, counter.endsAt - now) });
      }
      // Requests that arrived while this was in flight and must wait: another sync now.
      if (counter.waiting.length > 0) this.#sync([counter]);
    });
    this.#healthy = !failed;
  }
}
