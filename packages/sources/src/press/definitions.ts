import type { SourceDefinition } from '../types.ts';

interface PressOutlet {
  id: string;
  name: string;
  homepage: string;
  url: string;
  /** Recorded response under testdata/press/, and the content type its generator serves. */
  file: string;
  contentType: string;
  pollIntervalSeconds: number;
}

const outlets: readonly PressOutlet[] = [
  {
    id: 'darkreading',
    name: 'Dark Reading',
    homepage: 'https://www.darkreading.com/',
    url: 'https://www.darkreading.com/rss.xml',
    file: 'press/darkreading.xml',
    contentType: 'application/rss+xml; charset=utf-8',
    pollIntervalSeconds: 1_800,
  },
  {
    id: 'theregister',
    name: 'The Register – Security',
    homepage: 'https://www.theregister.com/security/',
    // Atom; entry links go through the go.theregister.com/feed/ redirector.
    url: 'https://www.theregister.com/security/headlines.atom',
    file: 'press/theregister.atom',
    contentType: 'application/atom+xml; charset=utf-8',
    pollIntervalSeconds: 1_800,
  },
  {
    id: 'therecord',
    name: 'The Record from Recorded Future News',
    homepage: 'https://therecord.media/',
    url: 'https://therecord.media/feed',
    file: 'press/therecord.xml',
    contentType: 'application/rss+xml; charset=utf-8',
    pollIntervalSeconds: 1_800,
  },
  {
    id: '404media',
    name: '404 Media',
    homepage: 'https://www.404media.co/',
    // Ghost: the public feed; subscribers get full-text feeds at private URLs.
    url: 'https://www.404media.co/rss/',
    file: 'press/404media.xml',
    contentType: 'application/rss+xml; charset=utf-8',
    pollIntervalSeconds: 3_600,
  },
  {
    id: 'techcrunch-privacy',
    name: 'TechCrunch – Privacy',
    homepage: 'https://techcrunch.com/category/privacy/',
    url: 'https://techcrunch.com/category/privacy/feed/',
    file: 'press/techcrunch-privacy.xml',
    contentType: 'application/rss+xml; charset=UTF-8',
    pollIntervalSeconds: 3_600,
  },
  {
    id: 'iapp',
    name: 'IAPP Daily Dashboard',
    homepage: 'https://iapp.org/news/',
    // The long-cited feed URL. After IAPP's site rebuild it was reported empty or gone in 2026
    // (see testdata/press/README.md): a 404 or zero items will show on this source's health.
    url: 'https://iapp.org/rss/daily-dashboard/',
    file: 'press/iapp.xml',
    contentType: 'application/rss+xml; charset=utf-8',
    pollIntervalSeconds: 3_600,
  },
  {
    id: 'bleepingcomputer',
    name: 'BleepingComputer',
    homepage: 'https://www.bleepingcomputer.com/',
    url: 'https://www.bleepingcomputer.com/feed/',
    file: 'press/bleepingcomputer.xml',
    contentType: 'application/rss+xml; charset=utf-8',
    pollIntervalSeconds: 1_800,
  },
  {
    id: 'euractiv-tech',
    name: 'Euractiv – Tech',
    homepage: 'https://www.euractiv.com/sections/tech/',
    url: 'https://www.euractiv.com/sections/tech/feed/',
    file: 'press/euractiv-tech.xml',
    contentType: 'application/rss+xml; charset=UTF-8',
    pollIntervalSeconds: 3_600,
  },
];

/**
 * The trade press DPOs read. General outlets, so every one carries the `privacy` relevance
 * filter (core's `privacyRelevance`): only items about privacy and data protection are kept.
 * All are read by the generic feed adapter; jurisdictions come from tagging, not the source.
 * Recorded responses and how faithful each is: testdata/press/README.md.
 */
export const pressSources: readonly SourceDefinition[] = outlets.map(
  (outlet): SourceDefinition => ({
    id: outlet.id,
    name: outlet.name,
    kind: 'press',
    homepage: outlet.homepage,
    url: outlet.url,
    format: 'feed',
    language: 'en',
    jurisdictions: [],
    pollIntervalSeconds: outlet.pollIntervalSeconds,
    relevance: 'privacy',
    recorded: { file: outlet.file, contentType: outlet.contentType },
  }),
);
