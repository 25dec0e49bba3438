import type { FeedDocument, ItemEntry, StoryEntry } from '../src/index.ts';

/** Factories, not shared seeds: each test states what it changes. */

export function itemEntry(overrides: Partial<ItemEntry> = {}): ItemEntry {
  return {
    kind: 'item',
    id: '101',
    title: 'ICO fines Example Ltd £1m over data breach',
    url: 'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2026/10/example-fine/',
    source: { id: 'ico', name: 'ICO', kind: 'regulator' },
    publishedAt: '2026-10-14T09:30:00.000Z',
    publishedPrecision: 'instant',
    publishedFrom: 'entry',
    summary: 'The ICO has fined Example Ltd £1m.\n\nThe company failed to protect customer data.',
    language: 'en',
    platforms: ['example'],
    jurisdictions: ['GB'],
    topics: ['fines'],
    storyId: '7',
    ...overrides,
  };
}

export function storyEntry(overrides: Partial<StoryEntry> = {}): StoryEntry {
  return {
    kind: 'story',
    id: '7',
    title: 'ICO fines Example Ltd £1m over data breach',
    summary: 'The ICO has fined Example Ltd £1m.',
    firstPublishedAt: '2026-10-14T09:30:00.000Z',
    lastPublishedAt: '2026-10-15T12:00:00.000Z',
    platforms: ['example'],
    jurisdictions: ['GB'],
    topics: ['fines'],
    items: [
      {
        title: 'ICO fines Example Ltd £1m',
        url: 'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2026/10/example-fine/',
        source: { name: 'ICO' },
        publishedAt: '2026-10-14T09:30:00.000Z',
      },
      {
        title: 'Example Ltd hit with £1m UK fine',
        url: 'https://press.example/2026/10/15/example-fine?utm_source=rss&x=1',
        source: { name: 'Press Example' },
        publishedAt: '2026-10-15T12:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

export function feedDocument(overrides: Partial<FeedDocument> = {}): FeedDocument {
  return {
    title: 'Regwatch stories',
    description: 'Privacy regulators and trade press, one entry per story',
    selfUrl: 'https://regwatch.example.org/feeds/stories.rss?jurisdiction=GB',
    homeUrl: 'https://regwatch.example.org/',
    id: 'tag:regwatch.example.org,2026:feeds/stories?jurisdiction=GB',
    tagAuthority: 'regwatch.example.org,2026',
    language: 'en',
    updated: '2026-10-15T12:00:00.000Z',
    generator: { name: 'Regwatch', version: '0.1.0', uri: 'https://regwatch.example.org/' },
    entries: [storyEntry()],
    ...overrides,
  };
}

/** Every control character XML 1.0 forbids or discourages, and the two non-characters. */
export const forbiddenControls =
  '\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u001F\u007F\u0085\u009F\uFFFE\uFFFF';

/** Markup, entities, CDATA ends, controls, lone surrogates and astral characters in one line of "plain text". */
export const hostileText = `<script>alert("t")</script> Fines & penalties <b onmouseover=x()>bold</b> ]]> a<b c>d ${forbiddenControls} lone \uD800 \uDFFF end 😀 𝔘𝔫𝔦 中文 &amp; &#0; \u2028`;

/** Source HTML trying every way in we know of. */
export const hostileHtml = [
  '<p onclick="x()">Para <a href="javascript:alert(1)">js</a> <a href=" JaVaScRiPt:alert(1)">js2</a>',
  '<a href="java&#x09;script:alert(1)">js3</a> <a href="data:text/html;base64,PHNjcmlwdD4=">data</a>',
  '<a href="vbscript:msgbox(1)">vb</a> <a href="/relative">rel</a> <a href="https://ok.example/?a=1&amp;b=2">ok</a></p>',
  '<script>alert(1)</script><iframe src="https://evil.example/"></iframe><img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle/></svg><style>*{}</style><object data="x"></object><embed src="x">',
  '<form action="https://evil.example/"><input name="p"></form><math><mi>x</mi></math>',
  `<p>]]> ${forbiddenControls} \uD800 <![CDATA[ cdata ]]> &#1; &#xFFFE; &#xD800; 😀</p>`,
].join(' ');

/** About 320,000 characters. */
export const veryLongText = 'A very long paragraph about a data breach. '.repeat(7500);

export function hostileItems(): ItemEntry[] {
  return [
    itemEntry({
      id: '1',
      title: hostileText,
      summary: `${hostileText}\n\nSecond paragraph ${hostileText}`,
      contentHtml: hostileHtml,
      source: { id: 'evil', name: '<Evil & "Co"> ]]>', kind: 'press' },
      platforms: ['x]]>y'],
      topics: ['<script>', 'a&b'],
    }),
    itemEntry({ id: '2', url: 'javascript:alert(1)', title: 'A javascript: URL', summary: veryLongText }),
    itemEntry({
      id: '3',
      url: 'https://x.example/a b?q=<"x">&y=1#frag',
      title: '   ',
      summary: 'Title from summary ]]>',
    }),
    itemEntry({
      id: 'odd/id?&<>',
      url: 'data:text/html,<script>alert(1)</script>',
      title: 'An id with URI characters',
    }),
  ];
}

export function hostileStories(): StoryEntry[] {
  return [
    storyEntry({
      id: '9',
      title: hostileText,
      summary: `${hostileText}\n\n${veryLongText}`,
      platforms: ['<b>'],
      items: [
        {
          title: hostileText,
          url: 'javascript:alert(1)',
          source: { name: '<script>alert(1)</script>' },
          publishedAt: '2026-10-14T09:30:00.000Z',
        },
        {
          title: 'Outlet & "quotes" ]]>',
          url: 'https://press.example/?a=1&b=<2>',
          source: { name: `P&Q ${forbiddenControls}\uD800` },
          publishedAt: '2026-10-15T12:00:00.000Z',
        },
      ],
    }),
    storyEntry({ id: '10', title: '', summary: '', items: [] }),
  ];
}
