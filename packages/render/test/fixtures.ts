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
    summary: 'The ICO has fined Example Ltd £1m.\n\nThe company failed to protect customer data.',
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
