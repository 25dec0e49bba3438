import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { xmlSafeCharacters } from '../src/characters.ts';
import { type FeedDocument, type ItemEntry, renderAtom, renderJsonFeed, renderOpml, renderRss } from '../src/index.ts';
import { feedDocument, forbiddenControls, hostileItems, hostileStories, hostileText } from './fixtures.ts';

const documents: [string, FeedDocument][] = [
  ['items', feedDocument({ entries: hostileItems() })],
  ['stories', feedDocument({ entries: hostileStories() })],
];

/** The HTML a reader will render for each entry, decoded by a parser that is not ours. */
function contentsAsReadersSeeThem(format: 'rss' | 'atom' | 'json', doc: FeedDocument): string[] {
  if (format === 'rss') return (parseRssFeed(renderRss(doc)).items ?? []).map((item) => item.description ?? '');
  if (format === 'atom')
    return (parseAtomFeed(renderAtom(doc)).entries ?? []).map((entry) => entry.content?.value ?? '');
  return (parseJsonFeed(renderJsonFeed(doc)).items ?? []).map((item) => item.content_html ?? '');
}

/** No active content: no dangerous element, no event handler, no src, only http(s) and mailto links. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<\s*(script|style|iframe|frame|object|embed|img|svg|math|form|input|link|meta|base)\b/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<[^>]*\s(src|style|srcset|action|formaction)\s*=/i);
  for (const [, href] of html.matchAll(/\shref\s*=\s*"([^"]*)"/gi)) {
    expect(href).toMatch(/^(https?:\/\/|mailto:)/);
  }
}

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

describe.each(documents)('hostile %s', (_kind, doc) => {
  it.each([
    ['RSS', renderRss],
    ['Atom', renderAtom],
  ])('%s holds only characters XML 1.0 allows, and never "]]>"', (_format, render) => {
    const xml = render(doc);
    expect(xmlSafeCharacters(xml)).toBe(xml);
    expect(xml).not.toContain(']]>');
    expect(xml).not.toContain('<![CDATA[');
    for (const control of forbiddenControls) expect(xml).not.toContain(control);
  });

  it('JSON Feed parses, and no string in it holds a control character or a lone surrogate', () => {
    const strings = allStrings(JSON.parse(renderJsonFeed(doc)));
    expect(strings.length).toBeGreaterThan(10);
    for (const text of strings) expect(xmlSafeCharacters(text)).toBe(text);
  });

  it.each(['rss', 'atom', 'json'] as const)('%s content is inert HTML', (format) => {
    const contents = contentsAsReadersSeeThem(format, doc);
    expect(contents).toHaveLength(doc.entries.length);
    for (const html of contents) expectInert(html);
  });
});

function hostileItem(index: number): ItemEntry {
  const item = hostileItems()[index];
  if (item === undefined) throw new Error(`no hostile item ${index}`);
  return item;
}

/** The JSON Feed item for one entry: the plainest view of what every format carries. */
function renderedAlone(entry: ItemEntry) {
  return JSON.parse(renderJsonFeed(feedDocument({ entries: [entry] }))).items[0];
}

describe('hostile text', () => {
  const entry = renderedAlone(hostileItem(0));

  it('stays text in titles: markup shown, not run; controls and lone surrogates gone; emoji kept', () => {
    expect(entry.title).toContain('<script>alert("t")</script> Fines & penalties');
    expect(entry.title).toContain(']]> a<b c>d');
    expect(entry.title).toContain('lone end 😀 𝔘𝔫𝔦 中文 &amp; &#0;');
    expect(entry.title).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
  });

  it('stays text in summaries rendered as HTML (escaped, not sanitised away)', () => {
    const fromSummary = renderedAlone({ ...hostileItem(0), contentHtml: undefined });
    expect(fromSummary.content_html).toContain(
      '&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; Fines &amp; penalties',
    );
  });

  it('keeps the safe parts of hostile source HTML: text, and links made absolute', () => {
    expect(entry.content_html).toContain('<a href="https://ico.org.uk/relative">rel</a>');
    expect(entry.content_html).toContain('<a href="https://ok.example/?a=1&amp;b=2">ok</a>');
    expect(entry.content_html).toContain('js js2 js3 data vb');
    expect(entry.content_html).toContain('😀');
  });

  it('drops links that are not http(s): the entry has no URL rather than a javascript: or data: one', () => {
    const urls = JSON.parse(renderJsonFeed(feedDocument({ entries: hostileItems() }))).items.map(
      (each: { url?: string }) => each.url ?? null,
    );
    expect(urls).toEqual([
      'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2026/10/example-fine/',
      null,
      'https://x.example/a%20b?q=%3C%22x%22%3E&y=1#frag',
      null,
    ]);
  });

  it('keeps every character of very long text', () => {
    const long = hostileItem(1);
    expect(long.summary.length).toBeGreaterThan(300_000);
    expect(renderedAlone(long).summary).toBe(long.summary.trim());
  });

  it('is escaped in OPML too', () => {
    const opml = renderOpml({ title: hostileText, outlines: [{ text: hostileText, xmlUrl: 'https://x.example/' }] });
    expect(xmlSafeCharacters(opml)).toBe(opml);
    expect(opml).not.toContain(']]>');
    expect(opml).toContain('&lt;script&gt;');
  });
});
