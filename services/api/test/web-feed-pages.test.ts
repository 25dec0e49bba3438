import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { insertWebSources, storeEntry } from './web-fixtures.ts';

// Issue 14: a feed opened in a browser is a readable page; feed readers keep getting the feed.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

beforeAll(async () => {
  test = await createTestDatabase('apiwebfeeds');
  await insertWebSources(test.database.db);
  await storeEntry(test.database.db, 'ico', {
    guid: 'n1',
    title: 'ICO fines Brightmart £3m for unlawful facial recognition in shops',
    summary: 'We have fined Brightmart Ltd £3m for scanning the faces of shoppers in 35 stores.',
    published: '2026-05-04T11:00:00Z',
  });
  api = await buildTestApp(test.database, { config: { FEED_CACHE_SECONDS: 0, PUBLIC_URL: 'https://news.example' } });
});
afterAll(async () => {
  await api?.close();
  await test?.drop();
});

describe('feeds opened in a browser (issue 14)', () => {
  it.each([
    ['/feeds/stories.rss?jurisdiction=GB', 'RSS 2.0', '/feeds/stories.rss?jurisdiction=GB&amp;limit=50'],
    ['/feeds/stories.atom', 'Atom 1.0', '/feeds/stories.atom?limit=50'],
    ['/feeds/items.json', 'JSON Feed 1.1', '/feeds/items.json?limit=50'],
  ])('answers a navigation to %s with a page of the feed and its address to copy', async (url, format, address) => {
    for (const headers of [{ 'sec-fetch-dest': 'document', accept: browserAccept }, { accept: browserAccept }]) {
      const response = await api.app.inject({ url, headers });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers.vary).toContain('Sec-Fetch-Dest');
      expect(response.headers.vary).toContain('Accept');
      expect(response.headers['content-security-policy']).toContain('style-src');
      expect(response.body).toContain(
        `This is ${format.startsWith('RSS') || format.startsWith('Atom') ? 'an' : 'a'} ${format} feed.`,
      );
      expect(response.body).toContain(`value="https://news.example${address}"`);
      expect(response.body).toContain('ICO fines Brightmart');
    }
  });

  it.each([
    { accept: 'application/rss+xml, application/xml;q=0.9, */*;q=0.8' },
    { accept: '*/*' },
    {},
    { 'sec-fetch-dest': 'empty', accept: browserAccept },
  ])('keeps sending feed readers the feed unchanged (%o)', async (headers) => {
    const plain = await api.app.inject('/feeds/stories.rss');
    const response = await api.app.inject({ url: '/feeds/stories.rss', headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(plain.headers['content-type']);
    expect(response.headers.vary).toContain('Accept');
    expect(response.body).toBe(plain.body);
  });

  it('serves the XSL stylesheet the RSS and Atom feeds name, well-formed, as text/xsl', async () => {
    const rss = await api.app.inject('/feeds/stories.rss');
    expect(rss.body.split('\n')[1]).toBe('<?xml-stylesheet type="text/xsl" href="/feeds/feed.xsl"?>');
    const response = await api.app.inject('/feeds/feed.xsl');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/xsl; charset=utf-8');
    expect(response.headers.etag).toBeTruthy();
    const { DOMParser } = new JSDOM().window;
    const stylesheet = new DOMParser().parseFromString(response.body, 'application/xml');
    expect(stylesheet.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(stylesheet.documentElement.localName).toBe('stylesheet');
    expect(stylesheet.documentElement.namespaceURI).toBe('http://www.w3.org/1999/XSL/Transform');
    const again = await api.app.inject({ url: '/feeds/feed.xsl', headers: { 'if-none-match': response.headers.etag } });
    expect(again.statusCode).toBe(304);
  });
});
