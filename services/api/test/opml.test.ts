import { createTestDatabase, readWithFeedparser, type TestDatabase } from '@regwatch/testing';
import { parseOpml } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { fixtureSources } from './web-fixtures.ts';

// Issue 16: OPML per topic and per platform, not only per jurisdiction: the same shape (an
// "Everything" feed, then folders of ready-made story feeds), valid OPML 2.0.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
const base = 'https://feeds.example';

const sources = fixtureSources([
  { id: 'dpc', name: 'dpc', kind: 'regulator', jurisdictions: ['IE'] },
  { id: 'press', name: 'press', kind: 'press', jurisdictions: [] },
]);

beforeAll(async () => {
  test = await createTestDatabase('apiopml');
  await sources.insert(test.database.db);
  await sources.store(test.database.db, 'dpc', {
    guid: 'd1',
    title: 'DPC fines Meta €405m over Instagram children’s accounts',
    summary:
      'The Data Protection Commission fined Meta Platforms Ireland over how Instagram handled the data of children.',
    published: '2026-05-04T08:00:00Z',
  });
  await sources.store(test.database.db, 'press', {
    guid: 'p1',
    title: 'LinkedIn sued over use of members’ data to train AI models',
    summary: 'A class action says LinkedIn shared private messages to train generative AI.',
    published: '2026-05-06T08:00:00Z',
  });
  api = await buildTestApp(test.database, { config: { PUBLIC_URL: base } });
});
afterAll(async () => {
  await api.close();
  await test.drop();
});

interface Outline {
  text?: string;
  type?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  outlines?: Outline[];
}

/** The list at `path` read by two readers that are not ours (expat with feedparser, and feedsmith). */
async function opml(path: string) {
  const response = await api.app.inject(path);
  expect(response.statusCode, path).toBe(200);
  expect(response.headers['content-type']).toBe('text/x-opml; charset=utf-8');
  expect(readWithFeedparser({ 'list.opml': response.body })['list.opml']?.xml_error).toBeNull();
  const parsed = parseOpml(response.body);
  expect(response.body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<opml version="2\.0">/);
  expect(parsed.head?.title).toBeTruthy();
  return {
    body: response.body,
    etag: response.headers.etag as string,
    outlines: (parsed.body?.outlines ?? []) as Outline[],
  };
}

/** OPML 2.0: every subscription is `type="rss"` with `text` and an absolute `xmlUrl`; folders hold them. */
function feedsOf(outlines: Outline[]): Outline[] {
  return outlines.flatMap((outline) => (outline.outlines ? feedsOf(outline.outlines) : [outline]));
}

describe('OPML per topic and per platform', () => {
  it('lists a stories feed per topic with stories, named and described by the taxonomy', async () => {
    const list = await opml('/feeds/opml/topics');
    expect(list.body).toContain('<title>Regwatch: stories by topic</title>');
    const [everything, topics, ...rest] = list.outlines;
    expect(everything).toMatchObject({ text: 'Everything', xmlUrl: `${base}/feeds/stories.rss` });
    expect(topics?.text).toBe('Topics');
    expect(rest).toEqual([]);
    const children = topics?.outlines?.find((feed) => feed.xmlUrl === `${base}/feeds/stories.rss?topic=children`);
    expect(children).toMatchObject({ type: 'rss', htmlUrl: `${base}/?topic=children` });
    for (const feed of feedsOf(list.outlines)) {
      expect(feed.type, feed.text).toBe('rss');
      expect(feed.xmlUrl, feed.text).toMatch(/^https:\/\/feeds\.example\/feeds\/stories\.rss/);
    }
    // Every feed listed has stories: each was chosen from the tag counts.
    for (const feed of topics?.outlines ?? []) {
      const rss = await api.app.inject((feed.xmlUrl ?? '').slice(base.length));
      expect(rss.statusCode).toBe(200);
      expect(rss.body, feed.xmlUrl).toContain('<item>');
    }
  });

  it('lists a stories feed per platform with stories, in a folder per kind of organisation', async () => {
    const list = await opml('/feeds/opml/platforms');
    expect(list.body).toContain('<title>Regwatch: stories by platform</title>');
    const feeds = feedsOf(list.outlines);
    const urls = feeds.map((feed) => feed.xmlUrl);
    for (const platform of ['meta', 'instagram', 'linkedin', 'microsoft']) {
      expect(urls, platform).toContain(`${base}/feeds/stories.rss?platform=${platform}`);
    }
    expect(list.body).toContain('description="Stories about Instagram, owned by Meta"');
    expect(list.body).toMatch(/description="Stories about Meta[^"]*, and what it owns"/);
    const folders = list.outlines.slice(1).map((folder) => folder.text ?? '');
    expect(folders.length).toBeGreaterThan(0);
    expect(folders).toEqual([...folders].sort((a, b) => a.localeCompare(b, 'en')));
    for (const feed of feeds.slice(1)) {
      const rss = await api.app.inject((feed.xmlUrl ?? '').slice(base.length));
      expect(rss.body, feed.xmlUrl).toContain('<item>');
    }
  });

  it('keeps the jurisdiction list as it was, and answers a revalidation with 304', async () => {
    const list = await opml('/feeds/opml');
    expect(list.body).toContain('<title>Regwatch: stories by jurisdiction</title>');
    expect(list.outlines.map((outline) => outline.text)).toEqual(['Everything', 'Blocs', 'Countries']);
    expect(feedsOf(list.outlines).map((feed) => feed.xmlUrl)).toContain(`${base}/feeds/stories.rss?jurisdiction=IE`);
    for (const path of ['/feeds/opml', '/feeds/opml/topics', '/feeds/opml/platforms']) {
      const { etag } = await opml(path);
      const again = await api.app.inject({ url: path, headers: { 'if-none-match': etag } });
      expect(again.statusCode, path).toBe(304);
    }
  });
});
