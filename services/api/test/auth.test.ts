import { revokeApiKey } from '@regwatch/db';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestAppOptions } from './build.ts';
import { bearer, createTestKey, seedItems } from './keys.ts';

let test: TestDatabase;
const apps: Awaited<ReturnType<typeof buildTestApp>>[] = [];

beforeAll(async () => {
  test = await createTestDatabase('apiauth');
  await seedItems(test.database.db, 3);
});
afterAll(async () => {
  for (const api of apps) await api.close();
  await test.drop();
});

async function app(options: TestAppOptions = {}) {
  const api = await buildTestApp(test.database, options);
  apps.push(api);
  return api.app;
}

const keyRequired = { config: { API_ANONYMOUS_ACCESS: false } };
const stackLine = /\n\s+at /;

describe('a valid API key', () => {
  it('is served, under its own rate limit, and its use is recorded', async () => {
    const api = await app(keyRequired);
    const { key, id } = await createTestKey(test.database.db);
    const response = await api.inject({ url: '/v1/items', headers: bearer(key) });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toHaveLength(3);
    expect(response.headers['ratelimit-limit']).toBe('600');
    // Recorded off the request path: wait for the write rather than for a time.
    await expect
      .poll(async () => {
        const row = await test.database.db.execute(
          sql`select 1 from api_keys where id = ${id} and last_used_at is not null`,
        );
        return row.rowCount;
      })
      .toBe(1);
  });

  it('works whatever case the Bearer scheme is written in', async () => {
    const api = await app(keyRequired);
    const { key } = await createTestKey(test.database.db);
    expect((await api.inject({ url: '/v1/sources', headers: { authorization: `bearer ${key}` } })).statusCode).toBe(
      200,
    );
  });
});

describe('401', () => {
  it('answers a request without a key when anonymous access is off, with a Bearer challenge', async () => {
    const api = await app(keyRequired);
    const response = await api.inject('/v1/items');
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="regwatch"');
    expect(response.json()).toEqual({
      error: { code: 'unauthorized', message: 'an API key is required: send "Authorization: Bearer <API key>"' },
    });
  });

  it.each([
    ['another scheme', () => 'Basic dXNlcjpwYXNz', /must be "Bearer <API key>"/],
    ['a token that is not a key', () => 'Bearer not-a-key', /not a Regwatch API key/],
    ['an unknown key', (key: string) => `Bearer ${key.slice(0, -4)}AAAA`, /unknown or has been revoked/],
  ])('answers %s, never echoing what was sent', async (_label, header, message) => {
    const api = await app(keyRequired);
    const { key } = await createTestKey(test.database.db);
    const response = await api.inject({ url: '/v1/items?limit=1', headers: { authorization: header(key) } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="regwatch", error="invalid_token"');
    expect(response.json().error.code).toBe('unauthorized');
    expect(response.json().error.message).toMatch(message);
    expect(response.body).not.toContain(key.slice(13));
    expect(response.body).not.toMatch(stackLine);
  });

  it('answers a bad key even when anonymous reads are allowed: it is not quietly read as anonymous', async () => {
    const api = await app();
    expect((await api.inject('/v1/items')).statusCode).toBe(200);
    const response = await api.inject({ url: '/v1/items', headers: { authorization: 'Bearer rwk_nope' } });
    expect(response.statusCode).toBe(401);
  });

  it('comes before parameter validation, so a caller without access learns nothing about parameters', async () => {
    const api = await app(keyRequired);
    const response = await api.inject('/v1/items?limit=ten&colour=red');
    expect(response.statusCode).toBe(401);
  });

  it('is not given by unknown routes or preflights, so they cannot tell valid keys from invalid ones', async () => {
    const api = await app({ config: { API_ANONYMOUS_ACCESS: false, API_AUTH_FAILURE_RATE: 1 } });
    const { key } = await createTestKey(test.database.db);
    for (const authorization of [`Bearer ${key}`, 'Bearer rwk_guess', undefined]) {
      const headers = authorization ? { authorization } : {};
      expect((await api.inject({ url: '/v1/nothing', headers })).statusCode).toBe(404);
      const preflight = await api.inject({
        method: 'OPTIONS',
        url: '/v1/items',
        headers: { ...headers, origin: 'https://x.example', 'access-control-request-method': 'GET' },
      });
      expect(preflight.statusCode).toBe(404);
    }
    // None of that spent the failure budget (1 a minute here).
    expect((await api.inject({ url: '/v1/items', headers: { authorization: 'Bearer rwk_guess' } })).statusCode).toBe(
      401,
    );
  });

  it('leaves health probes, the OpenAPI document and /docs open', async () => {
    const api = await app(keyRequired);
    for (const url of ['/healthz', '/readyz', '/openapi.json', '/docs']) {
      expect((await api.inject({ url, headers: { authorization: 'Bearer garbage' } })).statusCode, url).toBe(200);
    }
  });
});

describe('failed attempts from one address', () => {
  it('turn into 429 after API_AUTH_FAILURE_RATE, while a valid key from that address and other addresses are unaffected', async () => {
    const api = await app({ config: { API_ANONYMOUS_ACCESS: false, API_AUTH_FAILURE_RATE: 3 } });
    const { key } = await createTestKey(test.database.db);
    const attacker = '203.0.113.7';
    const bad = (remoteAddress: string) =>
      api.inject({ url: '/v1/items', remoteAddress, headers: { authorization: 'Bearer rwk_guess' } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await bad(attacker)).statusCode);
    expect(statuses).toEqual([401, 401, 401]);

    const limited = await bad(attacker);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-limit']).toBe('3');
    expect(limited.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(/^too many requests without a valid API key from this address; retry in /),
      },
    });
    // A request with no key at all counts as a failure too when a key is required.
    expect((await api.inject({ url: '/v1/items', remoteAddress: attacker })).statusCode).toBe(429);

    // Offices share addresses: the failure budget does not lock out a valid key.
    const good = await api.inject({ url: '/v1/items', remoteAddress: attacker, headers: bearer(key) });
    expect(good.statusCode).toBe(200);
    expect((await bad('198.51.100.9')).statusCode).toBe(401);
  });
});

describe('a revoked key', () => {
  it('stops working once the instance cache entry expires (API_KEY_CACHE_SECONDS)', async () => {
    let now = Date.parse('2026-06-01T10:00:00Z');
    const api = await app({
      ...keyRequired,
      now: () => now,
      config: { ...keyRequired.config, API_KEY_CACHE_SECONDS: 30 },
    });
    const { key, id } = await createTestKey(test.database.db);
    expect((await api.inject({ url: '/v1/items', headers: bearer(key) })).statusCode).toBe(200);
    await revokeApiKey(test.database.db, { id }, new Date());
    // Within the TTL this instance still trusts what it looked up...
    now += 29_000;
    expect((await api.inject({ url: '/v1/items', headers: bearer(key) })).statusCode).toBe(200);
    // ...and asks PostgreSQL again after it.
    now += 2_000;
    const refused = await api.inject({ url: '/v1/items', headers: bearer(key) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toBe('the API key is unknown or has been revoked');
    expect(refused.body).not.toContain(key);
  });

  it('stops working at once with the cache off (API_KEY_CACHE_SECONDS=0)', async () => {
    const api = await app({ config: { API_ANONYMOUS_ACCESS: false, API_KEY_CACHE_SECONDS: 0 } });
    const { key, prefix } = await createTestKey(test.database.db);
    expect((await api.inject({ url: '/v1/items', headers: bearer(key) })).statusCode).toBe(200);
    await revokeApiKey(test.database.db, { prefix }, new Date());
    expect((await api.inject({ url: '/v1/items', headers: bearer(key) })).statusCode).toBe(401);
  });
});
