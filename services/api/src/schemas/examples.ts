/**
 * Examples shown in the OpenAPI document and the /docs page. They are real shapes, checked
 * against the response schemas by test/openapi-examples.test.ts, so they cannot drift.
 */

const ico = { id: 'ico-news', name: 'ICO news and blogs', kind: 'regulator' as const };
const iapp = { id: 'iapp', name: 'IAPP Daily Dashboard', kind: 'press' as const };

export const exampleItem = {
  id: '48213',
  title: 'ICO fines 23andMe £2.31m over 2023 data breach',
  url: 'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2025/06/23andme-fined/',
  source: ico,
  publishedAt: '2025-06-17T09:00:00.000Z',
  publishedPrecision: 'instant' as const,
  publishedFrom: 'entry' as const,
  summary:
    'The Information Commissioner has fined genetic testing company 23andMe £2.31m for failing to protect UK users’ personal data.',
  language: 'en',
  platforms: ['23andme'],
  jurisdictions: ['GB'],
  topics: ['data-breaches', 'enforcement', 'health'],
  storyId: '17102',
};

const exampleOtherItem = {
  id: '48220',
  title: 'UK ICO fines 23andMe 2.31M GBP over 2023 data breach',
  url: 'https://iapp.org/news/a/uk-ico-fines-23andme',
  source: iapp,
  publishedAt: '2025-06-17T14:30:00.000Z',
  publishedPrecision: 'instant' as const,
  publishedFrom: 'entry' as const,
  summary:
    'The UK Information Commissioner’s Office fined 23andMe after a credential-stuffing attack exposed 155,592 UK users.',
  language: 'en',
  platforms: ['23andme'],
  jurisdictions: ['GB'],
  topics: ['data-breaches', 'enforcement'],
  storyId: '17102',
};

export const exampleItemDetail = {
  ...exampleItem,
  tagEvidence: {
    platforms: [{ id: '23andme', evidence: [{ rule: 'name', phrase: '23andMe', field: 'title' as const }] }],
    jurisdictions: [{ id: 'GB', evidence: [{ rule: 'source-default', phrase: 'GB', field: 'source' as const }] }],
    topics: [{ id: 'enforcement', evidence: [{ rule: 'term', phrase: 'fines', field: 'title' as const }] }],
  },
};

export const exampleStory = {
  id: '17102',
  title: exampleItem.title,
  summary: exampleItem.summary,
  firstPublishedAt: exampleItem.publishedAt,
  lastPublishedAt: exampleOtherItem.publishedAt,
  platforms: ['23andme'],
  jurisdictions: ['GB'],
  topics: ['data-breaches', 'enforcement', 'health'],
  items: [
    { ...exampleItem, alternates: [] },
    {
      ...exampleOtherItem,
      alternates: [{ url: 'https://iapp.org/news/a/uk-ico-fines-23andme?utm_source=newsletter', sourceId: 'iapp' }],
    },
  ],
  itemCount: 2,
  itemsUrl: '/v1/stories/17102/items',
};

export const exampleStoryItemList = { data: exampleStory.items, nextCursor: null };

export const exampleItemList = {
  data: [exampleOtherItem, exampleItem],
  nextCursor: 'MjAyNS0wNi0xN1QwOTowMDowMC4wMDBafDQ4MjEz',
};

export const exampleSearchList = {
  data: [
    {
      ...exampleItem,
      highlight: {
        title: 'ICO fines 23andMe £2.31m over 2023 data <mark>breach</mark>',
        summary: 'failing to protect UK users’ personal data … after the <mark>breach</mark> of 2023',
      },
    },
  ],
  nextCursor: null,
};

export const exampleStoryList = { data: [exampleStory], nextCursor: null };

export const exampleDigest = {
  since: '2025-06-16T00:00:00.000Z',
  until: '2025-06-23T00:00:00.000Z',
  outreachLeftOut: 1,
  data: [{ ...exampleStory, newsKind: 'action', publisherCount: 2, sourceCount: 2, periodItemCount: 2 }],
};

export const examplePlatformList = {
  data: [{ id: 'linkedin', name: 'LinkedIn', kind: 'social', parent: 'microsoft', itemCount: 412, storyCount: 198 }],
};

export const exampleJurisdictionList = {
  data: [
    { code: 'EU', name: 'European Union', members: ['AT', 'BE', 'FR', 'IE'], itemCount: 3120, storyCount: 1544 },
    { code: 'GB', name: 'United Kingdom', members: [], itemCount: 5210, storyCount: 2987 },
  ],
};

export const exampleTopicList = {
  data: [
    {
      id: 'children',
      name: 'Children',
      definition: 'Personal data of children and teenagers: age assurance, parental consent, children’s codes.',
      itemCount: 640,
      storyCount: 301,
    },
  ],
};

export const exampleSourceList = {
  data: [
    {
      id: 'ico-news',
      name: 'ICO news and blogs',
      kind: 'regulator',
      url: 'https://ico.org.uk/api/search',
      homepage: 'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/',
      format: 'ico-search',
      language: 'en',
      jurisdictions: ['GB'],
      relevance: null,
      pollIntervalSeconds: 1800,
      enabled: true,
      itemCount: 1204,
      health: {
        status: 'ok',
        lastCheckedAt: '2026-11-29T10:00:00.000Z',
        lastSuccessAt: '2026-11-29T10:00:00.000Z',
        nextCheckAt: '2026-11-29T10:30:00.000Z',
        consecutiveFailures: 0,
        lastError: null,
        lastWarning: null,
        disabledReason: null,
        lastEntryCount: 20,
        lastRejectedCount: 0,
        lastFilteredCount: 0,
      },
    },
  ],
};
