import { describe, expect, it } from 'vitest';
import { icoSearchAdapter, readFilterMetadata } from '../src/ico/adapter.ts';
import { icoSources } from '../src/ico/definitions.ts';
import type { AdapterOptions, SourceDefinition } from '../src/types.ts';
import { errorOf, normaliseRecorded, parseRecorded, readRecorded, thrownBy } from './support.ts';

function source(id: string): SourceDefinition {
  const found = icoSources.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no catalog source ${id}`);
  return found;
}

const news = source('ico-news');
const enforcement = source('ico-enforcement');
const newsOptions: AdapterOptions = news.options ?? {};

interface RecordedResult {
  url: string;
  title: string;
  createdDateTime: string;
  filterItemMetaData: string;
}
const recordedResults = (
  JSON.parse(Buffer.from(readRecorded(news.recorded.file)).toString('utf8')) as { results: RecordedResult[] }
).results;

function parse(body: unknown, options: AdapterOptions = newsOptions, url = news.url) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return icoSearchAdapter.parse({ body: Buffer.from(text), contentType: 'application/json', url }, options);
}

const result = (overrides: Record<string, unknown>) => ({
  filterItemMetaData: '2 March 2026, News',
  title: 'A news item',
  createdDateTime: '2026-02-20T09:00:00Z',
  id: 1,
  url: '/about-the-ico/media-centre/news-and-blogs/2026/03/a-news-item/',
  description: 'Text',
  ...overrides,
});

describe('ico-news: the search API listing of news and blogs (recorded)', () => {
  it('yields the news-and-blogs items, newest first, with absolute URLs, dates and categories', async () => {
    const items = await normaliseRecorded(news);
    expect(items.map((item) => [item.publishedAt, item.url, item.title, item.labels.categories])).toEqual([
      [
        '2026-06-19T00:00:00.000Z',
        'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2026/06/new-data-protection-complaints-law-now-in-force/',
        'New data protection complaints law now in force',
        ['News'],
      ],
      [
        '2026-05-29T00:00:00.000Z',
        'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2026/05/ico-response-to-government-on-safe-ai-powered-innovation/',
        'ICO response to government on safe AI-powered innovation',
        ['News'],
      ],
      [
        '2026-04-29T00:00:00.000Z',
        'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2026/04/final-storage-and-access-technologies-guidance-published/',
        'Final storage and access technologies guidance published',
        ['News'],
      ],
      [
        '2026-04-14T00:00:00.000Z',
        'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2026/04/charities-given-new-flexibility-to-contact-supporters-under-data-law-change/',
        'Charities given new flexibility to contact supporters under data law change',
        ['News'],
      ],
      [
        '2026-03-10T00:00:00.000Z',
        'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2026/03/here-s-what-jobseekers-need-to-know-about-automated-recruitment-decisions/',
        'Here’s what jobseekers need to know about automated recruitment decisions',
        ['Blog'],
      ],
      [
        '2026-02-03T00:00:00.000Z',
        'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2026/02/ico-announces-investigation-into-grok/',
        'ICO announces investigation into Grok',
        ['News'],
      ],
      [
        '2026-01-27T00:00:00.000Z',
        'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/2026/01/ai-ll-get-that/',
        'AI’ll get that',
        ['News'],
      ],
    ]);
    expect(items.every((item) => item.language === 'en' && item.publishedFrom === 'entry')).toBe(true);
    expect(items.map((item) => item.guid)).toEqual([
      'ico:121406',
      'ico:121233',
      'ico:120987',
      'ico:120915',
      'ico:120544',
      'ico:120118',
      'ico:119872',
    ]);
  });

  it('dates each item by the leading date of filterItemMetaData, never by createdDateTime', async () => {
    const items = await normaliseRecorded(news);
    expect(items).toHaveLength(7);
    for (const item of items) {
      const raw = recordedResults.find((candidate) => `https://ico.org.uk${candidate.url}` === item.url);
      if (!raw) throw new Error(`no recorded result for ${item.url}`);
      // In this recording the CMS creation day differs from the publication day for every item.
      expect(item.publishedAt.slice(0, 10), item.title).not.toBe(raw.createdDateTime.slice(0, 10));
      expect(new Date(item.publishedAt).getTime(), item.title).toBe(
        Date.parse(`${raw.filterItemMetaData.split(',')[0]} UTC`),
      );
    }
    // Created a week after it was announced: the creation time would date it wrongly.
    const grok = items.find((item) => item.title === 'ICO announces investigation into Grok');
    expect(grok?.publishedAt).toBe('2026-02-03T00:00:00.000Z');
  });

  it('drops the Welsh copy and the pages from elsewhere on the site that the listing mixes in', async () => {
    // The recording holds them, so this test cannot pass on a listing without them.
    expect(recordedResults).toHaveLength(10);
    expect(recordedResults.filter((raw) => raw.url.startsWith('/cy/')).map((raw) => raw.title)).toEqual([
      'Cyfraith newydd ar gwynion diogelu data bellach mewn grym',
    ]);
    expect(
      recordedResults
        .filter(
          (raw) => !raw.url.startsWith('/about-the-ico/media-centre/news-and-blogs/') && !raw.url.startsWith('/cy/'),
        )
        .map((raw) => raw.url),
    ).toEqual(['/for-organisations/how-to-deal-with-data-protection-complaints/', '/about-the-ico/media-centre/']);

    const items = await normaliseRecorded(news);
    const titles = items.map((item) => item.title);
    expect(titles).not.toContain('Cyfraith newydd ar gwynion diogelu data bellach mewn grym');
    expect(titles).not.toContain('How to deal with data protection complaints');
    expect(titles).not.toContain('Media centre');
    expect(
      items.every((item) => item.url?.startsWith('https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/')),
    ).toBe(true);
  });

  it('decodes the HTML entities and markup the descriptions carry', async () => {
    const items = await normaliseRecorded(news);
    expect(items[0]?.summary).toBe(
      "From today, organisations must have a process for people to complain about how their personal information is used. We've published guidance to help organisations get ready – and what people can expect.",
    );
    expect(items[1]?.summary).toBe(
      'Our response sets out how we will support responsible AI innovation while making sure people’s information is protected.',
    );
    for (const item of items) expect(item.summary, item.title).not.toMatch(/&[a-z#0-9]+;|<\/?[a-z]/i);
  });

  it('links to https://ico.org.uk even when the response is replayed from a local server', async () => {
    const feed = await icoSearchAdapter.parse(
      {
        body: readRecorded(news.recorded.file),
        contentType: news.recorded.contentType,
        url: 'http://127.0.0.1:4010/ico-news',
      },
      newsOptions,
    );
    expect(feed.entries).toHaveLength(7);
    for (const entry of feed.entries) {
      expect(entry.link).toMatch(/^https:\/\/ico\.org\.uk\/about-the-ico\/media-centre\/news-and-blogs\/2026\//);
    }
  });

  it('is polled with the POST body the listing page sends', () => {
    expect(news.request?.method).toBe('POST');
    expect(JSON.parse(news.request?.body ?? '')).toEqual({
      rootPageId: 2816,
      filters: [],
      pageNumber: 1,
      order: 'newest',
    });
    expect(news.format).toBe('ico-search');
    expect(news.jurisdictions).toEqual(['GB']);
  });
});

describe('ico-search adapter', () => {
  it('reads the date and the labels of filterItemMetaData', () => {
    expect(readFilterMetadata('23 February 2026, Monetary penalties')).toEqual({
      date: '23 February 2026',
      categories: ['Monetary penalties'],
    });
    expect(readFilterMetadata('28 May 2026, Enforcement notices, Marketing')).toEqual({
      date: '28 May 2026',
      categories: ['Enforcement notices', 'Marketing'],
    });
    expect(readFilterMetadata('Reprimands')).toEqual({ categories: ['Reprimands'] });
    expect(readFilterMetadata('31 February 2026, News')).toEqual({ categories: ['News'] });
    expect(readFilterMetadata(undefined)).toEqual({ categories: [] });
  });

  it('falls back to createdDateTime only when filterItemMetaData gives no date', async () => {
    const feed = await parse({
      results: [
        result({ id: 1, filterItemMetaData: 'Blog', createdDateTime: '2026-03-02T10:15:00Z' }),
        result({
          id: 2,
          filterItemMetaData: undefined,
          createdDateTime: '2026-03-03T08:00:00Z',
          url: '/about-the-ico/media-centre/news-and-blogs/2026/03/b/',
        }),
        result({
          id: 3,
          filterItemMetaData: '4 March 2026, News',
          createdDateTime: '2026-03-09T08:00:00Z',
          url: '/about-the-ico/media-centre/news-and-blogs/2026/03/c/',
        }),
      ],
    });
    expect(feed.entries.map((entry) => [entry.guid, entry.published, entry.labels])).toEqual([
      ['ico:1', '2026-03-02T10:15:00Z', { categories: ['Blog'] }],
      ['ico:2', '2026-03-03T08:00:00Z', undefined],
      ['ico:3', '4 March 2026', { categories: ['News'] }],
    ]);
  });

  it('drops Welsh copies by path or host even when the prefixes cover the whole site', async () => {
    const feed = await parse(
      {
        results: [
          result({ id: 1, url: '/about-the-ico/news/english/' }),
          result({ id: 2, url: '/cy/about-the-ico/news/cymraeg/', title: 'Newyddion' }),
          result({ id: 3, url: 'https://cy.ico.org.uk/about-the-ico/news/cymraeg/', title: 'Newyddion' }),
          result({ id: 4, url: 'https://www.gov.uk/government/news/elsewhere', title: 'Another site' }),
        ],
      },
      { siteUrl: 'https://ico.org.uk', pathPrefixes: ['/'] },
    );
    expect(feed.entries.map((entry) => entry.link)).toEqual(['https://ico.org.uk/about-the-ico/news/english/']);
  });

  it('keeps only results under the configured prefixes', async () => {
    const feed = await parse(
      {
        results: [
          result({
            id: 1,
            url: '/action-weve-taken/enforcement/2026/02/reddit-inc/',
            filterItemMetaData: '23 February 2026, Monetary penalties',
          }),
          result({ id: 2, url: '/about-the-ico/jobs/' }),
          result({ id: 3, url: '/action-weve-taken/enforcement-old/x/' }),
        ],
      },
      { siteUrl: 'https://ico.org.uk', pathPrefixes: ['/action-weve-taken/enforcement/'] },
    );
    expect(feed.entries.map((entry) => [entry.link, entry.published, entry.labels?.categories])).toEqual([
      [
        'https://ico.org.uk/action-weve-taken/enforcement/2026/02/reddit-inc/',
        '23 February 2026',
        ['Monetary penalties'],
      ],
    ]);
  });

  it('says a document that is not JSON is malformed', async () => {
    const error = await errorOf(parse('{"results": [{"title": "cut off'));
    expect(error.code).toBe('parse_malformed');
    expect(error.message).toMatch(/^ICO search response is not valid JSON: /);
  });

  it('says an HTML page instead of the API answer is unsupported', async () => {
    const error = await errorOf(parse('<!DOCTYPE html><html><body>Please enable cookies</body></html>'));
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toMatch(/HTML or XML, not JSON/);
  });

  it.each([
    ['an array', []],
    ['an object without results', { items: [] }],
    ['results that are not an array', { results: { title: 'x' } }],
    ['a JSON string', '"just text"'],
    ['null', null],
  ])('says JSON of the wrong shape (%s) is unsupported', async (_name, body) => {
    const error = await errorOf(parse(body));
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toMatch(/no "results" array/);
  });

  it('skips a result with no url but reads the others', async () => {
    const feed = await parse({
      results: [
        result({ id: 1, url: undefined, title: 'A promoted card' }),
        result({ id: 2, url: '' }),
        result({ id: 3, url: 42 }),
        'not an object',
        result({ id: 4 }),
      ],
    });
    expect(feed.entries.map((entry) => entry.guid)).toEqual(['ico:4']);
  });

  it('says results of which none has a url are unsupported (the API changed shape)', async () => {
    const error = await errorOf(parse({ results: [result({ url: undefined }), result({ url: null, link: '/a/' })] }));
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toBe('none of the 2 ICO search results has a url: the response shape may have changed');
  });

  it('reads an empty listing as no entries', async () => {
    expect((await parse({ results: [], pagination: { totalResults: 0 } })).entries).toEqual([]);
  });

  it('accepts the catalog options and names what is wrong with others', () => {
    expect(() => icoSearchAdapter.checkOptions?.(newsOptions)).not.toThrow();
    const cases: [AdapterOptions, RegExp][] = [
      [{}, /siteUrl must be a URL string/],
      [{ siteUrl: 'ico.org.uk', pathPrefixes: ['/a/'] }, /not an absolute URL/],
      [{ siteUrl: 'ftp://ico.org.uk', pathPrefixes: ['/a/'] }, /must be http\(s\)/],
      [{ siteUrl: 'https://ico.org.uk/news/', pathPrefixes: ['/a/'] }, /origin only/],
      [{ siteUrl: 'https://ico.org.uk' }, /pathPrefixes must be a non-empty array/],
      [{ siteUrl: 'https://ico.org.uk', pathPrefixes: [] }, /pathPrefixes must be a non-empty array/],
      [
        { siteUrl: 'https://ico.org.uk', pathPrefixes: ['about-the-ico/'] },
        /must be a string starting and ending with "\/"/,
      ],
      [
        { siteUrl: 'https://ico.org.uk', pathPrefixes: ['/about-the-ico'] },
        /must be a string starting and ending with "\/"/,
      ],
      [{ siteUrl: 'https://ico.org.uk', pathPrefixes: ['/a/'], rootPageId: 2816 }, /unknown option\(s\) rootPageId/],
    ];
    for (const [options, message] of cases) {
      const error = thrownBy(() => icoSearchAdapter.checkOptions?.(options));
      expect(error.code, JSON.stringify(options)).toBe('invalid_parameter');
      expect(error.message, JSON.stringify(options)).toMatch(message);
    }
  });

  it('refuses to parse without valid options', async () => {
    const error = await errorOf(parse({ results: [] }, {}));
    expect(error.code).toBe('invalid_parameter');
  });
});

describe('ico-enforcement: the enforcement RSS (recorded)', () => {
  it('yields every enforcement action with its date, real URL and a title saying the action (issue 11)', async () => {
    const items = await normaliseRecorded(enforcement);
    expect(items.map((item) => [item.publishedAt.slice(0, 10), item.url, item.title])).toEqual([
      [
        '2026-05-28',
        'https://ico.org.uk/action-weve-taken/enforcement/2026/05/thermotech-wall-and-loft-surveys-ltd-en/',
        'Enforcement notice: Thermotech Wall and Loft Surveys Ltd',
      ],
      [
        '2026-02-23',
        'https://ico.org.uk/action-weve-taken/enforcement/2026/02/reddit-inc/',
        'Monetary penalty: Reddit, Inc.',
      ],
      [
        '2026-02-12',
        'https://ico.org.uk/action-weve-taken/enforcement/2026/02/tmac-ltd-mpn/',
        'Monetary penalty: TMAC Ltd',
      ],
      [
        '2026-02-12',
        'https://ico.org.uk/action-weve-taken/enforcement/2026/02/tmac-ltd-en/',
        'Enforcement notice: TMAC Ltd',
      ],
      ['2025-06-17', 'https://ico.org.uk/action-weve-taken/enforcement/2025/06/23andme/', 'Monetary penalty: 23andMe'],
      [
        '2025-03-26',
        'https://ico.org.uk/action-weve-taken/enforcement/2025/03/advanced-computer-software-group-limited/',
        'Monetary penalty: Advanced Computer Software Group Limited',
      ],
    ]);
    expect(items.every((item) => item.language === 'en' && item.publishedFrom === 'entry')).toBe(true);
    expect(items[4]?.summary).toContain('£2.31 million');
  });

  it('keeps the enforcement notice and the penalty notice for one company on one day as two items', async () => {
    const items = await normaliseRecorded(enforcement);
    // Titled by the action (issue 11), the two are distinct to a reader too.
    const pair = items.filter((item) => item.title.endsWith(': TMAC Ltd'));
    expect(pair.map((item) => item.url?.match(/-(en|mpn)\/$/)?.[1]).sort()).toEqual(['en', 'mpn']);
    expect(new Set(pair.map((item) => item.publishedAt)).size).toBe(1);
    expect(new Set(pair.map((item) => item.dedupKey)).size).toBe(2);
    expect(new Set(pair.map((item) => item.canonicalUrl)).size).toBe(2);
  });

  it('is read by the generic feed adapter', async () => {
    const feed = await parseRecorded(enforcement);
    expect(enforcement.format).toBe('feed');
    expect(feed.language).toBe('en-GB');
    expect(feed.entries).toHaveLength(6);
  });
});
