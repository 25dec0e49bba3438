import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parsePublished } from '@regwatch/core';
import { corpusPath } from '@regwatch/testing';
import { describe, expect, it } from 'vitest';
import { feedAdapter } from '../src/index.ts';

// Issue 11: dates dropped. Every entry date in the XML feeds of the peer test suites that
// peer-suites.corpus.test.ts reads (the shared corpus), through the feed adapter and `parsePublished`. Before
// issue 11, 2,921 were read: W3C-DTF's `YYYY` and `YYYY-MM`, space before a weekday's comma,
// military zones and Romance month names were lost. The rest are the suites' deliberately
// invalid dates (31 June, hour 25, `insert published date here`, RFC 822 comments).

const corpusDir = corpusPath();
const suites = ['feedparser-tests', 'w3c-feedvalidator-testcases', 'rss-parser-fixtures', 'miniflux-reader-testdata'];
const xmlFeedExtensions = new Set(['.xml', '.rss', '.atom']);

function feedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => xmlFeedExtensions.has(extname(name)))
    .map((name) => join(dir, name))
    .sort();
}

async function entryDates(file: string): Promise<string[]> {
  try {
    const feed = await feedAdapter.parse({ body: readFileSync(file), contentType: null, url: 'https://example.org/' });
    return feed.entries.flatMap((entry) => [entry.published, entry.updated]).filter((date) => date !== undefined);
  } catch {
    return []; // Refused feeds are peer-suites.corpus.test.ts's subject.
  }
}

describe('dates in the peer feed test suites', () => {
  it('issue 11: reads every valid entry date, at its precision', async () => {
    const read: Record<string, number> = {};
    const unread: string[] = [];
    for (const suite of suites) {
      for (const file of feedFiles(join(corpusDir, suite))) {
        for (const raw of await entryDates(file)) {
          const date = parsePublished(raw);
          if (date) read[date.precision] = (read[date.precision] ?? 0) + 1;
          else unread.push(raw);
        }
      }
    }
    expect(read).toEqual({ instant: 2_931, day: 6, month: 1, year: 1 });
    // What is left is invalid on purpose: no such day, hour, minute or second, a truncated or
    // basic-format ISO date (RFC 3339 wants the extended one), a space inside it, RFC 822 comments.
    expect([...new Set(unread)].sort()).toEqual([
      '07-01T01:55:07-05:00',
      '2002-12-31T192030+01:00',
      '20021231T19:20:30.45+01:00',
      '2003-06-31T15:51:30-0500',
      '2003-06-31T15:51:30-05:00',
      '2003-07-01 T 01:55:07-05:00',
      '2003-07-01 T01:55:07-05:00',
      '2003-07-01T 01:55:07-05:00',
      '2003-07-01T01:55:61-0500',
      '2003-07-01T01:55:61-05:00',
      '2003-07-01T01:61:30-0500',
      '2003-07-01T01:61:30-05:00',
      '2003-07-01T25:51:30-0500',
      '2003-07-01T25:51:30-05:00',
      '2003-07-32T15:51:30-0500',
      '2003-07-32T15:51:30-05:00',
      '2003-13-01T15:51:30-0500',
      '2003-13-01T15:51:30-05:00',
      'Thu(oh how I hate thursdays), 9(th) Feb(ruary) 2006 23:59:45 +0000(GMT r0x0rz)',
      'Thu, 09 (nested (comment) Mar)Feb(escaped comment\\) 2005) 2006()23:59:45 +0000',
      'insert published date here',
      'insert updated date here',
    ]);
  }, 120_000);
});
