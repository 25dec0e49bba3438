import type { HtmlListOptions } from '../html-list/adapter.ts';
import type { SourceDefinition } from '../types.ts';

const rss = 'application/rss+xml; charset=utf-8';
const html = 'text/html; charset=utf-8';

/** Selectors for the html-list regulators, fitted to their recorded pages (testdata/regulators/README.md). */
export const regulatorListings = {
  /** The DPC's decisions register: a two-column Drupal 10 grid of cards, dates like "9 Jun 2025". */
  dpcDecisions: {
    item: '.faq-section-results-box',
    title: 'h3 a',
    link: 'h3 a',
    date: '.datetime',
    dateFormat: 'month-name-en',
    summary: 'h3 + p',
  },
  /** The Slovenian IP's news list: one table row per item (a header row has no link), dates like "24.06.2026". */
  ipSiNews: {
    item: '.advsea-results-list tr:has(a)',
    title: 'td a',
    link: 'td a',
    date: 'td:first-child',
    dateFormat: 'dmy',
  },
  /** The Garante's register of decisions (Liferay search results), dates like "28/05/2026". */
  garanteDecisions: {
    item: '.card-risultato',
    title: 'a.titolo-risultato',
    link: 'a.titolo-risultato',
    date: '.data-risultato',
    dateFormat: 'dmy',
    summary: '.estratto-risultato',
    // The decision's type ("Ordinanza ingiunzione o revoca"), then its subjects ("Dati sanitari").
    categories: '.badge a',
  },
} as const satisfies Record<string, HtmlListOptions>;

/**
 * Data-protection regulators beyond the ICO and the OPC. Each uses its real feed when it has
 * one; the three without a usable feed are read from their listing pages (`html-list`). What
 * each recording is, and how sure each URL is, is in testdata/regulators/README.md.
 */
export const regulatorsSources: readonly SourceDefinition[] = [
  {
    id: 'edpb',
    name: 'European Data Protection Board – news',
    kind: 'regulator',
    homepage: 'https://www.edpb.europa.eu/news_en',
    url: 'https://www.edpb.europa.eu/feed/news_en',
    format: 'feed',
    language: 'en',
    jurisdictions: ['EU'],
    pollIntervalSeconds: 3_600,
    recorded: { file: 'regulators/edpb.xml', contentType: rss },
  },
  {
    id: 'dpc-ie',
    name: 'Data Protection Commission (Ireland) – decisions',
    kind: 'regulator',
    homepage: 'https://www.dataprotection.ie/en/dpc-guidance/decisions',
    url: 'https://www.dataprotection.ie/en/dpc-guidance/decisions',
    format: 'html-list',
    options: regulatorListings.dpcDecisions,
    language: 'en',
    jurisdictions: ['IE'],
    pollIntervalSeconds: 10_800,
    recorded: { file: 'regulators/dpc-ie-decisions.html', contentType: html },
  },
  {
    id: 'cnil',
    name: 'CNIL – actualités',
    kind: 'regulator',
    homepage: 'https://www.cnil.fr/fr/actualites',
    url: 'https://www.cnil.fr/fr/rss.xml',
    format: 'feed',
    language: 'fr',
    jurisdictions: ['FR'],
    pollIntervalSeconds: 3_600,
    recorded: { file: 'regulators/cnil.xml', contentType: rss },
  },
  {
    id: 'ap-nl',
    name: 'Autoriteit Persoonsgegevens – nieuwsberichten en blogs',
    kind: 'regulator',
    homepage: 'https://www.autoriteitpersoonsgegevens.nl/actueel',
    url: 'https://www.autoriteitpersoonsgegevens.nl/feed/article/rss.xml',
    format: 'feed',
    language: 'nl',
    jurisdictions: ['NL'],
    pollIntervalSeconds: 3_600,
    // Entries without text (README "Article pages"): their article page is read instead.
    fetchArticlePages: 'when-empty',
    recorded: { file: 'regulators/ap-nl.xml', contentType: rss },
  },
  {
    id: 'bfdi',
    name: 'BfDI – Aktuelles',
    kind: 'regulator',
    homepage: 'https://www.bfdi.bund.de/',
    url: 'https://www.bfdi.bund.de/SiteGlobals/Functions/RSSFeed/Allgemein/rssnewsfeed.xml?nn=251944',
    format: 'feed',
    language: 'de',
    jurisdictions: ['DE'],
    pollIntervalSeconds: 3_600,
    // Entries without text (README "Article pages"): their article page is read instead.
    fetchArticlePages: 'when-empty',
    recorded: { file: 'regulators/bfdi.xml', contentType: rss },
  },
  {
    id: 'aepd',
    name: 'AEPD – notas de prensa',
    kind: 'regulator',
    homepage: 'https://www.aepd.es/prensa-y-comunicacion/notas-de-prensa',
    url: 'https://www.aepd.es/noticias/feed.xml',
    format: 'feed',
    language: 'es',
    jurisdictions: ['ES'],
    pollIntervalSeconds: 3_600,
    recorded: { file: 'regulators/aepd.xml', contentType: rss },
  },
  {
    id: 'garante-it',
    name: 'Garante per la protezione dei dati personali – provvedimenti',
    kind: 'regulator',
    homepage: 'https://www.garanteprivacy.it/home/ricerca/-/search/tipologia/Provvedimenti',
    url: 'https://www.garanteprivacy.it/home/ricerca/-/search/tipologia/Provvedimenti',
    format: 'html-list',
    options: regulatorListings.garanteDecisions,
    language: 'it',
    jurisdictions: ['IT'],
    pollIntervalSeconds: 10_800,
    recorded: { file: 'regulators/garante-it.html', contentType: html },
  },
  {
    id: 'ip-si',
    name: 'Informacijski pooblaščenec (Slovenia) – novice',
    kind: 'regulator',
    homepage: 'https://www.ip-rs.si/novice/',
    url: 'https://www.ip-rs.si/novice/',
    format: 'html-list',
    options: regulatorListings.ipSiNews,
    language: 'sl',
    jurisdictions: ['SI'],
    pollIntervalSeconds: 10_800,
    // Entries without text (README "Article pages"): their article page is read instead.
    fetchArticlePages: 'when-empty',
    recorded: { file: 'regulators/ip-si.html', contentType: html },
  },
  {
    id: 'ftc',
    name: 'US Federal Trade Commission – consumer protection press releases',
    kind: 'regulator',
    homepage: 'https://www.ftc.gov/news-events/news/press-releases',
    url: 'https://www.ftc.gov/feeds/press-release-consumer-protection.xml',
    format: 'feed',
    language: 'en',
    jurisdictions: ['US'],
    pollIntervalSeconds: 3_600,
    // Consumer protection at large (subscriptions, fraud, advertising): keep the privacy items.
    relevance: 'privacy',
    recorded: { file: 'regulators/ftc.xml', contentType: rss },
  },
  {
    id: 'ca-ag',
    name: 'California Attorney General – press releases',
    kind: 'regulator',
    homepage: 'https://oag.ca.gov/news',
    url: 'https://oag.ca.gov/news/feed',
    format: 'feed',
    language: 'en',
    jurisdictions: ['US-CA'],
    pollIntervalSeconds: 3_600,
    // Every matter of the state's Department of Justice: keep the privacy (CCPA) items.
    relevance: 'privacy',
    recorded: { file: 'regulators/ca-ag.xml', contentType: rss },
  },
];
