import type { ItemTags } from '@regwatch/core';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  feedStylesheet,
  type NewsfeedPage,
  type PageStory,
  renderAtom,
  renderFeedViewPage,
  renderJsonFeed,
  renderNewsfeedPage,
  renderRss,
  renderSourcesPage,
  renderStoryPage,
} from '../src/index.ts';
import { feedDocument, storyEntry } from './fixtures.ts';

// Issue 14: the newsfeed's pages as pure functions: one layout, escaped values, links as the filter language.
const hostile = '<script>alert(1)</script>"\'&';

function story(overrides: Partial<PageStory> = {}): PageStory {
  return {
    id: '7',
    title: `Fine ${hostile}`,
    summary: `Summary ${hostile}`,
    firstPublishedAt: '2026-05-04T08:00:00.000Z',
    lastPublishedAt: '2026-05-05T08:00:00.000Z',
    platforms: ['meta'],
    jurisdictions: ['GB'],
    topics: ['enforcement'],
    items: [
      {
        id: '70',
        title: `Notice ${hostile}`,
        url: 'https://ico.example/n1',
        source: { id: 'ico', name: 'ICO' },
        publishedAt: '2026-05-04T08:00:00.000Z',
        summary: 'The notice.',
        alternates: [{ url: 'https://mirror.example/n1', sourceId: 'mirror' }],
      },
      {
        id: '71',
        title: 'Press',
        url: 'javascript:alert(1)',
        source: { id: 'press', name: 'Press' },
        publishedAt: '2026-05-05T08:00:00.000Z',
        summary: '',
      },
    ],
    itemCount: 2,
    ...overrides,
  };
}

function newsfeed(overrides: Partial<NewsfeedPage> = {}): NewsfeedPage {
  return {
    heading: 'Stories of the last 7 days',
    stories: [story()],
    filter: { jurisdiction: 'GB', q: hostile },
    choices: {
      jurisdiction: [{ value: 'GB', label: 'United Kingdom, GB (1)' }],
      platform: [{ value: 'meta', label: 'Meta (1)' }],
      topic: [],
      kind: [{ value: 'regulator', label: 'Regulators' }],
    },
    olderUrl: '/?jurisdiction=GB&cursor=abc',
    subscribe: {
      rss: 'https://news.example/feeds/stories.rss?jurisdiction=GB',
      atom: 'https://news.example/feeds/stories.atom?jurisdiction=GB',
      json: 'https://news.example/feeds/stories.json?jurisdiction=GB',
      email: '/subscribe?jurisdiction=GB',
    },
    ...overrides,
  };
}

const documentOf = (markup: string) => new JSDOM(markup).window.document;

describe('the layout (issue 14)', () => {
  it('has a skip link, landmarks and the nav with the current section marked', () => {
    const document = documentOf(renderNewsfeedPage(newsfeed()));
    expect(document.querySelector('body > a.skip')?.getAttribute('href')).toBe('#content');
    expect(document.querySelector('main > h1#content')).not.toBeNull();
    expect(document.querySelector('header nav[aria-label]')).not.toBeNull();
    expect(document.querySelector('footer')).not.toBeNull();
    const links = [...document.querySelectorAll('nav a')].map((link) => [
      link.getAttribute('href'),
      link.getAttribute('aria-current'),
    ]);
    expect(links).toEqual([
      ['/', 'page'],
      ['/sources', null],
      ['/roundups', null],
      ['/subscribe', null],
    ]);
  });
});

describe('the newsfeed page (issue 14)', () => {
  it('escapes what it shows and links tags, stories and outlets', () => {
    const markup = renderNewsfeedPage(newsfeed());
    expect(markup).not.toContain('<script>');
    const document = documentOf(markup);
    expect(document.querySelector('h3 a')?.getAttribute('href')).toBe('/stories/7');
    expect(document.querySelector('h3 a')?.textContent).toBe(`Fine ${hostile}`);
    const tags = [...document.querySelectorAll('.tags a')].map((link) => link.getAttribute('href'));
    expect(tags).toEqual(['/?jurisdiction=GB', '/?platform=meta', '/?topic=enforcement']);
    const outlets = [...document.querySelectorAll('.outlets li')].map((item) => item.innerHTML);
    expect(outlets[0]).toContain('<a href="https://ico.example/n1">');
    // Not an http(s) link: shown as text, never as a link.
    expect(outlets[1]).not.toContain('<a');
    expect((document.querySelector('#q') as HTMLInputElement).value).toBe(hostile);
    expect(document.querySelector('#jurisdiction option[selected]')?.getAttribute('value')).toBe('GB');
    expect(document.querySelector('a[rel=next]')?.getAttribute('href')).toBe('/?jurisdiction=GB&cursor=abc');
    expect(document.querySelector('form')?.getAttribute('method')).toBe('get');
    expect(markup).toContain('the email takes no search words');
  });
});

describe('the story page (issue 14)', () => {
  it('lists every item with its alternates and each tag with its evidence', () => {
    const evidence = new Map<string, ItemTags>([
      [
        '70',
        {
          platforms: [{ id: 'meta', evidence: [{ rule: 'name', phrase: 'Meta', field: 'title' }] }],
          jurisdictions: [{ id: 'GB', evidence: [{ rule: 'source-default', phrase: 'GB', field: 'source' }] }],
          topics: [],
        },
      ],
    ]);
    const document = documentOf(renderStoryPage({ story: story(), evidence, allItemsUrl: '/v1/stories/7/items' }));
    expect(document.querySelector('h1')?.textContent).toBe(`Fine ${hostile}`);
    expect(document.querySelectorAll('#items-heading + ol > li')).toHaveLength(2);
    expect(document.querySelector('a[href="https://mirror.example/n1"]')).not.toBeNull();
    const evidenceText = document.querySelector('section[aria-labelledby=tags-heading]')?.textContent ?? '';
    expect(evidenceText).toContain('“GB” in the source’s settings of ICO’s item (rule: source-default)');
    expect(evidenceText).toContain('“Meta” in the title of ICO’s item (rule: name)');
    expect(evidenceText).toContain('No recorded evidence');
  });

  it('says a tag an editor added came from an editor, without naming them', () => {
    const document = documentOf(
      renderStoryPage({
        story: story({ platforms: ['meta', 'bytedance'] }),
        evidence: new Map(),
        allItemsUrl: '/v1/stories/7/items',
        editorTags: [
          {
            dimension: 'platforms',
            id: 'bytedance',
            change: 'add',
            editor: 'editor:ed@example.org',
            at: '2026-05-06T10:00:00.000Z',
          },
          {
            dimension: 'platforms',
            id: 'tiktok',
            change: 'remove',
            editor: 'editor:ed@example.org',
            at: '2026-05-06T10:00:00.000Z',
          },
        ],
      }),
    );
    const entries = [...document.querySelectorAll('section[aria-labelledby=tags-heading] dd')].map(
      (dd) => dd.textContent,
    );
    const terms = [...document.querySelectorAll('section[aria-labelledby=tags-heading] dt')].map(
      (dt) => dt.textContent,
    );
    expect(entries[terms.findIndex((term) => term?.includes('(bytedance)'))]).toBe('Added by an editor on 6 May 2026');
    expect(entries[terms.findIndex((term) => term?.includes('(meta)'))]).toContain('No recorded evidence');
    expect(document.body.textContent).not.toContain('ed@example.org');
  });
});

describe('the sources page (issue 14)', () => {
  it('shows each source’s health in a table a phone can scroll', () => {
    const document = documentOf(
      renderSourcesPage([
        {
          id: 'ico',
          name: `ICO ${hostile}`,
          kind: 'regulator',
          url: 'https://ico.example/feed',
          homepage: 'https://ico.example/',
          jurisdictions: ['GB'],
          status: 'failing',
          lastCheckedAt: '2026-05-04T08:00:00.000Z',
          lastSuccessAt: null,
          lastError: 'http_status: 503 from the source',
          consecutiveFailures: 3,
          itemsLastWeek: 2,
          itemsLast28Days: 9,
        },
      ]),
    );
    const cells = [...document.querySelectorAll('tbody td')].map((cell) => cell.textContent);
    expect(cells).toEqual([
      'regulator',
      'United Kingdom',
      'feed · site',
      'failing',
      '4 May 2026',
      'never',
      'http_status: 503 from the source',
      '3',
      '2',
      '9',
    ]);
    expect(document.querySelector('.scroll')?.getAttribute('tabindex')).toBe('0');
  });
});

describe('feeds for browsers and their links (issue 14)', () => {
  it('names the XSL stylesheet in RSS and Atom only, and links each story entry to its page', () => {
    const doc = feedDocument({
      xslStylesheet: '/feeds/feed.xsl',
      entries: [storyEntry({ pageUrl: 'https://news.example/stories/1' })],
    });
    const pi = '<?xml-stylesheet type="text/xsl" href="/feeds/feed.xsl"?>';
    expect(renderRss(doc).split('\n')[1]).toBe(pi);
    expect(renderAtom(doc).split('\n')[1]).toBe(pi);
    expect(renderAtom(doc)).toContain('<link rel="related" type="text/html" href="https://news.example/stories/1"/>');
    expect(renderJsonFeed(doc)).toContain('https://news.example/stories/1');
    expect(renderJsonFeed(doc)).not.toContain('xml-stylesheet');
  });

  it('ships a well-formed XSLT 1.0 stylesheet', () => {
    const { DOMParser } = new JSDOM().window;
    const parsed = new DOMParser().parseFromString(feedStylesheet, 'application/xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(parsed.documentElement.getAttribute('version')).toBe('1.0');
  });

  it('renders a feed as a page with its address to copy', () => {
    const document = documentOf(renderFeedViewPage(feedDocument(), 'RSS 2.0'));
    expect((document.querySelector('#feed-url') as HTMLInputElement).value).toBe(feedDocument().selfUrl);
    expect(document.querySelector('label[for=feed-url]')).not.toBeNull();
  });
});
