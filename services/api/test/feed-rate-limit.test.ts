import { normaliseEntry } from '@regwatch/core';
import { insertSource } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';
import { createTestDatabase, type TestDatabase, uniquePrefix } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestAppOptions } from './build.ts';
import { bearer, createTestKey } from './keys.ts';

// Issue 11: importing the 40-feed OPML from one office address (one IP, 40 feeds fetched at
// once, then polled again, some with conditional GET) ended in 429s: every feed request spent
// the anonymous /v1 budget (60 a minute). Feeds now have a budget of their own per address, and
// a 304 gives its unit back.
let test: TestDatabase;
const apps: Awaited<ReturnType<typeof buildTestApp>>[] = [];
const office = '198.51.100.7';

// 37 countries with stories, with Everything, EU and EEA: the OPML's 40 feeds.
const countries = [
  ...['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU'],
  ...['MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'GB', 'CH', 'US', 'CA', 'AU', 'NZ', 'JP'],
];

beforeAll(async () => {
  test = await createTestDatabase('apifeedrate');
  await insertSource(test.database.db, {
    id: 'gpa',
    name: 'Global Privacy Assembly',
    kind: 'regulator',
    url: 'https://gpa.example/feed',
    jurisdictions: [],
    pollIntervalSeconds: 900,
  });
  const result = normaliseEntry(
    {
      guid: 'r1',
      link: 'https://gpa.example/r1',
      title: 'Resolution on data sharing',
      published: '2026-10-01T09:00:00Z',
    },
    { sourceId: 'gpa', baseUrl: null, now: new Date('2026-11-01T00:00:00Z') },
  );
  if (!result.ok) throw new Error(result.reason);
  await storeItem(test.database.db, result.item, { jurisdictions: countries });
});
afterAll(async () => {
  for (const api of apps) await api.close();
  await test.drop();
});

/** The shipped defaults for both anonymous budgets (build.ts lifts them for other tests). */
async function app(config: TestAppOptions['config'] = {}) {
  const api = await buildTestApp(test.database, {
    config: { QUEUE_PREFIX: uniquePrefix('feedrate'), API_ANONYMOUS_RATE: 60, FEED_ANONYMOUS_RATE: 300, ...config },
  });
  apps.push(api);
  return api.app;
}

type App = Awaited<ReturnType<typeof app>>;

const pathOf = (url: string) => {
  const parsed = new URL(url.replace(/&amp;/g, '&'));
  return parsed.pathname + parsed.search;
};

async function opmlFeeds(api: App): Promise<string[]> {
  const opml = await api.inject({ url: '/feeds/opml', remoteAddress: office });
  expect(opml.statusCode).toBe(200);
  return [...opml.body.matchAll(/xmlUrl="([^"]+)"/g)].map((match) => pathOf(match[1] ?? ''));
}

describe('feed readers', () => {
  it('import the 40-feed OPML from one address and poll it three times, some conditionally, without a 429', async () => {
    const api = await app();
    const feeds = await opmlFeeds(api);
    expect(feeds).toHaveLength(40);
    const statuses: number[] = [];
    const etags = new Map<string, string>();
    // Round 1: every feed at once, as a reader does on import.
    const first = await Promise.all(feeds.map((url) => api.inject({ url, remoteAddress: office })));
    first.forEach((response, index) => {
      statuses.push(response.statusCode);
      etags.set(feeds[index] ?? '', String(response.headers.etag));
    });
    // Round 2: all conditional; round 3: every other one conditional, the rest plain.
    for (const conditional of [() => true, (index: number) => index % 2 === 0]) {
      const responses = await Promise.all(
        feeds.map((url, index) =>
          api.inject({
            url,
            remoteAddress: office,
            headers: conditional(index) ? { 'if-none-match': etags.get(url) ?? '' } : {},
          }),
        ),
      );
      statuses.push(...responses.map((response) => response.statusCode));
    }
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expect(statuses.filter((status) => status === 304)).toHaveLength(60);
    // The anonymous /v1 budget of that address is untouched, and still applies.
    const v1: number[] = [];
    for (let n = 0; n < 61; n += 1) v1.push((await api.inject({ url: '/v1/items', remoteAddress: office })).statusCode);
    expect(v1.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(v1[60]).toBe(429);
    // And spending it leaves the feeds alone.
    expect((await api.inject({ url: feeds[0] ?? '', remoteAddress: office })).statusCode).toBe(200);
  });

  it('have a budget of their own per address, which a 304 does not spend', async () => {
    const api = await app({ FEED_ANONYMOUS_RATE: 2 });
    const fetched = await api.inject({ url: '/feeds/stories.atom', remoteAddress: office });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers['ratelimit-limit']).toBe('2');
    const etag = String(fetched.headers.etag);
    for (let n = 0; n < 5; n += 1) {
      const revalidated = await api.inject({
        url: '/feeds/stories.atom',
        remoteAddress: office,
        headers: { 'if-none-match': etag },
      });
      expect(revalidated.statusCode).toBe(304);
    }
    expect((await api.inject({ url: '/feeds/items.rss', remoteAddress: office })).statusCode).toBe(200);
    const spent = await api.inject({ url: '/feeds/items.atom', remoteAddress: office });
    expect(spent.statusCode).toBe(429);
    expect(spent.json().error.message).toMatch(/^rate limit of 2 requests per minute exceeded/);
    // Another address has its own; /v1 from this one is a budget apart.
    expect((await api.inject({ url: '/feeds/items.atom', remoteAddress: '198.51.100.8' })).statusCode).toBe(200);
    expect((await api.inject({ url: '/v1/items', remoteAddress: office })).statusCode).toBe(200);
  });

  it('with an API key spend the key’s one budget, 304s given back too', async () => {
    const api = await app();
    const { key } = await createTestKey(test.database.db, { ratePerMinute: 2 });
    const fetched = await api.inject({ url: '/feeds/stories.rss', headers: bearer(key) });
    expect(fetched.statusCode).toBe(200);
    for (let n = 0; n < 3; n += 1) {
      const revalidated = await api.inject({
        url: '/feeds/stories.rss',
        headers: { ...bearer(key), 'if-none-match': String(fetched.headers.etag) },
      });
      expect(revalidated.statusCode).toBe(304);
    }
    expect((await api.inject({ url: '/v1/items', headers: bearer(key) })).statusCode).toBe(200);
    expect((await api.inject({ url: '/v1/items', headers: bearer(key) })).statusCode).toBe(429);
  });
});
