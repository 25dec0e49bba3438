import { foldForMatching } from './privacy-relevance.ts';

/**
 * Is an entry news, or a page a site's feed carries that is not (an index of the site's own
 * pages, the agenda of a meeting)? Regulators' CMSs put such pages in their news feeds: the
 * CNIL's "Informations publiques" ("Cette page recense les informations publiques…") and
 * "Ordre du jour de la séance plénière du 18 juin 2026". They are kept out, and counted with
 * the reason, as the privacy relevance filter counts what it drops. Pure and conservative:
 * an entry is dropped only when a rule says what kind of page it is.
 */
export interface NewsPageInput {
  title: string;
  summary: string;
}

export type NewsPageVerdict = { news: true } | { news: false; reason: NonNewsReason; evidence: string };

/** Why an entry is not news. */
export type NonNewsReason = 'index-page' | 'meeting-agenda';

/** Titles that are the name of a section of a site, not of an event (folded). */
const sectionTitles = new Set([
  'informations publiques',
  'actualites',
  'toutes les actualites',
  'communiques de presse',
  'publications',
  'accueil',
  'plan du site',
  'mentions legales',
  'nous contacter',
  'news',
  'latest news',
  'press releases',
  'media centre',
  'home',
  'sitemap',
  'contact us',
  'aktuelles',
  'pressemitteilungen',
  'startseite',
  'nieuws',
  'actueel',
  'noticias',
  'notas de prensa',
  'notizie',
  'comunicati stampa',
  'novice',
]);

/** A text that describes the page it is on: "Cette page recense…", "This page lists…". */
const describesItsPage =
  /^(?:cette page (?:recense|regroupe|rassemble|liste|presente la liste|repertorie)|sur cette page,? (?:vous trouverez|retrouvez)|this page (?:lists|brings together|collects|gathers|links to|contains (?:links|a list))|on this page you (?:will|can) find|diese seite (?:bietet (?:eine|einen) (?:ubersicht|uberblick)|enthalt (?:eine liste|alle)|sammelt)|auf dieser seite finden sie (?:eine ubersicht|alle)|op deze pagina (?:vindt u|staan) (?:een overzicht|alle)|en esta pagina (?:encontrara|se recogen|puede consultar)|in questa pagina (?:sono raccolti|trovi|e possibile consultare)|na tej strani (?:so zbrani|najdete))\b/;

/** The agenda of a meeting, announced before it takes place (folded titles). */
const agendaTitle =
  /^(?:ordre du jour\b|agenda (?:of|for) the (?:\w+ )?(?:plenary|meeting|session)\b|(?:plenary|board|meeting) agenda\b|tagesordnung\b|orden del dia\b|ordine del giorno\b|dnevni red\b|agenda (?:van|voor) de (?:\w+ )?(?:vergadering|plenaire|zitting)\b)/;

export function newsPageVerdict(input: NewsPageInput): NewsPageVerdict {
  const title = foldForMatching(input.title).replace(/[\s.:!]+$/, '');
  const summary = foldForMatching(input.summary);
  if (sectionTitles.has(title)) return { news: false, reason: 'index-page', evidence: `title "${input.title}"` };
  const description = describesItsPage.exec(summary);
  if (description) return { news: false, reason: 'index-page', evidence: `summary "${description[0]}"` };
  const agenda = agendaTitle.exec(title);
  if (agenda) return { news: false, reason: 'meeting-agenda', evidence: `title "${agenda[0]}"` };
  return { news: true };
}
