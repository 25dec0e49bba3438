import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FeedDocument, newestEntryDate, renderAtom, renderJsonFeed, renderRss } from '../src/index.ts';
import { feedDocument, itemEntry, storyEntry } from './fixtures.ts';

/** One story told by two outlets (the second with no URL) and one item: small enough to pin byte for byte. */
function smallDocument(selfUrl: string): FeedDocument {
  return feedDocument({
    selfUrl,
    entries: [
      storyEntry({
        items: [
          {
            title: 'ICO fines Example Ltd',
            url: 'https://ico.org.uk/news/example-fine/',
            source: { name: 'ICO' },
            publishedAt: '2026-10-14T09:30:00.000Z',
            language: 'en',
          },
          {
            title: 'Example & Co fined',
            url: null,
            source: { name: 'Trade Weekly' },
            publishedAt: '2026-10-15T12:00:00.000Z',
          },
        ],
      }),
      itemEntry({ url: 'https://ico.org.uk/news/example-fine/', summary: 'Fined £1m.' }),
    ],
  });
}

const goldenRss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Regwatch stories</title>
    <link>https://regwatch.example.org/</link>
    <description>Privacy regulators and trade press, one entry per story</description>
    <atom:link href="https://regwatch.example.org/feeds/stories.rss?jurisdiction=GB" rel="self" type="application/rss+xml"/>
    <language>en</language>
    <lastBuildDate>Thu, 15 Oct 2026 12:00:00 +0000</lastBuildDate>
    <generator>Regwatch 0.1.0</generator>
    <docs>https://www.rssboard.org/rss-specification</docs>
    <item>
      <title>ICO fines Example Ltd £1m over data breach</title>
      <link>https://ico.org.uk/news/example-fine/</link>
      <description>&lt;p&gt;The ICO has fined Example Ltd £1m.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;ICO: &lt;a href="https://ico.org.uk/news/example-fine/" hreflang="en" lang="en"&gt;ICO fines Example Ltd&lt;/a&gt; (2026-10-14)&lt;/li&gt;&lt;li&gt;Trade Weekly: Example &amp;amp; Co fined (2026-10-15)&lt;/li&gt;&lt;/ul&gt;</description>
      <dc:creator>ICO</dc:creator>
      <dc:creator>Trade Weekly</dc:creator>
      <category domain="tag:regwatch.example.org,2026:platform">example</category>
      <category domain="tag:regwatch.example.org,2026:jurisdiction">GB</category>
      <category domain="tag:regwatch.example.org,2026:topic">fines</category>
      <guid isPermaLink="false">tag:regwatch.example.org,2026:story/7</guid>
      <pubDate>Wed, 14 Oct 2026 09:30:00 +0000</pubDate>
    </item>
    <item>
      <title>ICO fines Example Ltd £1m over data breach</title>
      <link>https://ico.org.uk/news/example-fine/</link>
      <description>&lt;p&gt;Fined £1m.&lt;/p&gt;&lt;p&gt;Source: ICO&lt;/p&gt;</description>
      <dc:creator>ICO</dc:creator>
      <category domain="tag:regwatch.example.org,2026:platform">example</category>
      <category domain="tag:regwatch.example.org,2026:jurisdiction">GB</category>
      <category domain="tag:regwatch.example.org,2026:topic">fines</category>
      <guid isPermaLink="false">tag:regwatch.example.org,2026:item/101</guid>
      <pubDate>Wed, 14 Oct 2026 09:30:00 +0000</pubDate>
    </item>
  </channel>
</rss>
`;

const goldenAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>tag:regwatch.example.org,2026:feeds/stories?jurisdiction=GB</id>
  <title type="text">Regwatch stories</title>
  <subtitle type="text">Privacy regulators and trade press, one entry per story</subtitle>
  <updated>2026-10-15T12:00:00Z</updated>
  <link rel="self" type="application/atom+xml" href="https://regwatch.example.org/feeds/stories.atom?jurisdiction=GB"/>
  <link rel="alternate" type="text/html" href="https://regwatch.example.org/"/>
  <generator uri="https://regwatch.example.org/" version="0.1.0">Regwatch</generator>
  <entry xml:lang="en">
    <id>tag:regwatch.example.org,2026:story/7</id>
    <title type="text">ICO fines Example Ltd £1m over data breach</title>
    <updated>2026-10-15T12:00:00Z</updated>
    <published>2026-10-14T09:30:00Z</published>
    <link rel="alternate" type="text/html" href="https://ico.org.uk/news/example-fine/"/>
    <author>
      <name>ICO</name>
    </author>
    <author>
      <name>Trade Weekly</name>
    </author>
    <category term="example" scheme="tag:regwatch.example.org,2026:platform"/>
    <category term="GB" scheme="tag:regwatch.example.org,2026:jurisdiction"/>
    <category term="fines" scheme="tag:regwatch.example.org,2026:topic"/>
    <summary type="text">The ICO has fined Example Ltd £1m.</summary>
    <content type="html">&lt;p&gt;The ICO has fined Example Ltd £1m.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;ICO: &lt;a href="https://ico.org.uk/news/example-fine/" hreflang="en" lang="en"&gt;ICO fines Example Ltd&lt;/a&gt; (2026-10-14)&lt;/li&gt;&lt;li&gt;Trade Weekly: Example &amp;amp; Co fined (2026-10-15)&lt;/li&gt;&lt;/ul&gt;</content>
  </entry>
  <entry xml:lang="en">
    <id>tag:regwatch.example.org,2026:item/101</id>
    <title type="text">ICO fines Example Ltd £1m over data breach</title>
    <updated>2026-10-14T09:30:00Z</updated>
    <published>2026-10-14T09:30:00Z</published>
    <link rel="alternate" type="text/html" href="https://ico.org.uk/news/example-fine/"/>
    <author>
      <name>ICO</name>
    </author>
    <category term="example" scheme="tag:regwatch.example.org,2026:platform"/>
    <category term="GB" scheme="tag:regwatch.example.org,2026:jurisdiction"/>
    <category term="fines" scheme="tag:regwatch.example.org,2026:topic"/>
    <summary type="text">Fined £1m.</summary>
    <content type="html">&lt;p&gt;Fined £1m.&lt;/p&gt;&lt;p&gt;Source: ICO&lt;/p&gt;</content>
  </entry>
</feed>
`;

describe('the three formats on one small document', () => {
  it('RSS 2.0, byte for byte', () => {
    expect(renderRss(smallDocument('https://regwatch.example.org/feeds/stories.rss?jurisdiction=GB'))).toBe(goldenRss);
  });

  it('Atom 1.0, byte for byte', () => {
    expect(renderAtom(smallDocument('https://regwatch.example.org/feeds/stories.atom?jurisdiction=GB'))).toBe(
      goldenAtom,
    );
  });

  it('JSON Feed 1.1, field for field', () => {
    const feed = JSON.parse(renderJsonFeed(smallDocument('https://regwatch.example.org/feeds/stories.json')));
    expect(feed).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Regwatch stories',
      home_page_url: 'https://regwatch.example.org/',
      feed_url: 'https://regwatch.example.org/feeds/stories.json',
      description: 'Privacy regulators and trade press, one entry per story',
      language: 'en',
      items: [
        {
          id: 'tag:regwatch.example.org,2026:story/7',
          url: 'https://ico.org.uk/news/example-fine/',
          title: 'ICO fines Example Ltd £1m over data breach',
          content_html:
            '<p>The ICO has fined Example Ltd £1m.</p><ul><li>ICO: <a href="https://ico.org.uk/news/example-fine/" hreflang="en" lang="en">ICO fines Example Ltd</a> (2026-10-14)</li><li>Trade Weekly: Example &amp; Co fined (2026-10-15)</li></ul>',
          summary: 'The ICO has fined Example Ltd £1m.',
          date_published: '2026-10-14T09:30:00Z',
          date_modified: '2026-10-15T12:00:00Z',
          authors: [{ name: 'ICO' }, { name: 'Trade Weekly' }],
          tags: ['example', 'GB', 'fines'],
          language: 'en',
        },
        {
          id: 'tag:regwatch.example.org,2026:item/101',
          url: 'https://ico.org.uk/news/example-fine/',
          title: 'ICO fines Example Ltd £1m over data breach',
          content_html: '<p>Fined £1m.</p><p>Source: ICO</p>',
          summary: 'Fined £1m.',
          date_published: '2026-10-14T09:30:00Z',
          date_modified: '2026-10-14T09:30:00Z',
          authors: [{ name: 'ICO' }],
          tags: ['example', 'GB', 'fines'],
          language: 'en',
        },
      ],
    });
  });
});

describe('determinism (the API derives a strong ETag from the bytes)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['RSS', renderRss],
    ['Atom', renderAtom],
    ['JSON Feed', renderJsonFeed],
  ])('%s: the same input gives the same bytes, whatever the clock says', (_name, render) => {
    const doc = feedDocument({ entries: [storyEntry(), itemEntry()] });
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const first = render(doc);
    vi.setSystemTime(new Date('2031-06-30T23:59:59Z'));
    expect(render(structuredClone(doc))).toBe(first);
  });
});

describe('stories', () => {
  const twoOutlets = feedDocument({ entries: [storyEntry()] });

  it('list every outlet, primary first, each with its source, linked title and date', () => {
    const [item] = JSON.parse(renderJsonFeed(twoOutlets)).items;
    const html: string = item.content_html;
    const ico = html.indexOf('<li>ICO: <a href="https://ico.org.uk/about-the-ico/');
    const press = html.indexOf(
      '<li>Press Example: <a href="https://press.example/2026/10/15/example-fine?utm_source=rss&amp;x=1">',
    );
    expect(ico).toBeGreaterThan(-1);
    expect(press).toBeGreaterThan(ico);
    expect(html).toContain('(2026-10-14)');
    expect(html).toContain('(2026-10-15)');
  });

  it('issue 11: show an outlet dated only to the year or month as that, not as a made-up day', () => {
    const story = storyEntry({
      items: [
        {
          title: 'Register incident',
          url: 'https://www.aiaaic.org/aiaaic-repository/x',
          source: { name: 'AIAAIC Repository' },
          publishedAt: '2025-01-01T00:00:00.000Z',
          publishedPrecision: 'year',
        },
        {
          title: 'Annual report',
          url: null,
          source: { name: 'Regulator' },
          publishedAt: '2025-03-01T00:00:00.000Z',
          publishedPrecision: 'month',
        },
      ],
    });
    const html: string = JSON.parse(renderJsonFeed(feedDocument({ entries: [story] }))).items[0].content_html;
    expect(html).toContain('Register incident</a> (2025)</li>');
    expect(html).toContain('Annual report (2025-03)</li>');
    expect(html).not.toContain('2025-01-01');
  });

  it('link to the primary item, or to the first outlet with a URL when it has none', () => {
    expect(JSON.parse(renderJsonFeed(twoOutlets)).items[0].url).toMatch(/^https:\/\/ico\.org\.uk\//);
    const story = storyEntry();
    const [primary, second] = story.items;
    if (!primary || !second) throw new Error('fixture has two outlets');
    const withoutPrimaryUrl = feedDocument({ entries: [{ ...story, items: [{ ...primary, url: null }, second] }] });
    expect(JSON.parse(renderJsonFeed(withoutPrimaryUrl)).items[0].url).toMatch(/^https:\/\/press\.example\//);
  });

  it('are published when the first outlet published and updated with the latest', () => {
    const atom = renderAtom(twoOutlets);
    expect(atom).toContain('<published>2026-10-14T09:30:00Z</published>');
    expect(atom).toContain('<updated>2026-10-15T12:00:00Z</updated>');
    expect(renderRss(twoOutlets)).toContain('<pubDate>Wed, 14 Oct 2026 09:30:00 +0000</pubDate>');
  });

  it('keep their id when their title, outlets and dates change', () => {
    const later = feedDocument({
      entries: [storyEntry({ title: 'New headline', lastPublishedAt: '2026-11-01T00:00:00.000Z', items: [] })],
    });
    const id = 'tag:regwatch.example.org,2026:story/7';
    expect(renderRss(later)).toContain(`<guid isPermaLink="false">${id}</guid>`);
    expect(renderAtom(later)).toContain(`<id>${id}</id>`);
    expect(JSON.parse(renderJsonFeed(later)).items[0].id).toBe(id);
  });

  it('with no summary and no outlets still have content: their title', () => {
    const [entry] = JSON.parse(
      renderJsonFeed(feedDocument({ entries: [storyEntry({ summary: '', items: [] })] })),
    ).items;
    expect(entry.content_html).toBe('<p>ICO fines Example Ltd £1m over data breach</p>');
  });

  it('with no outlets still have an author in Atom (the feed)', () => {
    const atom = renderAtom(feedDocument({ entries: [storyEntry({ items: [] })] }));
    expect(atom).toContain('<author>\n      <name>Regwatch stories</name>\n    </author>');
  });
});

describe('items', () => {
  it('without a URL have no link in any format', () => {
    const doc = feedDocument({ entries: [itemEntry({ url: null })] });
    expect(renderRss(doc)).not.toMatch(/<item>[\s\S]*<link>/);
    expect(renderAtom(doc)).not.toContain('rel="alternate" type="text/html" href="https://ico');
    expect(JSON.parse(renderJsonFeed(doc)).items[0]).not.toHaveProperty('url');
  });

  it('use sanitised source HTML as content when given, links resolved against the item URL', () => {
    const doc = feedDocument({
      entries: [itemEntry({ contentHtml: '<p>See <a href="/guidance/">guidance</a><script>x()</script></p>' })],
    });
    expect(JSON.parse(renderJsonFeed(doc)).items[0].content_html).toBe(
      '<p>See <a href="https://ico.org.uk/guidance/">guidance</a></p><p>Source: ICO</p>',
    );
  });

  it('fall back to the summary when the source HTML sanitises to nothing', () => {
    const doc = feedDocument({ entries: [itemEntry({ summary: 'Plain.', contentHtml: '<script>x()</script>' })] });
    expect(JSON.parse(renderJsonFeed(doc)).items[0].content_html).toBe('<p>Plain.</p><p>Source: ICO</p>');
  });

  it('take their title from the summary when they have none', () => {
    const doc = feedDocument({ entries: [itemEntry({ title: '  ', summary: 'A notice with no title.' })] });
    expect(JSON.parse(renderJsonFeed(doc)).items[0].title).toBe('A notice with no title.');
  });

  it('carry platforms, jurisdictions and topics as categories, once each', () => {
    const doc = feedDocument({
      entries: [itemEntry({ platforms: ['linkedin', 'linkedin'], jurisdictions: ['EU', 'US-CA'], topics: ['ai'] })],
    });
    const rss = renderRss(doc);
    expect(rss.match(/<category domain="tag:regwatch.example.org,2026:platform">linkedin<\/category>/g)).toHaveLength(
      1,
    );
    expect(rss).toContain('<category domain="tag:regwatch.example.org,2026:jurisdiction">US-CA</category>');
    expect(renderAtom(doc)).toContain('<category term="ai" scheme="tag:regwatch.example.org,2026:topic"/>');
    expect(JSON.parse(renderJsonFeed(doc)).items[0].tags).toEqual(['linkedin', 'EU', 'US-CA', 'ai']);
  });
});

describe('feeds', () => {
  it('with no entries are still complete documents', () => {
    const doc = feedDocument({ entries: [] });
    expect(renderRss(doc)).toContain('<lastBuildDate>Thu, 15 Oct 2026 12:00:00 +0000</lastBuildDate>');
    expect(renderAtom(doc)).toContain('<updated>2026-10-15T12:00:00Z</updated>');
    expect(JSON.parse(renderJsonFeed(doc)).items).toEqual([]);
  });

  it('write RFC 822 dates in RSS and RFC 3339 dates in Atom and JSON Feed, in UTC', () => {
    const doc = feedDocument({ entries: [itemEntry({ publishedAt: '2026-03-01T01:02:03.456+02:00' })] });
    expect(renderRss(doc)).toContain('<pubDate>Sat, 28 Feb 2026 23:02:03 +0000</pubDate>');
    expect(renderAtom(doc)).toContain('<published>2026-02-28T23:02:03.456Z</published>');
    expect(JSON.parse(renderJsonFeed(doc)).items[0].date_published).toBe('2026-02-28T23:02:03.456Z');
  });

  it.each([
    ['a relative self URL', { selfUrl: '/feeds/stories.rss' }, /selfUrl/],
    ['a javascript: home URL', { homeUrl: 'javascript:alert(1)' }, /homeUrl/],
    ['a feed id that is no IRI', { id: 'stories' }, /feed id/],
    ['a tag authority that is no domain and date', { tagAuthority: 'regwatch' }, /tagAuthority/],
    ['an updated date that is not ISO 8601', { updated: 'yesterday' }, /feed updated/],
    ['an item date with no offset', { entries: [itemEntry({ publishedAt: '2026-10-14 09:30' })] }, /item 101/],
  ])('refuse %s (a programming error upstream)', (_case, overrides, message) => {
    expect(() => renderRss(feedDocument(overrides))).toThrow(message);
  });
});

describe('newestEntryDate', () => {
  it('is the latest item date or story update, and null for no entries', () => {
    expect(
      newestEntryDate([
        itemEntry({ publishedAt: '2026-10-16T00:00:00.000+01:00' }),
        storyEntry({ lastPublishedAt: '2026-10-15T12:00:00.000Z' }),
      ]),
    ).toBe('2026-10-15T23:00:00Z');
    expect(newestEntryDate([])).toBeNull();
  });
});
