import type { Mention, PlaceRole, ScanField } from './phrase-index.ts';

/**
 * Places a text names without the story being about them: a dateline ("Brussels/Frankfurt,
 * 1 July –"), a company's home ("US-based", "Chinese firm", "une société … de l'Alberta"), the
 * destination of a data transfer ("data sent to China"), the venue of an event ("the conference
 * took place in Seoul"). The authority that acts and the law it applies say where a story is;
 * these do not: `jurisdictionTags` leaves such mentions out whenever anything else in the item
 * (the source, a label, another place, an authority, a law) says where it is. With nothing else,
 * the passing mention is the best guess left ("steal USD 35m from Dubai company"). Patterns run on
 * folded text (lower case, no accents), in the languages the sources publish in.
 */

/** One place of a dateline: up to three capitalised words ("Brussels", "The Hague", "Frankfurt am Main" is two). */
const datelinePlace = String.raw`\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}`;
/**
 * A dateline: places with a date (a digit in it) or an agency, or places in capitals, then a
 * dash: "Brussels, 14 July –", "Brussels/Frankfurt, 1 July –", "Paris, le 3 mai 2026 —",
 * "FRANKFURT (Reuters) -", "WASHINGTON —". A capitalised phrase before a dash alone
 * ("Canada's privacy commissioner – …") is not one.
 */
const dateline = new RegExp(
  String.raw`^\s*(?:${datelinePlace}(?:\s*/\s*${datelinePlace})*(?:,[^–—\n,(]{0,20}\d[^–—\n,(]{0,20}|\s*\([^)\n]{1,30}\))` +
    String.raw`|\p{Lu}[\p{Lu}\s/.'’-]{2,40}?(?:\s*\([^)\n]{1,30}\))?)\s*(?:[–—]|--?(?=\s))`,
  'u',
);

/** The length of the dateline a field starts with, 0 when none. Only the lead can carry one. */
export function datelineLength(field: ScanField): number {
  if (field.field !== 'lead') return 0;
  return dateline.exec(field.original)?.[0].length ?? 0;
}

const companyNouns =
  '(?:company|companies|firm|firms|startup|start-up|giant|conglomerate|group|maker|manufacturer|provider|developer|vendor|operator|owner|entreprise|societe|start-up|unternehmen|konzern|firma|bedrijf|empresa|azienda|societa|podjetje)';
/** Just after a place: it qualifies a company ("US-based", "Chinese firm", "German-headquartered"). */
const homeAfter = new RegExp(
  `^(?:-|\\s)(?:based|headquartered|owned)\\b|^(?:\\s+(?:tech|technology|software|ai|app|e-commerce|telecoms?|social media|data))?\\s+${companyNouns}\\b`,
  'u',
);
/** Just before a place: where a company is based or registered. */
const homeBefore =
  /(?:(?:based|headquartered|incorporated|registered|domiciled) in|(?:societe|entreprise|compagnie)\b[^.,;]{0,60}?\b(?:de|du|d')|mit sitz in|gevestigd in|con sede en|con sede in)\s*(?:the\s+|l'|la\s+|les\s+)?$/u;
/** Just before a place: where data is sent, stored or hosted. */
const destinationBefore =
  /(?:(?:transfer(?:s|red|ring)?|sen[dt]|sending|flow(?:s|ed|ing)?|export(?:s|ed|ing)?|shar(?:e|es|ed|ing))\b[^.;]{0,60}?\bto|(?:stored|hosted|kept|processed) in|servers? in|transfer(?:t|ts|ees?|e|er)?\b[^.;]{0,60}?\b(?:vers|aux?)|ubermittl\w*\b[^.;]{0,60}?\b(?:in|nach)|doorgifte\b[^.;]{0,60}?\bnaar|transferencias?\b[^.;]{0,60}?\b(?:a|hacia)|trasferiment\w*\b[^.;]{0,60}?\bverso)\s*(?:the\s+|les?\s+|la\s+|l'|die\s+|den\s+|das\s+|de\s+|el\s+|los\s+)?$/u;
/** A sentence about an event; a place right after "in" in it is where the event is. */
const eventSentence =
  /\b(?:took place|takes? place|taking place|(?:was|were|is|are|will be) held|hosted|conference|summit|symposium|roundtable|fand|findet|statt|konferenz|jahreskonferenz|tagung|gipfel|veranstaltung|debatte|s'est tenue?|se tiendra|a eu lieu|colloque|sommet|tuvo lugar|se celebr\w*|encuentro|cumbre|si e svolt\w*|si terra|vertice|vond plaats|conferentie|potekal\w*|konferenc\w*|posvet\w*)\b/u;
const venueBefore = /(?:^|\s)(?:in|at|a|au|en|im|v|na)\s*$/u;
/**
 * Just before a place: a postal address, where an office is ("Paseo de la Castellana, 141
 * (Madrid)", "Graurheindorfer Str. 153, 53117 Bonn", "3 rue de Fontenoy, 75007 Paris"): a
 * house number then a bracket, or a postcode of four or five digits that is not a year.
 */
const addressBefore = /(?:\b\d{1,4}[a-z]?\s*\(\s*|\b(?!(?:19|20)\d\d\b)\d{4,5}\s+)$/u;

function sentenceOf(folded: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[.!?\n]/.test(folded[from - 1] ?? '')) from -= 1;
  let to = end;
  while (to < folded.length && !/[.!?\n]/.test(folded[to] ?? '')) to += 1;
  return folded.slice(from, to);
}

/** Why a place mention says nothing about where the story is, or null when it may. */
export function placeRole(mention: Mention, field: ScanField, datelineEnd: number): PlaceRole | null {
  if (mention.candidate.table !== 'place') return null;
  const start = mention.start;
  const end = start + mention.phrase.length;
  if (start < datelineEnd) return 'dateline';
  const before = field.folded.slice(Math.max(0, start - 100), start);
  const after = field.folded.slice(end, end + 40);
  if (homeAfter.test(after) || homeBefore.test(before)) return 'home';
  if (destinationBefore.test(before)) return 'destination';
  if (addressBefore.test(before)) return 'address';
  if (venueBefore.test(before) && eventSentence.test(sentenceOf(field.folded, start, end))) return 'venue';
  return null;
}

/** Marks the field's places that it names only in passing (see `placeRole`); returns the same list. */
export function markIncidentalPlaces<F extends string>(mentions: Mention<F>[], field: ScanField<F>): Mention<F>[] {
  if (!mentions.some((mention) => mention.candidate.table === 'place')) return mentions;
  const datelineEnd = datelineLength(field);
  for (const mention of mentions) {
    const role = placeRole(mention, field, datelineEnd);
    if (role) mention.role = role;
  }
  return mentions;
}
