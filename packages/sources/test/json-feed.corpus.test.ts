import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type FeedEntry, type NormalisedItem, normaliseEntry, RegwatchError } from '@regwatch/core';
import { corpusPath } from '@regwatch/testing';
import { describe, expect, it } from 'vitest';
import { jsonFeedAdapter } from '../src/json-feed/adapter.ts';
import { recordedNow } from './support.ts';

// The JSON Feed adapter on feedparser's JSON cases and every other feed of the shared corpus
// (REGWATCH_CORPUS_DIR; `npm run test:corpus`). json-feed.test.ts has the rest.

const corpus = corpusPath();
const feedparserJson = join(corpus, 'feedparser-tests', 'tests', 'json');

function parse(body: Uint8Array, url: string) {
  return jsonFeedAdapter.parse({ body, contentType: 'application/feed+json', url });
}

function normalise(entries: FeedEntry[], baseUrl: string, language?: string): NormalisedItem[] {
  return entries.map((entry) => {
    const result = normaliseEntry(entry, { sourceId: 'json-sample', baseUrl, language, now: recordedNow });
    if (!result.ok) throw new Error(result.reason);
    return result.item;
  });
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('json-feed: the feedparser JSON cases (shared corpus)', () => {
  it('parses every file or refuses it with a classified error', async () => {
    const files = filesUnder(feedparserJson);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      try {
        const parsed = await parse(readFileSync(file), 'https://example.org/feed.json');
        expect(Array.isArray(parsed.entries), file).toBe(true);
      } catch (error) {
        expect(error, file).toBeInstanceOf(RegwatchError);
      }
    }
  });

  it('example.json: "feed.title == \'My Example Feed\' and len(entries) == 2"', async () => {
    const parsed = await parse(readFileSync(join(feedparserJson, 'example.json')), 'https://example.org/feed.json');
    expect(parsed.title).toBe('My Example Feed');
    expect(parsed.entries).toHaveLength(2);
    const items = normalise(parsed.entries, 'https://example.org/feed.json', 'en');
    expect(items.map((item) => [item.guid, item.url, item.title, item.author, item.labels.categories])).toEqual([
      ['2', 'https://example.org/second-item', 'post 2', 'me', ['test', 'JSON']],
      ['1', 'https://example.org/initial-post', 'Hello, world!', 'you', undefined],
    ]);
    // The script in content_html is not text.
    expect(items[1]?.content).toBe('Hello, world!');
  });

  it('never throws anything but a RegwatchError on the other corpus feeds (XML, and JSON that is no feed)', async () => {
    const files = [
      ...filesUnder(join(corpus, 'feedparser-tests', 'tests')),
      ...(existsSync(join(corpus, 'rss-parser-fixtures')) ? filesUnder(join(corpus, 'rss-parser-fixtures')) : []),
    ].filter((file) => !file.startsWith(feedparserJson));
    expect(files.length).toBeGreaterThan(1_000);
    const codes = new Map<string, number>();
    for (const file of files) {
      try {
        await parse(readFileSync(file), 'https://example.org/feed');
        codes.set('parsed', (codes.get('parsed') ?? 0) + 1);
      } catch (error) {
        expect(error, file).toBeInstanceOf(RegwatchError);
        const code = (error as RegwatchError).code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
    }
    // None of them is a JSON Feed.
    expect(codes.get('parsed')).toBeUndefined();
    expect(codes.get('parse_unsupported')).toBeGreaterThan(1_000);
  });
});
