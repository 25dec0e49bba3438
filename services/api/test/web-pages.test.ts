import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { testRoundupSecret } from './roundup-fixtures.ts';
import { absorbedStory, insertWebSources, seededWords, storeEntry, storyOf } from './web-fixtures.ts';

// Issue 14: the public newsfeed pages, by inject: status, headers, caching, 400/404/301, size.
let test: TestDatabase;
let busyTest: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let busy: Awaited<ReturnType<typeof buildTestApp>>;
let brightmart: string;
let absorbed: string;
let quillon: string;
const now = Date.parse('2026-05-06T12:00:00Z');
const maxPageBytes = 100 * 1024;

beforeAll(async () => {
  test = await createTestDatabase('apiwebpages');
  const { db } = test.database;
  await insertWebSources(db);
  const press = await storeEntry(db, 'press', {
    guid: 'p1',
    title: 'Retailer Brightmart fined £3m by ICO over facial recognition cameras',
    summary: 'Brightmart scanned the faces of shoppers in 35 stores, the ICO said.',
    published: '2026-05-04T08:00:00Z',
  });
  const notice = await storeEntry(db, 'ico', {
    guid: 'n1',
    title: 'ICO fines Brightmart £3m for unlawful facial recognition in shops',
    summary: 'We have fined Brightmart Ltd £3m for scanning the faces of shoppers in 35 stores.',
    published: '2026-05-04T11:00:00Z',
  });
  expect(notice.storyId).toBe(press.storyId);
  const appeal = await storeEntry(db, 'press', {
    guid: 'p3',
    title: 'Brightmart says it will appeal the penalty over its shop cameras',
    summary: 'The retailer Brightmart disputes the facts of the case.',
    published: '2026-05-05T08:00:00Z',
  });
  // The three in one story, the ICO's notice primary, whatever the clustering made of the third.
  brightmart = await storyOf(db, [notice.itemId, press.itemId, appeal.itemId]);
  absorbed = await absorbedStory(db, brightmart);
  quillon = (
    await storeEntry(db, 'cnil', {
      guid: 'c1',
      title: 'Sanction de 150 000 euros à l’encontre de la société Quillon',
      summary: 'La formation restreinte de la CNIL a prononcé une amende.',
      published: '2026-04-20T08:00:00Z',
    })
  ).storyId;
  api = await buildTestApp(test.database, {
    now: () => now,
    config: { PUBLIC_URL: 'https://news.example', ROUNDUP_SECRET: testRoundupSecret },
  });

  busyTest = await createTestDatabase('apiwebbusy');
  await insertWebSources(busyTest.database.db);
  // The biggest first page: a busy week, every story with ten outlets and long titles and summaries.
  // Stored first, then grouped: the clustering could otherwise merge the groups as they grow.
  const groups: string[][] = [];
  for (let story = 0; story < 30; story++) {
    const ids: string[] = [];
    groups.push(ids);
    for (let outlet = 0; outlet < 10; outlet++) {
      const seed = story * 100 + outlet;
      const stored = await storeEntry(busyTest.database.db, outlet % 2 === 0 ? 'press' : 'ico', {
        guid: `busy-${seed}`,
        title: `${seededWords(seed, 40)} Meta Facebook United Kingdom children`.slice(0, 300),
        summary: seededWords(seed + 7, 400),
        published: new Date(Date.parse('2026-09-04T00:00:00Z') + seed * 60_000).toISOString(),
        link: `https://press.example/${'long-path-segment/'.repeat(8)}${seed}`,
      });
      ids.push(stored.itemId);
    }
  }
  for (const ids of groups) await storyOf(busyTest.database.db, ids);
  busy = await buildTestApp(busyTest.database, { now: () => Date.parse('2026-09-10T00:00:00Z') });
}, 120_000);
afterAll(async () => {
  await busy?.close();
  await api?.close();
  await test?.drop();
  await busyTest?.drop();
});

describe('the newsfeed at / (issue 14)', () => {
  it('lists the week’s stories with their outlets, tags as links and the feeds of the same filter, cached like /v1', async () => {
    const response = await api.app.inject('/?jurisdiction=GB');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    const body = response.body;
    expect(body).toContain(`<a href="/stories/${brightmart}">`);
    expect(body).toContain('<a href="https://ico.example/n1">');
    expect(body).toContain('<a href="/?jurisdiction=GB" title="jurisdiction">');
    expect(body).toContain('The Press &lt;&amp; Co&gt;');
    expect(body).toContain('href="https://news.example/feeds/stories.rss?jurisdiction=GB"');
    // Every feed at once, for a reader's import: the three OPML lists.
    for (const list of ['/feeds/opml', '/feeds/opml/topics', '/feeds/opml/platforms']) {
      expect(body).toContain(`href="${list}"`);
      expect((await api.app.inject(list)).statusCode, list).toBe(200);
    }
    expect(body).toContain('href="https://news.example/feeds/stories.atom?jurisdiction=GB"');
    expect(body).toContain('href="https://news.example/feeds/stories.json?jurisdiction=GB"');
    expect(body).toContain('href="/subscribe?jurisdiction=GB"');
    expect(body).toContain('<option value="GB" selected>');
    expect(body).toContain('<a href="/" aria-current="page">Newsfeed</a>');
    // The ICO's notice is the primary: listed first.
    expect(body.indexOf('https://ico.example/n1')).toBeLessThan(body.indexOf('https://press.example/p1'));
    expect(body).not.toContain('Quillon');
    expect(body).not.toMatch(/<script/i);

    const again = await api.app.inject({
      url: '/?jurisdiction=GB',
      headers: { 'if-none-match': response.headers.etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('pages back past the week with the opaque cursor of /v1/stories', async () => {
    const first = await api.app.inject('/');
    const older = /<a href="([^"]+)" rel="next">Older stories<\/a>/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    expect(older).toMatch(/^\/\?cursor=/);
    const page = await api.app.inject(older ?? '');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<a href="/stories/${quillon}">`);
    expect(page.body).toContain('Older stories</h2>');
  });

  it('opens a quiet week on the newest stories, said to be older, rather than on an empty page', async () => {
    const later = await buildTestApp(test.database, { now: () => now + 60 * 86_400_000 });
    try {
      const response = await later.app.inject('/');
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('The latest stories (none in the last 7 days)');
      expect(response.body).toContain(`<a href="/stories/${brightmart}">`);
      expect(response.body).toContain(`<a href="/stories/${quillon}">`);
    } finally {
      await later.close();
    }
  });

  it('sends the form’s empty controls on to the filter language’s URL', async () => {
    const response = await api.app.inject('/?jurisdiction=GB&platform=&topic=&kind=&q=');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/?jurisdiction=GB');
  });

  it.each([
    ['/?jurisdiction=UK', /"jurisdiction" .*GB/],
    ['/?platform=nope', /"platform" names an unknown platform "nope": it takes platform ids/],
    ['/?colour=red', /"colour" is not a filter: the filters are jurisdiction, platform/],
    ['/?cursor=xyz', /"cursor" is not one this site gave/],
    ['/?since=yesterday', /"since" .*ISO 8601/],
  ])('answers %s with a 400 page saying what is accepted, in one line', async (url, message) => {
    const response = await api.app.inject(url);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const line = (/<p class="error" role="alert">([^<]*)<\/p>/.exec(response.body)?.[1] ?? '').replace(/&quot;/g, '"');
    expect(line).toMatch(message);
    expect(line).not.toContain('\n');
  });

  it('keeps the biggest page (a busy week, ten outlets a story) under 100 KB', async () => {
    const response = await busy.app.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.body.match(/<article /g)).toHaveLength(20);
    expect(Buffer.byteLength(response.body)).toBeLessThanOrEqual(maxPageBytes);
    expect(response.body).toContain('rel="next">Older stories');
  });
});

describe('a story’s page (issue 14)', () => {
  it('shows every item, its alternates and the evidence of each tag', async () => {
    const response = await api.app.inject(`/stories/${brightmart}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const body = response.body;
    for (const url of ['https://ico.example/n1', 'https://press.example/p1', 'https://press.example/p3']) {
      expect(body).toContain(`href="${url}"`);
    }
    expect(body).toContain('<a href="/?jurisdiction=GB">United Kingdom</a> (GB)');
    expect(body).toMatch(/“GB” in the source’s settings of ICO’s item \(rule: source-default\)/);
    expect(body).toMatch(/“[^”]*[Ff]acial recognition[^”]*” in the title/);
  });

  it('sends a merged story’s id to the story it went into, and answers an unknown one with a 404 page', async () => {
    const moved = await api.app.inject(`/stories/${absorbed}`);
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(`/stories/${brightmart}`);
    for (const id of ['999999999', 'not-a-number']) {
      const missing = await api.app.inject(`/stories/${id}`);
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(missing.body).toContain('No such story');
    }
  });

  it('keeps the busiest story’s page under 100 KB', async () => {
    const stories = (await busy.app.inject('/v1/stories?limit=1')).json().data as { id: string }[];
    const response = await busy.app.inject(`/stories/${stories[0]?.id}`);
    expect(response.statusCode).toBe(200);
    expect(Buffer.byteLength(response.body)).toBeLessThanOrEqual(maxPageBytes);
  });
});

describe('/sources (issue 14)', () => {
  it('lists every source with its kind, jurisdictions, links and health', async () => {
    const response = await api.app.inject('/sources');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toMatch(/^public/);
    for (const name of ['ICO', 'CNIL', 'The Press &lt;&amp; Co&gt;']) expect(response.body).toContain(name);
    expect(response.body).toContain('<a href="https://ico.example/feed">feed</a>');
    expect(response.body).toContain('<td>pending</td>');
    expect(response.body).toContain('<a href="/sources" aria-current="page">Sources</a>');
    // ICO: one item in the last 7 days (04 May), one in 28.
    expect(response.body).toMatch(/ico<\/span><\/th>[\s\S]*?<td>1<\/td>\n<td>1<\/td>\n<\/tr>/);
  });
  it('leaves out of its counts an item an editor withdrew', async () => {
    const { db } = test.database;
    const withdrawn = await storeEntry(db, 'ico', {
      guid: 'n-withdrawn',
      title: 'ICO reprimands Northwind Council over lost laptops',
      summary: 'The council lost two unencrypted laptops holding case files.',
      published: '2026-05-05T09:00:00Z',
    });
    await test.database.pool.query(`update items set withdrawn_at = now(), withdrawn_as = 'taken-down' where id = $1`, [
      withdrawn.itemId,
    ]);
    const response = await api.app.inject('/sources');
    expect(response.body).toMatch(/ico<\/span><\/th>[\s\S]*?<td>1<\/td>\n<td>1<\/td>\n<\/tr>/);
  });
});

describe('the roundups in the layout (issue 14)', () => {
  it('shows /roundups with the nav, current section marked', async () => {
    const response = await api.app.inject('/roundups');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<a href="/roundups" aria-current="page">Roundups</a>');
    expect(response.body).toContain('<a class="skip" href="#content">Skip to content</a>');
  });

  it('prefills the subscribe form from the filter in its query', async () => {
    const response = await api.app.inject('/subscribe?jurisdiction=GB&topic=enforcement');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toContain('<option value="GB" selected>');
    expect(response.body).toContain('name="topic" value="enforcement" checked');
  });
});
