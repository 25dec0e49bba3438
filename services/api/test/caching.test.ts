import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestAppOptions } from './build.ts';
import { bearer, createTestKey, seedItems, storeSeedItem } from './keys.ts';

let test: TestDatabase;
const apps: Awaited<ReturnType<typeof buildTestApp>>[] = [];
let itemId: string;
let storyId: string;

beforeAll(async () => {
  test = await createTestDatabase('apicaching');
  await seedItems(test.database.db, 3);
  const api = await app();
  itemId = (await api.inject('/v1/items?limit=1')).json().data[0].id;
  storyId = (await api.inject('/v1/stories?limit=1')).json().data[0].id;
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

const strongTag = /^"[0-9a-f]{32}"$/;

describe('list and detail responses', () => {
  it('carry a strong ETag and public Cache-Control, the same on two instances', async () => {
    const [a, b] = [await app(), await app()];
    const urls = ['/v1/items', `/v1/items/${itemId}`, '/v1/stories', `/v1/stories/${storyId}`, '/v1/sources'];
    for (const url of urls) {
      const first = await a.inject(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers.etag, url).toMatch(strongTag);
      expect(first.headers['cache-control'], url).toBe('public, max-age=60');
      const second = await b.inject(url);
      expect(second.body, url).toBe(first.body);
      expect(second.headers.etag, url).toBe(first.headers.etag);
    }
    const items = await a.inject('/v1/items');
    expect(items.headers.etag).not.toBe((await a.inject('/v1/items?limit=1')).headers.etag);
  });

  it('are private for a keyed request, and take max-age from API_CACHE_MAX_AGE', async () => {
    const api = await app({ config: { API_CACHE_MAX_AGE: 5 } });
    const { key } = await createTestKey(test.database.db);
    expect((await api.inject('/v1/items')).headers['cache-control']).toBe('public, max-age=5');
    const keyed = await api.inject({ url: '/v1/items', headers: bearer(key) });
    expect(keyed.headers['cache-control']).toBe('private, max-age=5');
    // The representation is the same, so is its tag.
    expect(keyed.headers.etag).toBe((await api.inject('/v1/items')).headers.etag);
  });

  it('answer HEAD with the same validators as GET', async () => {
    const api = await app();
    const get = await api.inject('/v1/items');
    const head = await api.inject({ method: 'HEAD', url: '/v1/items' });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.body).toBe('');
  });

  it('are not cached when they are errors', async () => {
    const api = await app();
    for (const url of ['/v1/items/999999999', '/v1/items?limit=0', '/v1/nothing']) {
      const response = await api.inject(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.headers.etag, url).toBeUndefined();
      expect(response.headers['cache-control'], url).toBeUndefined();
    }
  });
});

describe('If-None-Match', () => {
  it('gets 304 with no body, keeping ETag, Cache-Control and the rate-limit headers', async () => {
    const api = await app();
    const url = `/v1/stories/${storyId}`;
    const { etag } = (await api.inject(url)).headers;
    const response = await api.inject({ url, headers: { 'if-none-match': String(etag) } });
    expect(response.statusCode).toBe(304);
    expect(response.body).toBe('');
    expect(response.headers.etag).toBe(etag);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect(response.headers['ratelimit-limit']).toBeDefined();
    expect(response.headers['ratelimit-remaining']).toBeDefined();
    expect(response.headers['content-type']).toBeUndefined();
    expect(response.headers['content-length']).toBeUndefined();
  });

  it('matches under weak comparison, in a list, and as *; another tag gets the full response', async () => {
    const api = await app();
    const etag = String((await api.inject('/v1/items')).headers.etag);
    for (const header of [`W/${etag}`, `"nope", ${etag}`, '*']) {
      expect((await api.inject({ url: '/v1/items', headers: { 'if-none-match': header } })).statusCode, header).toBe(
        304,
      );
    }
    const other = await api.inject({
      url: '/v1/items',
      headers: { 'if-none-match': '"0123456789abcdef0123456789abcdef"' },
    });
    expect(other.statusCode).toBe(200);
    expect(other.json().data).toHaveLength(3);
  });

  it('gets the new response once the data changed, under a new ETag', async () => {
    const api = await app();
    const before = String((await api.inject('/v1/items')).headers.etag);
    await storeSeedItem(test.database.db, 'ico', 99);
    const after = await api.inject({ url: '/v1/items', headers: { 'if-none-match': before } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).toMatch(strongTag);
    expect(after.headers.etag).not.toBe(before);
    expect(after.json().data).toHaveLength(4);
  });
});

describe('reused response bodies (API_RESPONSE_CACHE_SECONDS)', () => {
  it('serve one URL’s body for the set time, validators included, then build it again', async () => {
    let clock = 1_000_000;
    const api = await app({ config: { API_RESPONSE_CACHE_SECONDS: 5 }, now: () => clock });
    const first = await api.inject('/v1/items?limit=50');
    const etag = String(first.headers.etag);
    await storeSeedItem(test.database.db, 'ico', 98);
    clock += 4_999;
    const reused = await api.inject('/v1/items?limit=50');
    expect(reused.body).toBe(first.body);
    expect(reused.headers.etag).toBe(etag);
    expect(reused.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reused.headers['ratelimit-remaining']).toBeDefined();
    const revalidated = await api.inject({ url: '/v1/items?limit=50', headers: { 'if-none-match': etag } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    // Another URL is another page, built now: it has the new item.
    expect((await api.inject('/v1/items?limit=49')).json().data.length).toBe(first.json().data.length + 1);
    clock += 1;
    const rebuilt = await api.inject('/v1/items?limit=50');
    expect(rebuilt.headers.etag).not.toBe(etag);
    expect(rebuilt.json().data.length).toBe(first.json().data.length + 1);
  });

  it('never reuse an error, and still check parameters first', async () => {
    const api = await app({ config: { API_RESPONSE_CACHE_SECONDS: 60 } });
    expect((await api.inject('/v1/items?platform=nope')).statusCode).toBe(400);
    expect((await api.inject('/v1/items?platform=nope')).statusCode).toBe(400);
    expect((await api.inject('/v1/items/999999999')).statusCode).toBe(404);
    expect((await api.inject('/v1/items/999999999')).statusCode).toBe(404);
  });
});
