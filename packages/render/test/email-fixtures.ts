import type { EditionContent, EditionStory } from '@regwatch/core';
import type { RoundupEmailLinks } from '../src/index.ts';
import forty from '../testdata/edition-40-stories.json' with { type: 'json' };
import sample from '../testdata/edition-sample.json' with { type: 'json' };

/** Factories, not shared seeds: each test states what it changes. */

export function editionStory(overrides: Partial<EditionStory> = {}): EditionStory {
  return {
    id: '7',
    title: 'ICO fines Example Ltd £1m over data breach',
    summary: 'The ICO has fined Example Ltd £1m.\n\nThe company failed to protect customer data.',
    newsKind: 'action',
    publisherCount: 2,
    platforms: ['linkedin'],
    jurisdictions: ['GB'],
    topics: ['enforcement'],
    sourceKinds: ['regulator', 'press'],
    firstPublishedAt: '2024-09-17T09:30:00.000Z',
    lastPublishedAt: '2024-09-18T12:00:00.000Z',
    links: [
      {
        title: 'ICO fines Example Ltd £1m',
        url: 'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2024/09/example-fine/',
        source: { id: 'ico', name: 'ICO', kind: 'regulator' },
        publishedAt: '2024-09-17T09:30:00.000Z',
        language: 'en',
      },
      {
        title: 'Example Ltd hit with £1m UK fine',
        url: 'https://press.example/2024/09/18/example-fine?ref=feed&x=1',
        source: { id: 'press', name: 'Press Example', kind: 'press' },
        publishedAt: '2024-09-18T12:00:00.000Z',
        language: 'en',
      },
    ],
    ...overrides,
  };
}

export function edition(overrides: Partial<EditionContent> = {}): EditionContent {
  const sections = overrides.sections ?? [{ jurisdiction: 'GB', stories: [editionStory()] }];
  return {
    week: '2024-W38',
    since: '2024-09-13T07:00:00.000Z',
    until: '2024-09-20T07:00:00.000Z',
    builtAt: '2024-09-20T07:00:05.000Z',
    outreachLeftOut: 0,
    ...overrides,
    sections,
    storyCount: overrides.storyCount ?? sections.reduce((sum, s) => sum + s.stories.length, 0),
  };
}

export const subscriberLinks: RoundupEmailLinks = {
  editionUrl: 'https://regwatch.example.org/roundups/2024-W38',
  subscribeUrl: 'https://regwatch.example.org/subscribe',
  manageUrl: 'https://regwatch.example.org/subscriptions/manage?token=manage.42.abc.def',
  unsubscribeUrl: 'https://regwatch.example.org/subscriptions/unsubscribe?token=unsubscribe.42.abc.def',
};

export const publishedLinks: RoundupEmailLinks = { ...subscriberLinks, manageUrl: null, unsubscribeUrl: null };

/** The recorded sample edition and the 40-story one (packages/render/testdata/README.md says how they were made). */
export const sampleEdition = sample as EditionContent;
export const fortyStoryEdition = forty as EditionContent;
