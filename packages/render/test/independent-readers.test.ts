import { type FeedparserEntry, type FeedparserReport, readWithFeedparser } from '@regwatch/testing';
import { parseJsonFeed, parseOpml } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { type PreparedEntry, type PreparedFeed, prepareFeed } from '../src/entries.ts';
import { type FeedDocument, renderAtom, renderJsonFeed, renderOpml, renderRss } from '../src/index.ts';
import { feedDocument, hostileItems, hostileStories, itemEntry, storyEntry } from './fixtures.ts';

/**
 * The issue asks for proof by a client that is not ours: every feed variant is read by
 * Python's feedparser (Debian's python3-feedparser; expat checks well-formedness first), which
 * must report no error and see the same entries we meant to publish. feedparser 6.0 has no
 * JSON Feed reader, so JSON Feed is read by feedsmith, an independent JavaScript parser.
 */

const base = 'https://regwatch.example.org/feeds';

const documents: Record<string, FeedDocument> = {
  items: feedDocument({
    title: 'Regwatch items',
    entries: [
      itemEntry(),
      itemEntry({ id: '102', url: null, title: 'A notice with no URL', topics: [] }),
      itemEntry({
        id: '103',
        source: { id: 'opc', name: 'OPC', kind: 'regulator' },
        jurisdictions: ['CA', 'CA-QC'],
        contentHtml: '<p>See <a href="/en/guidance">guidance</a> and <em>more</em>.</p>',
        url: 'https://www.priv.gc.ca/en/news/2026/n_261014/',
      }),
      // Issue 11: entries carry their own language, in a feed whose own text is English.
      itemEntry({
        id: '104',
        source: { id: 'opc-news-fr', name: 'Commissariat', kind: 'regulator' },
        title: 'Le commissaire publie ses conclusions',
        language: 'fr',
        url: 'https://www.priv.gc.ca/fr/nouvelles/2026/n_261014/',
      }),
      itemEntry({ id: '105', title: 'A notice in an unknown language', language: null }),
    ],
  }),
  stories: feedDocument({
    entries: [
      storyEntry(),
      storyEntry({
        id: '8',
        title: 'One outlet only',
        items: [
          {
            title: 'Only',
            url: 'https://opc.example/only',
            source: { name: 'OPC' },
            publishedAt: '2026-10-13T08:00:00+00:00',
          },
        ],
        firstPublishedAt: '2026-10-13T08:00:00+00:00',
        lastPublishedAt: '2026-10-13T08:00:00+00:00',
      }),
      storyEntry({
        id: '9',
        title: 'Datenschutzaufsicht 2025',
        items: [
          {
            title: 'Datenschutzaufsicht 2025',
            url: 'https://bfdi.example/de',
            source: { name: 'BfDI' },
            publishedAt: '2026-10-12T08:00:00+00:00',
            language: 'de',
          },
          {
            title: 'Data protection supervision 2025',
            url: 'https://bfdi.example/en',
            source: { name: 'BfDI' },
            publishedAt: '2026-10-12T09:00:00+00:00',
            language: 'en',
          },
        ],
        firstPublishedAt: '2026-10-12T08:00:00+00:00',
        lastPublishedAt: '2026-10-12T09:00:00+00:00',
      }),
    ],
  }),
  'hostile-items': feedDocument({ entries: hostileItems() }),
  'hostile-stories': feedDocument({ entries: hostileStories() }),
};

function withSelf(doc: FeedDocument, name: string, extension: string): FeedDocument {
  return { ...doc, selfUrl: `${base}/${name}.${extension}` };
}

/** feedparser reports dates at one-second precision, in UTC. */
const toSecond = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** What a feedparser entry should say, from the prepared model every format is written from. */
function expectSameEntry(
  seen: FeedparserEntry | undefined,
  ours: PreparedEntry,
  format: 'rss' | 'atom',
  feed: PreparedFeed,
): void {
  expect(seen).toBeDefined();
  // Atom: the entry's xml:lang (xml:lang="" for unknown, so it does not inherit the feed's); RSS:
  // dc:language on an item whose language is not the channel's.
  const language = format === 'atom' || ours.language !== feed.language ? ours.language : null;
  expect(seen?.language, `${ours.id} language`).toBe(language);
  expect(seen?.id).toBe(ours.id);
  expect(seen?.title).toBe(ours.title);
  expect(seen?.title_type).toBe('text/plain');
  // Without an alternate link, feedparser offers the id as the entry's link: compare the links themselves.
  const alternates = (seen?.links ?? []).filter((link) => link.rel === 'alternate').map((link) => link.href);
  expect(alternates).toEqual(ours.link === null ? [] : [ours.link]);
  expect(seen?.published).toBe(toSecond(ours.published));
  // RSS has no modification date; feedparser repeats the publication date.
  expect(seen?.updated).toBe(toSecond(format === 'atom' ? ours.updated : ours.published));
  const authors = format === 'atom' && ours.authors.length === 0 ? [expect.any(String)] : ours.authors;
  expect(seen?.authors).toEqual(authors);
  expect(seen?.tags).toEqual(ours.categories.map((category) => ({ term: category.term, scheme: category.scheme })));
}

/** Every link in our HTML is in what feedparser kept of it, in the same order (its sanitiser may rewrite markup). */
function expectSameLinks(seenHtml: string | null, ours: PreparedEntry): void {
  const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
  expect(hrefs(seenHtml ?? '')).toEqual(hrefs(ours.contentHtml.toString()));
}

function expectSameFeed(report: FeedparserReport | undefined, ours: PreparedFeed, format: 'rss' | 'atom'): void {
  if (report === undefined) throw new Error('no report');
  expect(report.xml_error, `expat: ${report.xml_error}`).toBeNull();
  expect(report.bozo, `feedparser: ${report.bozo_exception}`).toBe(false);
  expect(report.version).toBe(format === 'rss' ? 'rss20' : 'atom10');
  expect(report.feed.title).toBe(ours.title);
  expect(report.feed.language).toBe(ours.language);
  expect(report.feed.updated).toBe(toSecond(ours.updated));
  expect(report.feed.links).toEqual(
    expect.arrayContaining([
      { rel: 'self', href: ours.selfUrl },
      { rel: 'alternate', href: ours.homeUrl },
    ]),
  );
  if (format === 'atom') expect(report.feed.id).toBe(ours.id);
  expect(report.entries).toHaveLength(ours.entries.length);
  ours.entries.forEach((entry, index) => {
    const seen = report.entries[index];
    expectSameEntry(seen, entry, format, ours);
    expectSameLinks((format === 'atom' ? seen?.content : seen?.summary) ?? null, entry);
  });
}

const rendered = Object.entries(documents).flatMap(([name, doc]) => [
  { file: `${name}.rss`, format: 'rss' as const, doc: withSelf(doc, name, 'rss'), render: renderRss },
  { file: `${name}.atom`, format: 'atom' as const, doc: withSelf(doc, name, 'atom'), render: renderAtom },
]);

const opml = renderOpml({
  title: 'Regwatch by jurisdiction',
  outlines: [
    { text: 'GB', feeds: [{ text: 'GB stories', xmlUrl: `${base}/stories.atom?jurisdiction=GB` }] },
    { text: 'CA', feeds: [{ text: 'CA stories', xmlUrl: `${base}/stories.rss?jurisdiction=CA&topic=fines` }] },
  ],
});

describe('feedparser (Debian python3-feedparser) reads every RSS and Atom variant', () => {
  const reports = readWithFeedparser({
    ...Object.fromEntries(rendered.map(({ file, doc, render }) => [file, render(doc)])),
    'jurisdictions.opml': opml,
  });

  it('issue 11: sees each entry’s own language', () => {
    const languages = (file: string) => reports[file]?.entries.map((entry) => entry.language);
    expect(languages('items.atom')).toEqual(['en', 'en', 'en', 'fr', null]);
    expect(languages('items.rss')).toEqual([null, null, null, 'fr', null]);
    expect(languages('stories.atom')).toEqual([null, null, 'de']);
    expect(languages('stories.rss')).toEqual([null, null, 'de']);
    const json = JSON.parse(renderJsonFeed(documents.items as FeedDocument));
    expect(json.items.map((item: { language?: string }) => item.language)).toEqual(['en', 'en', 'en', 'fr', undefined]);
  });

  it.each(rendered.map(({ file, format, doc }) => [file, format, doc] as const))(
    '%s: well-formed, no error, the same feed and entries',
    (file, format, doc) => {
      expectSameFeed(reports[file], prepareFeed(doc), format);
    },
  );

  it('the OPML file is well-formed XML to expat', () => {
    expect(reports['jurisdictions.opml']?.xml_error).toBeNull();
  });
});

describe('feedsmith reads every JSON Feed variant', () => {
  it.each(Object.entries(documents))('%s: a JSON Feed 1.1 with the same feed and entries', (name, doc) => {
    const ours = prepareFeed(withSelf(doc, name, 'json'));
    const json = renderJsonFeed(withSelf(doc, name, 'json'));
    expect(JSON.parse(json).version).toBe('https://jsonfeed.org/version/1.1');
    const seen = parseJsonFeed(json);
    expect(seen.title).toBe(ours.title);
    expect(seen.feed_url).toBe(ours.selfUrl);
    expect(seen.home_page_url).toBe(ours.homeUrl);
    for (const [index, item] of (seen.items ?? []).entries()) {
      if (ours.entries[index]?.link === null) expect(item).not.toHaveProperty('url');
      if (ours.entries[index]?.language === null) expect(item).not.toHaveProperty('language');
    }
    expect(seen.items ?? []).toEqual(
      ours.entries.map((entry) =>
        expect.objectContaining({
          id: entry.id,
          title: entry.title,
          ...(entry.link === null ? {} : { url: entry.link }),
          content_html: entry.contentHtml.toString(),
          date_published: entry.published.toISOString().replace('.000Z', 'Z'),
          date_modified: entry.updated.toISOString().replace('.000Z', 'Z'),
          ...(entry.authors.length === 0 ? {} : { authors: entry.authors.map((name) => ({ name })) }),
          ...(entry.language === null ? {} : { language: entry.language }),
        }),
      ),
    );
  });
});

describe('feedsmith reads the OPML file', () => {
  it('with its folders and feed URLs', () => {
    const seen = parseOpml(opml);
    const folders = seen.body?.outlines ?? [];
    expect(folders.map((folder) => folder.text)).toEqual(['GB', 'CA']);
    expect(folders.flatMap((folder) => (folder.outlines ?? []).map((feed) => [feed.type, feed.xmlUrl]))).toEqual([
      ['rss', `${base}/stories.atom?jurisdiction=GB`],
      ['rss', `${base}/stories.rss?jurisdiction=CA&topic=fines`],
    ]);
  });
});

describe('the feedparser check itself', () => {
  it('fails, naming the install command, when feedparser cannot be imported (never skips)', () => {
    // -S hides Debian's dist-packages, as on a machine without python3-feedparser.
    expect(() => readWithFeedparser({ 'x.rss': '<rss/>' }, ['-S'])).toThrow(/apt-get install -y python3-feedparser/);
  });
});
