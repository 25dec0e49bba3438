import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { seedItems } from './keys.ts';

// Issue 16: a revalidation of a URL answered moments ago is a 304 from memory (the body kept as
// bytes with its headers), before validation and the handler, with the headers the full path gives.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  test = await createTestDatabase('apilean');
  await seedItems(test.database.db, 3);
  api = await buildTestApp(test.database, { config: { API_RESPONSE_CACHE_SECONDS: 60, FEED_CACHE_SECONDS: 60 } });
});
afterAll(async () => {
  await api.close();
  await test.drop();
});

/** The headers two answers must share: everything but the date and the rate-limit count. */
const lasting = (headers: Record<string, unknown>) => {
  const { date: _date, 'ratelimit-remaining': _remaining, 'ratelimit-reset': _reset, ...rest } = headers;
  return rest;
};

describe('a revalidation', () => {
  it('of /v1 and of a feed needs no database once the URL was served, and keeps every header', async () => {
    const urls = ['/v1/items?limit=2&jurisdiction=GB', '/feeds/stories.rss?jurisdiction=GB'];
    const first = new Map<string, Awaited<ReturnType<typeof api.app.inject>>>();
    const handled = new Map<string, Record<string, unknown>>();
    for (const url of urls) {
      const response = await api.app.inject(url);
      expect(response.statusCode, url).toBe(200);
      first.set(url, response);
      // The first 304 of a feed comes from the handler: the early path learns the URL from it.
      const revalidated = await api.app.inject({ url, headers: { 'if-none-match': String(response.headers.etag) } });
      expect(revalidated.statusCode, url).toBe(304);
      handled.set(url, revalidated.headers);
    }
    // PostgreSQL gone: only what is kept in memory can answer.
    await test.database.close();
    expect((await api.app.inject('/v1/items?limit=3')).statusCode).toBeGreaterThanOrEqual(500);
    for (const url of urls) {
      const kept = first.get(url);
      const etag = String(kept?.headers.etag);
      const revalidated = await api.app.inject({ url, headers: { 'if-none-match': etag } });
      expect(revalidated.statusCode, url).toBe(304);
      expect(revalidated.body, url).toBe('');
      expect(revalidated.headers['content-length'], url).toBeUndefined();
      expect(lasting(revalidated.headers), url).toEqual(lasting(handled.get(url) ?? {}));
      // A stale tag gets the kept body, byte for byte.
      const stale = await api.app.inject({ url, headers: { 'if-none-match': '"0000"' } });
      expect(stale.statusCode, url).toBe(200);
      expect(stale.rawPayload.equals(kept?.rawPayload ?? Buffer.alloc(0)), url).toBe(true);
      expect(stale.headers['content-type'], url).toBe(kept?.headers['content-type']);
    }
  });
});
