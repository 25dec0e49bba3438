import { createTestDatabase, type TestDatabase, uniquePrefix } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestAppOptions } from './build.ts';
import { bearer, createTestKey, seedItems } from './keys.ts';

// Two app instances built with one QUEUE_PREFIX stand for two API processes behind a load
// balancer: they share budgets only through Redis.

let test: TestDatabase;
const apps: Awaited<ReturnType<typeof buildTestApp>>[] = [];

beforeAll(async () => {
  test = await createTestDatabase('apiratelimit');
  await seedItems(test.database.db, 2);
});
afterAll(async () => {
  for (const api of apps) await api.close();
  await test.drop();
});

async function instances(count: number, config: TestAppOptions['config']) {
  const prefix = uniquePrefix('ratelimit');
  const built = [];
  for (let n = 0; n < count; n += 1) {
    const api = await buildTestApp(test.database, { config: { QUEUE_PREFIX: prefix, ...config } });
    apps.push(api);
    built.push(api.app);
  }
  return built;
}

describe('a key’s budget', () => {
  it('is shared by two instances: alternating requests spend one budget, then 429 with Retry-After', async () => {
    const [a, b] = await instances(2, {});
    if (!a || !b) throw new Error('two instances');
    const { key } = await createTestKey(test.database.db, { ratePerMinute: 5 });
    const remaining: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      const response = await (n % 2 === 0 ? a : b).inject({ url: '/v1/items', headers: bearer(key) });
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBe('5');
      remaining.push(String(response.headers['ratelimit-remaining']));
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);

    const limited = await b.inject({ url: '/v1/items', headers: bearer(key) });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['ratelimit-limit']).toBe('5');
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    const reset = Number(limited.headers['ratelimit-reset']);
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(60);
    expect(limited.headers['retry-after']).toBe(String(reset));
    expect(limited.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(/^rate limit of 5 requests per minute exceeded; retry in /),
      },
    });
    expect(limited.body).not.toContain(key);
    // The other instance agrees.
    expect((await a.inject({ url: '/v1/items', headers: bearer(key) })).statusCode).toBe(429);
  });

  it('follows API_KEY_DEFAULT_RATE when the key has no rate of its own, and keys do not share budgets', async () => {
    const [a, b] = await instances(2, { API_KEY_DEFAULT_RATE: 7 });
    if (!a || !b) throw new Error('two instances');
    const standard = await createTestKey(test.database.db);
    const small = await createTestKey(test.database.db, { ratePerMinute: 1 });
    expect((await a.inject({ url: '/v1/sources', headers: bearer(standard.key) })).headers['ratelimit-limit']).toBe(
      '7',
    );
    expect((await a.inject({ url: '/v1/sources', headers: bearer(small.key) })).statusCode).toBe(200);
    expect((await b.inject({ url: '/v1/sources', headers: bearer(small.key) })).statusCode).toBe(429);
    const other = await b.inject({ url: '/v1/sources', headers: bearer(standard.key) });
    expect(other.statusCode).toBe(200);
    expect(other.headers['ratelimit-remaining']).toBe('5');
  });

  it('is one budget across all data routes, not one per route', async () => {
    const [a] = await instances(1, {});
    if (!a) throw new Error('an instance');
    const { key } = await createTestKey(test.database.db, { ratePerMinute: 2 });
    expect((await a.inject({ url: '/v1/items', headers: bearer(key) })).statusCode).toBe(200);
    expect((await a.inject({ url: '/v1/stories', headers: bearer(key) })).statusCode).toBe(200);
    expect((await a.inject({ url: '/v1/sources', headers: bearer(key) })).statusCode).toBe(429);
  });
});

describe('anonymous reads', () => {
  it('have one budget per client address, shared by the instances', async () => {
    const [a, b] = await instances(2, { API_ANONYMOUS_RATE: 2 });
    if (!a || !b) throw new Error('two instances');
    const from = (app: typeof a, remoteAddress: string) => app.inject({ url: '/v1/items', remoteAddress });
    expect((await from(a, '192.0.2.1')).statusCode).toBe(200);
    const second = await from(b, '192.0.2.1');
    expect(second.statusCode).toBe(200);
    expect(second.headers['ratelimit-limit']).toBe('2');
    expect(second.headers['ratelimit-remaining']).toBe('0');
    expect((await from(a, '192.0.2.1')).statusCode).toBe(429);
    expect((await from(b, '192.0.2.2')).statusCode).toBe(200);
    // A key is not limited by the anonymous budget of its address.
    const { key } = await createTestKey(test.database.db);
    const keyed = await a.inject({ url: '/v1/items', remoteAddress: '192.0.2.1', headers: bearer(key) });
    expect(keyed.statusCode).toBe(200);
  });

  it('count an IPv6 client’s whole /64 as one address', async () => {
    const [a] = await instances(1, { API_ANONYMOUS_RATE: 1 });
    if (!a) throw new Error('an instance');
    expect((await a.inject({ url: '/v1/items', remoteAddress: '2001:db8:1:2::1' })).statusCode).toBe(200);
    expect((await a.inject({ url: '/v1/items', remoteAddress: '2001:db8:1:2::ffff' })).statusCode).toBe(429);
    expect((await a.inject({ url: '/v1/items', remoteAddress: '2001:db8:1:3::1' })).statusCode).toBe(200);
  });
});

describe('budgets', () => {
  it('are not shared between instances with different QUEUE_PREFIX values', async () => {
    const [first] = await instances(1, {});
    const [second] = await instances(1, {});
    if (!first || !second) throw new Error('two instances');
    const { key } = await createTestKey(test.database.db, { ratePerMinute: 1 });
    expect((await first.inject({ url: '/v1/items', headers: bearer(key) })).statusCode).toBe(200);
    expect((await first.inject({ url: '/v1/items', headers: bearer(key) })).statusCode).toBe(429);
    expect((await second.inject({ url: '/v1/items', headers: bearer(key) })).statusCode).toBe(200);
  });

  it('do not apply to health probes or the documentation', async () => {
    const [a] = await instances(1, { API_ANONYMOUS_RATE: 1 });
    if (!a) throw new Error('an instance');
    for (let n = 0; n < 3; n += 1) {
      for (const url of ['/healthz', '/openapi.json', '/docs']) {
        const response = await a.inject(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['ratelimit-limit'], url).toBeUndefined();
      }
    }
  });
});
