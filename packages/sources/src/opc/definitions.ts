import type { SourceDefinition } from '../types.ts';

const site = 'https://www.priv.gc.ca';

interface OpcFeed {
  /** Id part and the feed's key in the `/{lang}/rss/{key}` URL. */
  key: 'news' | 'pipeda' | 'parl' | 'blog';
  /** Trailing slash as OPC links the feed (the blog feed is linked without one). */
  slash: '/' | '';
  names: { en: string; fr: string };
  homepages: { en: string; fr: string };
  pollIntervalSeconds: number;
}

const feeds: readonly OpcFeed[] = [
  {
    key: 'news',
    slash: '/',
    names: { en: 'OPC news and announcements', fr: 'Commissariat – Nouvelles et annonces' },
    homepages: {
      en: `${site}/en/opc-news/news-and-announcements/`,
      fr: `${site}/fr/nouvelles-du-commissariat/nouvelles-et-annonces/`,
    },
    pollIntervalSeconds: 3_600,
  },
  {
    key: 'pipeda',
    slash: '/',
    names: { en: 'OPC findings under PIPEDA', fr: 'Commissariat – Conclusions en vertu de la LPRPDE' },
    homepages: {
      en: `${site}/en/opc-actions-and-decisions/investigations/investigations-into-businesses/`,
      fr: `${site}/fr/mesures-et-decisions-prises-par-le-commissariat/enquetes/enquetes-visant-les-entreprises/`,
    },
    pollIntervalSeconds: 3_600,
  },
  {
    key: 'parl',
    slash: '/',
    names: { en: 'OPC advice to Parliament', fr: 'Commissariat – Conseils au Parlement' },
    homepages: {
      en: `${site}/en/opc-actions-and-decisions/advice-to-parliament/`,
      fr: `${site}/fr/mesures-et-decisions-prises-par-le-commissariat/conseils-au-parlement/`,
    },
    pollIntervalSeconds: 7_200,
  },
  {
    key: 'blog',
    slash: '',
    names: { en: 'OPC blog', fr: 'Blogue du Commissariat' },
    homepages: { en: `${site}/en/blog/`, fr: `${site}/fr/blogue/` },
    pollIntervalSeconds: 7_200,
  },
];

/**
 * The Office of the Privacy Commissioner of Canada: four RSS feeds, each in English and French.
 * One generator serves them all (relative links, two-digit years): the generic feed adapter
 * reads them and normalisation resolves links against the feed URL. The French feed URLs
 * mirror the English ones under `/fr/` (see testdata/opc/README.md for how sure that is).
 */
export const opcSources: readonly SourceDefinition[] = feeds.flatMap((feed) =>
  (['en', 'fr'] as const).map(
    (language): SourceDefinition => ({
      id: `opc-${feed.key}-${language}`,
      name: feed.names[language],
      kind: 'regulator',
      publisher: 'opc',
      homepage: feed.homepages[language],
      url: `${site}/${language}/rss/${feed.key}${feed.slash}`,
      format: 'feed',
      language,
      jurisdictions: ['CA'],
      pollIntervalSeconds: feed.pollIntervalSeconds,
      recorded: { file: `opc/${feed.key}-${language}.xml`, contentType: 'application/rss+xml; charset=utf-8' },
    }),
  ),
);
