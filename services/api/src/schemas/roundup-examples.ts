/** Examples of the roundup routes, checked against their schemas by test/openapi-examples.test.ts. */

const since = '2024-09-13T07:00:00.000Z';
const until = '2024-09-20T07:00:00.000Z';
const builtAt = '2024-09-20T07:00:02.114Z';

export const exampleEditionList = {
  data: [{ week: '2024-W38', since, until, builtAt, storyCount: 1, status: 'sent' as const }],
};

export const exampleEdition = {
  week: '2024-W38',
  since,
  until,
  builtAt,
  status: 'sent' as const,
  storyCount: 1,
  outreachLeftOut: 0,
  sections: [
    {
      jurisdiction: 'IE',
      stories: [
        {
          id: '18211',
          title: 'DPC fines LinkedIn €310 million over behavioural advertising',
          summary:
            'The Data Protection Commission found that LinkedIn processed members’ data for ads without a lawful basis.',
          newsKind: 'action' as const,
          publisherCount: 2,
          platforms: ['linkedin'],
          jurisdictions: ['EU', 'IE'],
          topics: ['cookies-adtech', 'enforcement'],
          sourceKinds: ['regulator' as const, 'press' as const],
          firstPublishedAt: '2024-09-16T10:00:00.000Z',
          lastPublishedAt: '2024-09-16T15:20:00.000Z',
          links: [
            {
              title: 'Irish Data Protection Commission fines LinkedIn Ireland €310 million',
              url: 'https://www.dataprotection.ie/en/news-media/press-releases/linkedin-fine',
              source: { id: 'dpc', name: 'Data Protection Commission', kind: 'regulator' as const },
              publishedAt: '2024-09-16T10:00:00.000Z',
              language: 'en',
            },
          ],
        },
      ],
    },
  ],
};
