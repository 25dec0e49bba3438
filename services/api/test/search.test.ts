import { normaliseEntry } from '@regwatch/core';
import { insertSource } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';
import { createTestDatabase, type TestDatabase, testSource } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

// Issue 6: full-text search (`q`, web-search syntax, English and French) with highlighted snippets.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
const ids: Record<string, string> = {};

async function store(key: string, language: string, title: string, summary: string, published: string) {
  const result = normaliseEntry(
    { guid: key, link: `https://news.example/${key}`, title, summary, published, language },
    { sourceId: 'news', baseUrl: null, now: new Date('2026-11-01T00:00:00Z') },
  );
  if (!result.ok) throw new Error(result.reason);
  ids[key] = (await storeItem(test.database.db, result.item, { jurisdictions: [] })).itemId;
}

beforeAll(async () => {
  test = await createTestDatabase('apisearch');
  await insertSource(test.database.db, testSource('news', { name: 'News' }));
  await store(
    'fined',
    'en',
    'Regulator fines retailer over facial recognition cameras',
    'The retailer scanned the faces of shoppers in aisles 1 &lt; 2 &amp; 3 &lt;b&gt;without&lt;/b&gt; telling them.',
    '2026-02-01T09:00:00Z',
  );
  await store(
    'cookies-fr',
    'fr',
    'Sanction contre un éditeur pour des cookies publicitaires',
    'Les cookies publicitaires étaient déposés sans consentement des internautes.',
    '2026-02-02T09:00:00Z',
  );
  await store(
    'cookies-en',
    'en',
    'Cookie banners under scrutiny in Europe',
    'Data protection authorities look at how websites ask for consent to advertising cookies.',
    '2026-02-03T09:00:00Z',
  );
  api = await buildTestApp(test.database);
});
afterAll(async () => {
  await api.close();
  await test.drop();
});

async function search(path: string, q: string) {
  const response = await api.app.inject({ method: 'GET', url: path, query: { q } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().data as { id: string; highlight?: { title: string; summary: string } }[];
}

describe('full-text search', () => {
  it('matches word forms by stemming, in English and in French', async () => {
    expect((await search('/v1/items', 'fined')).map((item) => item.id)).toEqual([ids.fined]);
    expect((await search('/v1/items', 'publicitaire')).map((item) => item.id)).toEqual([ids['cookies-fr']]);
    expect((await search('/v1/items', 'cookies')).map((item) => item.id).sort()).toEqual(
      [ids['cookies-fr'], ids['cookies-en']].sort(),
    );
  });

  it('understands web-search syntax: phrases, OR and exclusions', async () => {
    expect((await search('/v1/items', '"facial recognition"')).map((item) => item.id)).toEqual([ids.fined]);
    expect((await search('/v1/items', 'cookies -banners')).map((item) => item.id)).toEqual([ids['cookies-fr']]);
    expect((await search('/v1/items', 'retailer OR banners')).map((item) => item.id).sort()).toEqual(
      [ids.fined, ids['cookies-en']].sort(),
    );
  });

  it('highlights the matches as safe HTML', async () => {
    const [item] = await search('/v1/items', 'shoppers faces');
    expect(item?.highlight?.summary).toContain('<mark>faces</mark>');
    expect(item?.highlight?.summary).toContain('<mark>shoppers</mark>');
    // The source's text says `1 < 2 & 3 <b>without</b>` as words: the characters come back escaped
    // (PostgreSQL's ts_headline drops the tag-like words), never as markup.
    expect(item?.highlight?.summary).toContain('1 &lt; 2 &amp; 3');
    expect(item?.highlight?.summary).not.toContain('<b>');
    expect((await api.app.inject('/v1/items')).json().data[0].highlight).toBeUndefined();
  });

  it('finds stories through their items, and refuses an empty query', async () => {
    const stories = await search('/v1/stories', 'cookies');
    expect(stories.length).toBe(2);
    const empty = await api.app.inject({ method: 'GET', url: '/v1/items', query: { q: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('"q"');
  });
});
