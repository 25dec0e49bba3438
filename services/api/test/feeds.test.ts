import { normaliseEntry, type SourceKind, tagItem } from '@regwatch/core';
import { insertSource } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';
import { createTestDatabase, readWithFeedparser, type TestDatabase } from '@regwatch/testing';
import { parseJsonFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

// Issue 6: the feeds DPOs subscribe to, read back by independent parsers (Debian's Python
// feedparser for RSS and Atom, feedsmith for JSON Feed), conditional GET, filters, OPML.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;

const sources: { id: string; name: string; kind: SourceKind; jurisdictions: string[]; language: string }[] = [
  { id: 'ico', name: 'ICO', kind: 'regulator', jurisdictions: ['GB'], language: 'en' },
  { id: 'press', name: 'The Press <& Co>', kind: 'press', jurisdictions: [], language: 'en' },
  { id: 'cnil', name: 'CNIL', kind: 'regulator', jurisdictions: ['FR'], language: 'fr' },
];

async function store(sourceId: string, guid: string, title: string, summary: string, published: string) {
  const source = sources.find((candidate) => candidate.id === sourceId);
  if (!source) throw new Error(sourceId);
  const result = normaliseEntry(
    { guid, link: `https://${sourceId}.example/${guid}`, title, summary, published },
    { sourceId, baseUrl: null, now: new Date('2026-11-01T00:00:00Z'), language: source.language },
  );
  if (!result.ok) throw new Error(result.reason);
  const tags = tagItem({ ...result.item, sourceJurisdictions: source.jurisdictions, sourceKind: source.kind });
  return storeItem(test.database.db, result.item, { jurisdictions: source.jurisdictions, tags });
}

beforeAll(async () => {
  test = await createTestDatabase('apifeeds');
  for (const source of sources) {
    await insertSource(test.database.db, {
      ...source,
      url: `https://${source.id}.example/feed`,
      pollIntervalSeconds: 900,
    });
  }
  // One story told twice (the press first, the regulator's notice primary), and one hostile item.
  await store(
    'press',
    'p1',
    'Retailer Brightmart fined £3m by ICO over facial recognition cameras',
    'Brightmart scanned the faces of shoppers in 35 stores, the ICO said.',
    '2026-05-04T08:00:00Z',
  );
  await store(
    'ico',
    'n1',
    'ICO fines Brightmart £3m for unlawful facial recognition in shops',
    'We have fined Brightmart Ltd £3m for scanning the faces of shoppers in 35 stores.',
    '2026-05-04T11:00:00Z',
  );
  await store(
    'press',
    'p2',
    'Hostile <script>alert(1)</script> ]]> title \u0007 with & and < and \ud800 and 🚀',
    '<p onclick="steal()">Read <a href="javascript:alert(1)">this</a> ]]> now</p>',
    '2026-05-01T08:00:00Z',
  );
  await store(
    'cnil',
    'c1',
    'Sanction de 150 000 euros à l’encontre de la société Quillon',
    'La formation restreinte de la CNIL a prononcé une amende.',
    '2026-04-20T08:00:00Z',
  );
  api = await buildTestApp(test.database, { config: { FEED_CACHE_SECONDS: 0, PUBLIC_URL: 'https://feeds.example' } });
});
afterAll(async () => {
  await api.close();
  await test.drop();
});

async function feed(path: string) {
  const response = await api.app.inject(path);
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

describe('/feeds', () => {
  it('serves RSS and Atom that Python’s feedparser reads without error, with the same entries as the API', async () => {
    const stories = (await api.app.inject('/v1/stories')).json().data as {
      id: string;
      title: string;
      items: { url: string }[];
    }[];
    const items = (await api.app.inject('/v1/items')).json().data as { id: string; title: string; url: string }[];
    const documents: Record<string, string> = {};
    for (const path of ['stories.rss', 'stories.atom', 'items.rss', 'items.atom']) {
      documents[path] = (await feed(`/feeds/${path}`)).body;
    }
    const reports = readWithFeedparser(documents);
    for (const [path, report] of Object.entries(reports)) {
      expect(report.xml_error, path).toBeNull();
      expect(report.bozo, `${path}: ${report.bozo_exception}`).toBe(false);
      expect(report.version, path).toBe(path.endsWith('.rss') ? 'rss20' : 'atom10');
      const expected = path.startsWith('stories') ? stories : items;
      expect(
        report.entries.map((entry) => entry.id),
        path,
      ).toEqual(
        expected.map(
          (entry) => `tag:regwatch.invalid,2026:${path.startsWith('stories') ? 'story' : 'item'}/${entry.id}`,
        ),
      );
      expect(report.entries.map((entry) => entry.title)).toEqual(expected.map((entry) => entry.title));
    }
    // A story lists every outlet's link, the primary (the regulator's notice) first.
    const brightmart = reports['stories.rss']?.entries.find((entry) => entry.title?.startsWith('ICO fines'));
    const story = stories.find((candidate) => candidate.title.startsWith('ICO fines'));
    expect(brightmart?.link).toBe(story?.items[0]?.url);
    const content = brightmart?.summary ?? brightmart?.content ?? '';
    expect(content.indexOf('https://ico.example/n1')).toBeLessThan(content.indexOf('https://press.example/p1'));
    expect(content.indexOf('https://press.example/p1')).toBeGreaterThan(-1);
    expect(reports['stories.rss']?.feed.links).toEqual(
      expect.arrayContaining([{ rel: 'self', href: 'https://feeds.example/feeds/stories.rss?limit=50' }]),
    );
  });

  it('serves JSON Feed 1.1 that feedsmith reads, with the same entries', async () => {
    const response = await feed('/feeds/items.json');
    expect(response.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const parsed = parseJsonFeed(response.body);
    const items = (await api.app.inject('/v1/items')).json().data as { id: string }[];
    expect(parsed.items?.map((item) => item.id)).toEqual(
      items.map((item) => `tag:regwatch.invalid,2026:item/${item.id}`),
    );
  });

  it('keeps hostile text harmless: no script, event handler or javascript: link, nothing that breaks the XML', async () => {
    for (const path of ['/feeds/items.rss', '/feeds/items.atom', '/feeds/stories.rss', '/feeds/items.json']) {
      const body = (await feed(path)).body;
      expect(body, path).not.toMatch(/<script/i);
      expect(body, path).not.toMatch(/onclick=/i);
      expect(body, path).not.toMatch(/javascript:/i);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that none are there.
      expect(body, path).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      expect(body, path).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });

  it('takes the filters of /v1, and answers a bad one with a 400 naming it', async () => {
    const gb = readWithFeedparser({ gb: (await feed('/feeds/items.rss?jurisdiction=GB&kind=regulator')).body }).gb;
    expect(gb?.entries.map((entry) => entry.link)).toEqual(['https://ico.example/n1']);
    expect(gb?.feed.title).toBe('Regwatch items: United Kingdom (GB); kind regulator');
    const bad = await api.app.inject('/feeds/stories.atom?jurisdiction=UK');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('"jurisdiction"');
    expect((await api.app.inject('/feeds/stories.rss?colour=blue')).statusCode).toBe(400);
  });

  it('answers a conditional GET with 304 while nothing changed, and with the new feed once it has', async () => {
    const first = await feed('/feeds/stories.rss');
    const etag = first.headers.etag as string;
    const modified = first.headers['last-modified'] as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(modified).toBe('Mon, 04 May 2026 11:00:00 GMT');
    const byTag = await api.app.inject({ url: '/feeds/stories.rss', headers: { 'if-none-match': etag } });
    expect(byTag.statusCode).toBe(304);
    expect(byTag.body).toBe('');
    // No body, so no length or type of one: a stated Content-Length makes some clients wait for bytes.
    expect(byTag.headers['content-length'] ?? '0').toBe('0');
    expect(byTag.headers['content-type']).toBeUndefined();
    expect(byTag.headers.etag).toBe(etag);
    const byDate = await api.app.inject({ url: '/feeds/stories.rss', headers: { 'if-modified-since': modified } });
    expect(byDate.statusCode).toBe(304);

    await store(
      'press',
      'p3',
      'Quillon Bank reprimanded over marketing emails',
      'Quillon Bank sent spam.',
      '2026-05-06T08:00:00Z',
    );
    const changed = await api.app.inject({ url: '/feeds/stories.rss', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.headers['last-modified']).toBe('Wed, 06 May 2026 08:00:00 GMT');
  });

  it('issue 11: gives every entry its own language, as feedparser and feedsmith read it', async () => {
    const items = (await api.app.inject('/v1/items')).json().data as { id: string; language: string | null }[];
    expect(items.map((item) => item.language)).toContain('fr');
    const reports = readWithFeedparser({
      atom: (await feed('/feeds/items.atom')).body,
      rss: (await feed('/feeds/items.rss')).body,
      storiesAtom: (await feed('/feeds/stories.atom')).body,
    });
    // Atom: xml:lang on each entry; RSS: dc:language on an item whose language is not the channel's (en).
    expect(reports.atom?.entries.map((entry) => entry.language)).toEqual(items.map((item) => item.language));
    expect(reports.rss?.entries.map((entry) => entry.language)).toEqual(
      items.map((item) => (item.language === 'en' ? null : item.language)),
    );
    expect(reports.storiesAtom?.entries.map((entry) => entry.language)).toContain('fr');
    const json = parseJsonFeed((await feed('/feeds/items.json')).body);
    expect(json.items?.map((item) => item.language)).toEqual(items.map((item) => item.language));
  });

  it('issue 14: links each feed to the newsfeed page with the same filter, and each story entry to its page', async () => {
    const query = '?jurisdiction=GB';
    const rssBody = (await feed(`/feeds/stories.rss${query}`)).body;
    const atomBody = (await feed(`/feeds/stories.atom${query}`)).body;
    const rss = readWithFeedparser({ rss: rssBody }).rss;
    const atom = readWithFeedparser({ atom: atomBody }).atom;
    const json = parseJsonFeed((await feed(`/feeds/stories.json${query}`)).body);
    const pageUrl = 'https://feeds.example/?jurisdiction=GB';
    expect(rss?.feed.link).toBe(pageUrl);
    expect(atom?.feed.links).toContainEqual({ rel: 'alternate', href: pageUrl });
    expect(json.home_page_url).toBe(pageUrl);
    const home = await api.app.inject('/?jurisdiction=GB');
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    // The entry's main link stays the article; its story page is linked beside it.
    const stories = (await api.app.inject(`/v1/stories${query}`)).json().data as {
      id: string;
      items: { url: string }[];
    }[];
    const storyPage = `https://feeds.example/stories/${stories[0]?.id}`;
    expect(atomBody).toContain(`<link rel="related" type="text/html" href="${storyPage}"/>`);
    expect(rssBody).toContain(storyPage);
    expect(json.items?.[0]?.url).toBe(stories[0]?.items[0]?.url);
    expect(json.items?.[0]?.content_html).toContain(storyPage);
    expect(rssBody).toContain('<?xml-stylesheet type="text/xsl" href="/feeds/feed.xsl"?>');
    expect(atomBody).toContain('<?xml-stylesheet type="text/xsl" href="/feeds/feed.xsl"?>');
  });

  it('issue 11: serves each feed as a page a person can open: 200 text/html, the same entries, the feeds announced', async () => {
    const query = '?jurisdiction=GB';
    const pageUrl = 'https://feeds.example/feeds/stories.html?jurisdiction=GB&limit=50';
    const page = await feed(new URL(pageUrl).pathname + new URL(pageUrl).search);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toMatch(/^<!doctype html>/);
    const stories = (await api.app.inject(`/v1/stories${query}`)).json().data as { title: string }[];
    const escaped = (text: string) =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
    expect(stories.length).toBeGreaterThan(0);
    for (const story of stories) expect(page.body).toContain(`>${escaped(story.title)}</a></h2>`);
    expect(page.body.match(/<article /g)).toHaveLength(stories.length);
    expect(page.body).toContain(
      '<link rel="alternate" type="application/rss+xml" title="RSS" href="https://feeds.example/feeds/stories.rss?jurisdiction=GB&amp;limit=50">',
    );
    // Every page is served the same way: no script, and a 304 when nothing changed.
    expect(page.body).not.toMatch(/<script/i);
    const again = await api.app.inject({
      url: '/feeds/items.html',
      headers: { 'if-none-match': (await feed('/feeds/items.html')).headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('lists ready-made story feeds per jurisdiction in an OPML file', async () => {
    const response = await feed('/feeds/opml');
    expect(response.headers['content-type']).toBe('text/x-opml; charset=utf-8');
    expect(response.body).toContain('xmlUrl="https://feeds.example/feeds/stories.rss?jurisdiction=GB"');
    expect(response.body).toContain('htmlUrl="https://feeds.example/?jurisdiction=GB"');
    expect(response.body).toContain('xmlUrl="https://feeds.example/feeds/stories.rss?jurisdiction=EU&amp;expand=true"');
    const gbFeed = await feed('/feeds/stories.rss?jurisdiction=GB');
    expect(readWithFeedparser({ gb: gbFeed.body }).gb?.entries.length).toBeGreaterThan(0);
  });
});
