import { readFileSync } from 'node:fs';
import { normaliseEntry, RegwatchError } from '@regwatch/core';
import { describe, expect, it } from 'vitest';
import { feedAdapter } from '../src/index.ts';

const testdata = (name: string) => readFileSync(new URL(`../testdata/feed/${name}`, import.meta.url));
const parse = (body: Uint8Array | string, url = 'https://example.org/feed', contentType: string | null = null) =>
  feedAdapter.parse({ body: typeof body === 'string' ? Buffer.from(body) : body, contentType, url });

async function parseError(body: string): Promise<RegwatchError> {
  try {
    await parse(body);
  } catch (error) {
    if (error instanceof RegwatchError) return error;
    throw error;
  }
  throw new Error('expected a parse error');
}

describe('feed adapter on recorded real feeds', () => {
  it('reads the OPC PIPEDA findings feed: relative links, two-digit years, inline HTML', async () => {
    const url = 'https://www.priv.gc.ca/en/rss/pipeda/';
    const feed = await parse(testdata('opc-pipeda.xml'), url);
    expect(feed.language).toBe('en-CA');
    expect(feed.entries).toHaveLength(3);
    const items = feed.entries.map((entry) => {
      const result = normaliseEntry(entry, {
        sourceId: 'opc',
        baseUrl: url,
        language: feed.language,
        now: new Date('2026-11-01'),
      });
      if (!result.ok) throw new Error(result.reason);
      return result.item;
    });
    expect(items.map((item) => [item.publishedAt.slice(0, 10), item.url])).toEqual([
      [
        '2026-07-14',
        'https://www.priv.gc.ca/en/opc-actions-and-decisions/investigations/investigations-into-businesses/2026/2026-westjet-cl/',
      ],
      [
        '2026-06-11',
        'https://www.priv.gc.ca/en/opc-actions-and-decisions/investigations/investigations-into-businesses/2026/pipeda-2026-004/',
      ],
      [
        '2026-01-09',
        'https://www.priv.gc.ca/en/opc-actions-and-decisions/investigations/investigations-into-businesses/2026/pipeda-2026-003/',
      ],
    ]);
    expect(items[1]?.summary).toBe(
      'Commissioner-initiated complaints concerning X Corp.’s and X.AI LLC’s compliance with PIPEDA',
    );
    expect(items.every((item) => item.language === 'en' && !item.title.includes('<'))).toBe(true);
    expect(new Set(items.map((item) => item.guid)).size).toBe(3);
  });

  it('reads Atom (heise): ids as guids, alternate links, RFC 3339 dates', async () => {
    const feed = await parse(testdata('heise.atom'));
    expect(feed.entries.length).toBeGreaterThan(10);
    const [first] = feed.entries;
    expect(first?.guid).toMatch(/^http:\/\/heise\.de\/-\d+$/);
    expect(first?.link).toMatch(/^http:\/\/www\.heise\.de\/developer\/meldung\//);
    expect(first?.published).toBe('2016-02-01T17:22:00+01:00');
    expect(first?.title).toBe('Java-Anwendungsserver: Red Hat gibt WildFly 10 frei');
  });

  it('reads RSS 1.0 (RDF) with dc:date', async () => {
    const feed = await parse(testdata('rdf-utf8.xml'));
    expect(feed.entries.length).toBeGreaterThan(0);
    expect(feed.entries.every((entry) => entry.title && entry.link)).toBe(true);
  });

  it('reads an ISO-8859-1 feed into correct Unicode', async () => {
    const feed = await parse(testdata('iso-8859-1.xml'));
    const text = feed.entries.map((entry) => `${entry.title} ${entry.summary}`).join(' ');
    expect(text).not.toContain('\uFFFD');
    expect(text).toMatch(/[äöüÄÖÜß]/);
  });
});

describe('feed adapter on broken input', () => {
  it('classifies malformed XML as parse_malformed with the parser’s reason', async () => {
    const error = await parseError('<rss><channel><item><title>Unclosed</channel></rss>');
    expect(error.code).toBe('parse_malformed');
    expect(error.message).toMatch(/^feed is not well-formed XML: /);
  });

  it('classifies a document that is not a feed as parse_unsupported', async () => {
    expect((await parseError('<html><body>Not a feed</body></html>')).code).toBe('parse_unsupported');
    expect((await parseError('{"version": "not xml"}')).code).toBe('parse_unsupported');
    expect((await parseError('')).code).toBe('parse_unsupported');
  });

  it('reads an empty channel as no entries', async () => {
    const feed = await parse('<rss version="2.0"><channel><title>Empty</title></channel></rss>');
    expect(feed.entries).toEqual([]);
  });
});

// Issue 3: structures found in the peer test suites (test/peer-suites.corpus.test.ts) that made rss-parser throw
// or lose the feed. Each is pinned here on the smallest document that showed it.
describe('feed adapter on odd structures (issue 3)', () => {
  it('reads <rss> without a version as RSS 2.0 instead of refusing it', async () => {
    const feed = await parse('<rss><channel><item><title>No version</title></item></channel></rss>');
    expect(feed.entries.map((entry) => entry.title)).toEqual(['No version']);
  });

  it.each([
    ['RSS 2.0 without a channel', '<rss version="2.0">\n</rss>'],
    ['RSS 0.91 without a channel', '<rss version="0.91"/>'],
    ['RSS 1.0 without a channel', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'],
    ['RSS 2.0 with an empty <channel/>', '<rss version="2.0"><channel/></rss>'],
  ])('reads %s as no entries (RSS without a channel threw a TypeError)', async (_kind, xml) => {
    expect((await parse(xml)).entries).toEqual([]);
  });

  it('keeps the other entries of an Atom feed with an empty <entry> (String.prototype.link threw)', async () => {
    const feed = await parse(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry>\n</entry>' +
        '<entry><title>Second</title><link href="https://example.org/2"/></entry></feed>',
    );
    expect(feed.entries).toHaveLength(2);
    expect(feed.entries[1]).toMatchObject({ title: 'Second', link: 'https://example.org/2' });
  });

  it('keeps the URL of a text-only Atom <link> and skips attribute-less feed links', async () => {
    const feed = await parse(
      '<feed xmlns="http://www.w3.org/2005/Atom"><link>https://example.org/</link>' +
        '<entry><title>T</title><link>https://example.org/t</link></entry></feed>',
    );
    expect(feed.entries[0]).toMatchObject({ title: 'T', link: 'https://example.org/t' });
  });

  it('keeps an Atom entry whose date cannot be read, with the raw date (toISOString threw a RangeError)', async () => {
    const feed = await parse(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Bad date</title><published>last Tuesday</published>' +
        '<updated>2026-03-01T10:00:00Z</updated></entry><entry><title>Good</title></entry></feed>',
    );
    expect(feed.entries.map((entry) => [entry.title, entry.published, entry.updated])).toEqual([
      ['Bad date', 'last Tuesday', '2026-03-01T10:00:00Z'],
      ['Good', undefined, undefined],
    ]);
  });

  it('reads C1 controls from character references as windows-1252 (feedparser demoronize)', async () => {
    const feed = await parse('<rss version="2.0"><channel><item><title>don&#146;t</title></item></channel></rss>');
    expect(feed.entries[0]?.title).toBe('don’t');
  });

  it('is not left broken by a failed parse: xml2js state leaked into the next document, which never resolved', async () => {
    // Fails part-way, then the rest of the document closes the root and errs again: this used to
    // mark the shared parser as ended and failed, so every later parse stayed pending for ever.
    const poison = '<rss version="2.0"><channel><title>&bad;</title></channel></rss>junk';
    expect((await parseError(poison)).code).toBe('parse_malformed');
    expect((await parseError('<rss version="2.0"><channel>')).code).toBe('parse_malformed');
    const feed = await parse('<rss version="2.0"><channel><item><title>After</title></item></channel></rss>');
    expect(feed.entries.map((entry) => entry.title)).toEqual(['After']);
    // The same malformed document twice gets the same verdict (it used to alternate).
    const illFormed = '<feed xmlns="http://www.w3.org/2005/Atom"><copyright></rights></feed>';
    expect((await parseError(illFormed)).code).toBe('parse_malformed');
    expect((await parseError(illFormed)).code).toBe('parse_malformed');
  });
});

describe('feed adapter categories', () => {
  it('keeps RSS <category>, dc:subject and Atom category terms as the entry’s own labels', async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
<item><title>a</title><link>https://example.org/a</link><category>Privacy</category><category domain="x">Security</category><dc:subject>GDPR</dc:subject></item>
<item><title>b</title><link>https://example.org/b</link></item></channel></rss>`;
    const read = await feedAdapter.parse({
      body: Buffer.from(rss),
      contentType: null,
      url: 'https://example.org/feed',
    });
    expect(read.entries.map((entry) => entry.labels)).toEqual([
      { categories: ['Privacy', 'Security', 'GDPR'] },
      undefined,
    ]);
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id><updated>2026-01-01T00:00:00Z</updated>
<entry><title>a</title><id>urn:a</id><updated>2026-01-01T00:00:00Z</updated><link href="https://example.org/a"/><category term="Data protection"/></entry></feed>`;
    const atomRead = await feedAdapter.parse({
      body: Buffer.from(atom),
      contentType: null,
      url: 'https://example.org/feed',
    });
    expect(atomRead.entries[0]?.labels).toEqual({ categories: ['Data protection'] });
  });
});
