import { type NormalisedItem, normaliseEntry } from '@regwatch/core';
import { insertSource } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;

function item(n: number, sourceId: string): NormalisedItem {
  // Groups of five share a timestamp, so paging must break ties by id.
  const published = new Date(Date.UTC(2026, 5, 1) - Math.floor(n / 5) * 60_000).toISOString();
  const result = normaliseEntry(
    { guid: `${sourceId}-${n}`, link: `https://example.org/${sourceId}/${n}`, title: `Item ${n}`, published },
    { sourceId, baseUrl: null, now: new Date('2026-11-01T00:00:00Z') },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.item;
}

beforeAll(async () => {
  test = await createTestDatabase('apiitems');
  const { db } = test.database;
  await insertSource(db, {
    id: 'ico',
    name: 'ICO',
    kind: 'regulator',
    url: 'https://ico.org.uk/feed',
    jurisdictions: ['GB'],
    pollIntervalSeconds: 900,
  });
  await insertSource(db, {
    id: 'register',
    name: 'The Register',
    kind: 'press',
    url: 'https://theregister.com/feed',
    jurisdictions: [],
    pollIntervalSeconds: 900,
  });
  for (let n = 0; n < 250; n += 1)
    await storeItem(db, item(n, n % 10 === 0 ? 'register' : 'ico'), { jurisdictions: ['GB'] });
  api = await buildTestApp(test.database);
});
afterAll(async () => {
  await api.close();
  await test.drop();
});

const get = (url: string) => api.app.inject({ method: 'GET', url });

describe('GET /v1/items', () => {
  it('pages through 250 items with no gap and no repeat', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await get(`/v1/items?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const body = response.json() as { data: { id: string; publishedAt: string }[]; nextCursor: string | null };
      ids.push(...body.data.map((entry) => entry.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
  });

  it('returns the public item shape, newest first', async () => {
    const body = (await get('/v1/items?limit=2')).json();
    expect(body.data[0]).toEqual({
      id: expect.any(String),
      // Items 0-4 share the newest timestamp; the highest id comes first.
      title: 'Item 4',
      url: 'https://example.org/ico/4',
      source: { id: 'ico', name: 'ICO', kind: 'regulator' },
      publishedAt: '2026-06-01T00:00:00.000Z',
      publishedPrecision: 'day',
      publishedFrom: 'entry',
      summary: '',
      language: null,
      platforms: [],
      jurisdictions: ['GB'],
      topics: [],
      storyId: expect.any(String),
    });
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it('filters by one or several sources', async () => {
    const register = (await get('/v1/items?source=register&limit=100')).json();
    expect(register.data).toHaveLength(25);
    expect(register.nextCursor).toBeNull();
    const both = (await get('/v1/items?source=register,ico&limit=100')).json();
    expect(both.data).toHaveLength(100);
  });

  it.each([
    ['limit=0', 'invalid_parameter', /^query parameter "limit" must be a whole number from 1 to 100$/],
    ['limit=101', 'invalid_parameter', /^query parameter "limit" must be a whole number from 1 to 100$/],
    ['limit=ten', 'invalid_parameter', /^query parameter "limit" must be a whole number from 1 to 100$/],
    ['cursor=garbled!', 'invalid_cursor', /cursor is not one this API issued/],
    [
      `cursor=${'a'.repeat(201)}`,
      'invalid_parameter',
      /^query parameter "cursor" must be the nextCursor of the previous page, unchanged$/,
    ],
    ['cursor=Z2FyYmxlZA', 'invalid_cursor', /cursor is not one this API issued/],
    [
      'source=ICO;drop',
      'invalid_parameter',
      /^query parameter "source" must be source ids such as ico-news \(see \/v1\/sources\), comma-separated without spaces$/,
    ],
    ['colour=red', 'invalid_parameter', /^unknown query parameter "colour"; accepted: cursor, expand, jurisdiction, /],
  ])('rejects %s with 400 naming the parameter', async (query, code, message) => {
    const response = await get(`/v1/items?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
  });
});

describe('GET /v1/items/:id', () => {
  it('returns one item, 404 for an unknown id, 400 for a malformed one', async () => {
    const first = (await get('/v1/items?limit=1')).json().data[0];
    expect((await get(`/v1/items/${first.id}`)).json()).toEqual({ ...first, tagEvidence: null });
    const missing = await get('/v1/items/999999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'item 999999999 does not exist' } });
    expect((await get('/v1/items/abc')).statusCode).toBe(400);
  });
});

describe('unknown routes', () => {
  it('answer 404 in the error shape', async () => {
    const response = await get('/v2/nothing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'no route for GET /v2/nothing' } });
  });
});
