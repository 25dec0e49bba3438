import { type FeedEntry, type NormalisedItem, normaliseEntry } from '@regwatch/core';
import { describe, expect, it } from 'vitest';
import { jsonFeedAdapter } from '../src/json-feed/adapter.ts';
import { adapterFor } from '../src/registry.ts';
import { errorOf, readRecorded, recordedNow } from './support.ts';

function parse(body: string | Uint8Array, url = 'https://privacy.example.org/news/feed.json', contentType?: string) {
  return jsonFeedAdapter.parse({
    body: typeof body === 'string' ? Buffer.from(body) : body,
    contentType: contentType ?? 'application/feed+json',
    url,
  });
}

function normalise(entries: FeedEntry[], baseUrl: string, language?: string): NormalisedItem[] {
  return entries.map((entry) => {
    const result = normaliseEntry(entry, { sourceId: 'json-sample', baseUrl, language, now: recordedNow });
    if (!result.ok) throw new Error(result.reason);
    return result.item;
  });
}

const feed = (items: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items, ...extra });

describe('json-feed: a JSON Feed 1.1 sample (testdata/json-feed/sample-1.1.json)', () => {
  const url = 'https://privacy.example.org/news/feed.json';

  it('is the adapter registered for the json-feed format', () => {
    expect(adapterFor('json-feed')).toBe(jsonFeedAdapter);
  });

  it('reads the feed head and skips items that are not objects', async () => {
    const parsed = await parse(readRecorded('json-feed/sample-1.1.json'), url);
    expect(parsed).toMatchObject({
      title: 'Example Privacy Office — news',
      link: 'https://privacy.example.org/news/',
      language: 'en-GB',
    });
    expect(parsed.entries.map((entry) => entry.guid)).toEqual([
      'https://privacy.example.org/news/2026/11/fine-for-unlawful-cookie-tracking',
      '20261105',
      'linkblog-2026-11-01',
      'no-title-2026-10-30',
      'odd-types',
    ]);
  });

  it('maps id, url, title, content, summary, dates, authors, language and tags', async () => {
    const parsed = await parse(readRecorded('json-feed/sample-1.1.json'), url);
    expect(parsed.entries[0]).toEqual({
      guid: 'https://privacy.example.org/news/2026/11/fine-for-unlawful-cookie-tracking',
      link: 'https://privacy.example.org/news/2026/11/fine-for-unlawful-cookie-tracking?utm_source=jsonfeed',
      title: 'Fine of €1.2 million for unlawful cookie tracking',
      summary: 'Advertising cookies were set before consent &amp; without a working opt-out.',
      content:
        '<p>The authority has fined <strong>Shop &amp; Go Ltd</strong> for setting advertising cookies before consent.</p><script>track()</script>',
      author: 'Ada Example, Ben Example',
      published: '2026-11-12T09:30:00+01:00',
      updated: '2026-11-13T10:00:00+01:00',
      language: undefined,
      labels: { categories: ['Fines', 'Cookies', 'ePrivacy'] },
    });
    const items = normalise(parsed.entries, url, parsed.language);
    expect(items[0]).toMatchObject({
      url: 'https://privacy.example.org/news/2026/11/fine-for-unlawful-cookie-tracking?utm_source=jsonfeed',
      canonicalUrl: 'privacy.example.org/news/2026/11/fine-for-unlawful-cookie-tracking',
      summary: 'Advertising cookies were set before consent & without a working opt-out.',
      content: 'The authority has fined Shop & Go Ltd for setting advertising cookies before consent.',
      publishedAt: '2026-11-12T08:30:00.000Z',
      publishedPrecision: 'instant',
      publishedFrom: 'entry',
      language: 'en',
      author: 'Ada Example, Ben Example',
    });
  });

  it('coerces a numeric id, resolves a relative url, keeps plain text as text, honours item language', async () => {
    const parsed = await parse(readRecorded('json-feed/sample-1.1.json'), url);
    const items = normalise(parsed.entries, url, parsed.language);
    expect(items[1]).toMatchObject({
      guid: '20261105',
      url: 'https://privacy.example.org/news/2026/11/guidance-on-ai-and-data-protection',
      content: 'Plain text content: controllers using AI must run a DPIA where risk is high <not an HTML tag>.',
      language: 'fr',
      // No item authors: the feed's authors are the item's (JSON Feed 1.1).
      author: 'Press office',
      labels: { categories: ['Guidance', 'AI'] },
    });
  });

  it('falls back to external_url, to the content for a missing title, and ignores fields of the wrong type', async () => {
    const parsed = await parse(readRecorded('json-feed/sample-1.1.json'), url);
    const items = normalise(parsed.entries, url, parsed.language);
    expect(items[2]?.url).toBe('https://press.example.net/2026/11/01/regulators-meet-on-children-s-privacy');
    expect(items[2]?.publishedAt).toBe('2026-11-01T21:45:00.000Z');
    expect(items[3]?.title).toBe('Our annual report for 2025–26 is out.');
    expect(parsed.entries[4]).toMatchObject({ guid: 'odd-types', link: undefined, title: undefined });
    expect(parsed.entries[4]?.published).toBeUndefined();
    expect(parsed.entries[4]?.labels).toBeUndefined();
    expect(items[4]).toMatchObject({ url: null, title: 'Fields of the wrong type are ignored, not fatal.' });
    expect(items[4]?.publishedFrom).toBe('first-seen');
  });
});

describe('json-feed: JSON Feed 1.0', () => {
  it('reads the 1.0 author objects, at item and feed level', async () => {
    const url = 'https://blog.example.com/feed.json';
    const parsed = await parse(readRecorded('json-feed/sample-1.0.json'), url);
    expect(parsed.language).toBeUndefined();
    const items = normalise(parsed.entries, url, 'en');
    expect(items.map((item) => [item.title, item.author, item.publishedAt, item.content])).toEqual([
      [
        'Subject access requests: when the clock starts',
        'Cara Example',
        '2026-10-20T12:00:00.000Z',
        'One month, usually.',
      ],
      [
        'Breach notification in 72 hours',
        'Example Blog Team',
        '2026-10-10T05:15:00.000Z',
        'Notify the authority within 72 hours of becoming aware.',
      ],
    ]);
  });
});

describe('json-feed: documents that are not JSON Feeds', () => {
  it('refuses XML, HTML, plain text and an empty body as parse_unsupported', async () => {
    for (const body of ['<?xml version="1.0"?><rss/>', '<!DOCTYPE html><html></html>', 'hello', '', '  \n']) {
      expect((await errorOf(parse(body))).code, JSON.stringify(body)).toBe('parse_unsupported');
    }
  });

  it('reports JSON that does not parse as parse_malformed', async () => {
    for (const body of ['{"version": "https://jsonfeed.org/version/1.1", "items": [', '{version: 1}', '[1,]']) {
      const error = await errorOf(parse(body));
      expect(error.code, body).toBe('parse_malformed');
      expect(error.message).toContain('not valid JSON');
    }
  });

  it('refuses JSON without a jsonfeed.org version or an items array as parse_unsupported', async () => {
    const cases: Array<[string, RegExp]> = [
      ['[]', /top level is not an object/],
      ['"a string"', /not JSON/],
      ['{"items": []}', /"version" is missing/],
      ['{"version": "https://example.org/version/1", "items": []}', /"version" is "https:\/\/example.org/],
      ['{"version": 1.1, "items": []}', /"version" is missing/],
      ['{"version": "https://jsonfeed.org/version/1.1"}', /no "items" array/],
      ['{"version": "https://jsonfeed.org/version/1.1", "items": {}}', /no "items" array/],
    ];
    for (const [body, message] of cases) {
      const error = await errorOf(parse(body));
      expect(error.code, body).toBe('parse_unsupported');
      expect(error.message, body).toMatch(message);
    }
  });

  it('reads a feed with a byte-order mark, and UTF-16 with one', async () => {
    const json = feed([{ id: 'a', title: 'Café' }]);
    const utf8 = await parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]));
    expect(utf8.entries[0]?.title).toBe('Café');
    const utf16 = await parse(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    expect(utf16.entries[0]?.title).toBe('Café');
  });

  it('accepts an empty items list and takes no options', async () => {
    expect((await parse(feed([]))).entries).toEqual([]);
    expect(() => jsonFeedAdapter.checkOptions?.({})).not.toThrow();
    expect(() => jsonFeedAdapter.checkOptions?.({ x: 1 })).toThrow(/takes no options/);
  });
});
