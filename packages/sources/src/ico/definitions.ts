import type { SourceDefinition } from '../types.ts';

/** Umbraco node ids of the ICO listing pages the search API filters by (`data-node-id` on each page). */
export const icoListingPages = { newsAndBlogs: 2816, enforcement: 17222 } as const;

/** The UK Information Commissioner's Office: its news and blogs (search API) and its enforcement RSS. */
export const icoSources: readonly SourceDefinition[] = [
  {
    id: 'ico-news',
    name: 'ICO news and blogs',
    kind: 'regulator',
    publisher: 'ico',
    homepage: 'https://ico.org.uk/about-the-ico/media-centre/news-and-blogs/',
    // The news-and-blogs RSS went in a site redesign; the listing page reads this API.
    url: 'https://ico.org.uk/api/search',
    request: {
      method: 'POST',
      body: JSON.stringify({ rootPageId: icoListingPages.newsAndBlogs, filters: [], pageNumber: 1, order: 'newest' }),
    },
    format: 'ico-search',
    options: { siteUrl: 'https://ico.org.uk', pathPrefixes: ['/about-the-ico/media-centre/news-and-blogs/'] },
    language: 'en',
    jurisdictions: ['GB'],
    pollIntervalSeconds: 3_600,
    recorded: { file: 'ico/news-search.json', contentType: 'application/json; charset=utf-8' },
  },
  {
    id: 'ico-enforcement',
    name: 'ICO enforcement action',
    kind: 'regulator',
    publisher: 'ico',
    homepage: 'https://ico.org.uk/action-weve-taken/enforcement/',
    url: 'https://ico.org.uk/global/rss-feeds/enforcement/',
    format: 'feed',
    language: 'en',
    jurisdictions: ['GB'],
    pollIntervalSeconds: 3_600,
    recorded: { file: 'ico/enforcement.xml', contentType: 'application/rss+xml; charset=utf-8' },
  },
];
