import { createRedis, waitForRedis } from '@regwatch/queue';
import {
  createTestDatabase,
  type PrivateRedis,
  startPrivateRedis,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
} from '@regwatch/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { unsyncedShare } from '../src/synced-rate-limit-store.ts';
import { buildTestApp, type TestAppOptions } from './build.ts';
import { bearer, createTestKey, seedItems } from './keys.ts';

// Issue 16: each instance decides from local counts and reconciles with Redis a few times a
// second, instead of one Redis round trip per request. Two apps with one QUEUE_PREFIX stand for
// two API processes behind a load balancer.

let test: TestDatabase;
let shared: Redis;
const apps: Awaited<ReturnType<typeof buildTestApp>>[] = [];

beforeAll(async () => {
  test = await createTestDatabase('apiratesync');
  await seedItems(test.database.db, 2);
  shared = createRedis(testRedisUrl, 'client');
  await waitForRedis(shared);
});
afterAll(async () => {
  for (const api of apps) await api.close();
  shared.disconnect();
  await test.drop();
});

async function instance(options: TestAppOptions) {
  const api = await buildTestApp(test.database, options);
  apps.push(api);
  return api;
}

/** The tolerance README "Rate limits" states for two instances receiving a key at similar rates. */
const twoInstanceTolerance = 2 * unsyncedShare * 2;

describe('a key driven through two instances at once', () => {
  it('is allowed at least its budget and at most the stated tolerance over it', async () => {
    const budget = 500;
    const prefix = uniquePrefix('ratesync');
    const a = await instance({ config: { QUEUE_PREFIX: prefix } });
    const b = await instance({ config: { QUEUE_PREFIX: prefix } });
    const { key, id } = await createTestKey(test.database.db, { ratePerMinute: budget });
    const statuses: number[] = [];
    // Rounds of concurrent requests on both instances, well past the budget.
    for (let round = 0; round < 40; round += 1) {
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, n) =>
          (n % 2 === 0 ? a : b).app.inject({ url: '/v1/items', headers: bearer(key) }),
        ),
      );
      statuses.push(...responses.map((response) => response.statusCode));
    }
    const allowed = statuses.filter((status) => status === 200).length;
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(allowed).toBeGreaterThanOrEqual(budget);
    expect(allowed).toBeLessThanOrEqual(Math.floor(budget * (1 + twoInstanceTolerance)));
    // Every request, allowed or not, is in the shared count once both instances have synced.
    await vi.waitFor(async () => expect(await shared.get(`${prefix}:ratelimit:key:${id}`)).toBe('1200'), {
      timeout: 5_000,
    });
  });
});

describe('the shared count in Redis', () => {
  it('receives every instance’s spend, under the same key as before', async () => {
    const prefix = uniquePrefix('ratesync');
    const a = await instance({ config: { QUEUE_PREFIX: prefix, API_ANONYMOUS_RATE: 1_000 } });
    const b = await instance({ config: { QUEUE_PREFIX: prefix, API_ANONYMOUS_RATE: 1_000 } });
    for (let n = 0; n < 30; n += 1) {
      const response = await (n % 2 === 0 ? a : b).app.inject({ url: '/v1/items', remoteAddress: '192.0.2.40' });
      expect(response.statusCode).toBe(200);
    }
    const counterKey = `${prefix}:ratelimit:anonymous:192.0.2.40`;
    await vi.waitFor(async () => expect(await shared.get(counterKey)).toBe('30'), { timeout: 5_000 });
    const ttl = await shared.pttl(counterKey);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});

describe('a feed answered 304', () => {
  it('gives its unit back locally, and the shared count with the next sync', async () => {
    const prefix = uniquePrefix('ratesync');
    const { app } = await instance({ config: { QUEUE_PREFIX: prefix, FEED_ANONYMOUS_RATE: 100 } });
    const from = { remoteAddress: '198.51.100.40' };
    const fetched = await app.inject({ url: '/feeds/stories.atom', ...from });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers['ratelimit-remaining']).toBe('99');
    for (let n = 0; n < 20; n += 1) {
      const revalidated = await app.inject({
        url: '/feeds/stories.atom',
        ...from,
        headers: { 'if-none-match': String(fetched.headers.etag) },
      });
      expect(revalidated.statusCode).toBe(304);
    }
    const next = await app.inject({ url: '/feeds/items.atom', ...from });
    expect(next.statusCode).toBe(200);
    expect(next.headers['ratelimit-remaining']).toBe('98');
    await vi.waitFor(async () => expect(await shared.get(`${prefix}:ratelimit:feeds:198.51.100.40`)).toBe('2'), {
      timeout: 5_000,
    });
  });
});

describe('when Redis is down', () => {
  let redis: PrivateRedis;
  let client: Redis;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    // Reconnects, as the API's own client does.
    client = createRedis(redis.url, 'client', { retryStrategy: () => 50 });
    client.on('error', () => undefined);
    await waitForRedis(client);
  });
  afterAll(async () => {
    client.disconnect();
    await redis.stop();
  });

  it('serves, limiting on the instance’s own counts, and sends the spend once Redis is back', async () => {
    const prefix = uniquePrefix('ratesync');
    const { app } = await instance({ redis: client, config: { QUEUE_PREFIX: prefix, API_ANONYMOUS_RATE: 100 } });
    const get = () => app.inject({ url: '/v1/items', remoteAddress: '192.0.2.50' });
    expect((await get()).statusCode).toBe(200);
    await redis.stop();
    const during: number[] = [];
    for (let n = 0; n < 110; n += 1) during.push((await get()).statusCode);
    // Served, and still limited by this instance: 99 more allowed, then 429.
    expect(during.slice(0, 99).every((status) => status === 200)).toBe(true);
    expect(during.slice(99).every((status) => status === 429)).toBe(true);

    // Back, empty (its data lost): the spend counted here during the outage reaches it.
    await redis.restartEmpty();
    await waitForRedis(client);
    const probe = createRedis(redis.url, 'client');
    try {
      await vi.waitFor(
        async () => expect(Number(await probe.get(`${prefix}:ratelimit:anonymous:192.0.2.50`))).toBe(110),
        {
          timeout: 5_000,
        },
      );
    } finally {
      probe.disconnect();
    }
    expect((await get()).statusCode).toBe(429);
  });

  it('serves requests of an instance that never reached Redis', async () => {
    const { app } = await instance({ redisUrl: 'redis://127.0.0.1:1', config: { API_ANONYMOUS_RATE: 5 } });
    const statuses: number[] = [];
    for (let n = 0; n < 6; n += 1)
      statuses.push((await app.inject({ url: '/v1/items', remoteAddress: '192.0.2.51' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe('a key with a budget of its own', () => {
  it('is decided from the local count: far fewer syncs than requests, RateLimit-Remaining one down each', async () => {
    const client = createRedis(testRedisUrl, 'client');
    await waitForRedis(client);
    const pipelines = vi.spyOn(client, 'pipeline');
    const { app } = await instance({ redis: client, config: { QUEUE_PREFIX: uniquePrefix('ratesync') } });
    const { key } = await createTestKey(test.database.db, { ratePerMinute: 100_000 });
    const remaining: number[] = [];
    for (let n = 0; n < 100; n += 1) {
      const response = await app.inject({ url: '/v1/items', headers: bearer(key) });
      remaining.push(Number(response.headers['ratelimit-remaining']));
    }
    expect(remaining).toEqual(Array.from({ length: 100 }, (_, n) => 100_000 - 1 - n));
    // The first request waits for one; the others only ride the periodic sync.
    expect(pipelines.mock.calls.length).toBeLessThan(100);
    client.disconnect();
  });
});
