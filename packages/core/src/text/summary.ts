import { decodeHTMLStrict } from 'entities';
import { stripBoilerplate } from '../tagging/boilerplate.ts';
import { foldSameLength } from '../tagging/tokens.ts';
import { cleanText, htmlToText, truncate } from './clean.ts';
import { endsAsSentence, splitSentences } from './sentences.ts';

/**
 * What a reader sees under a title: clean prose. A feed's description or an article page's
 * text goes in (HTML or plain text); out comes one paragraph with entities decoded (twice-
 * escaped ones too), without what is not the story (a repeat of the title with its byline and
 * date, a dateline, a reference marker, "read more" and ellipsis tails, feed footers, related
 * reading), cut at a sentence end within `maxChars`. A sentence the source cut off is dropped
 * when a whole one precedes it; a text that is one sentence too long is cut at a word boundary
 * with an ellipsis, never inside a word. Empty only when the input has no text.
 */
export interface SummaryOptions {
  /** Longest summary, in characters. */
  maxChars?: number;
  /** The item's title: a text that starts by repeating it (with a byline or date) loses the repeat. */
  title?: string | undefined;
}

export const summaryDefaults = { maxChars: 600 } as const;

/** How much of a text is read, in multiples of `maxChars`: enough for a repeated title, a byline and headings. */
const readFactor = 10;

/** Entities still there after HTML decoding: the source escaped them twice (`&amp;nbsp;`). */
const leftoverEntity = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** Decodes entities left in text that was already decoded once (at most twice more). */
export function decodeLeftoverEntities(text: string): string {
  let decoded = text;
  for (let pass = 0; pass < 2 && leftoverEntity.test(decoded); pass += 1) decoded = decodeHTMLStrict(decoded);
  return decoded;
}

/** How a source marks that it cut the text: `[…]`, `[...]`, `(…)`, `…`, `...`. */
const cutMarker = /\s*(?:\[\s*(?:…|\.{2,})\s*\]|\(\s*(?:…|\.{2,})\s*\)|…|\.{3,})\s*$/u;
/** A marker in brackets cuts wherever the character count ran out, mid-word included. */
const bracketedCut = /(?:\[\s*(?:…|\.{2,})\s*\]|\(\s*(?:…|\.{2,})\s*\))\s*$/u;

/** "Read more" links at the end of a teaser, in the sources' languages. */
const readMore =
  /\s*(?:[|›»→-]\s*)?(?:read (?:more|the full (?:story|article))|continue reading|keep reading|more\s*»|lire (?:la suite|plus)|en savoir plus|weiterlesen|mehr lesen|leer más|seguir leyendo|lees (?:meer|verder)|leggi (?:tutto|di più|altro)|continua a leggere|preberi (?:več|vec))\s*(?:[.…›»→]+\s*)?$/iu;

/** A bracketed reference the page puts before the text: `[doc. web n. 10259701]`. */
const leadingReference = /^\[[^\]\n]{1,60}\]\s*/u;

/**
 * A dateline: a place (or places) and a day before a dash ("Brussels, 14 July –",
 * "Brussels/Frankfurt, 1 July –", "WASHINGTON, June 5 —"), or a capitalised place before a
 * dash or a wire agency ("SAN FRANCISCO (Reuters) —", "BERLIN —").
 */
const dateline = new RegExp(
  [
    String.raw`^\p{Lu}[\p{L}'.-]*(?:[ /-]\p{Lu}[\p{L}'.-]*){0,3},\s+(?:\d{1,2}\.?\s+\p{L}+\.?|\p{L}+\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*[–—-]+\s*`,
    String.raw`^\p{Lu}{2,}(?:[ /-]\p{Lu}{2,}){0,3}(?:,\s+\p{Lu}[\p{L}.]*)?\s*(?:\([^)\n]{1,30}\))?\s*[–—]+\s*`,
    String.raw`^\p{Lu}{2,}(?:[ /-]\p{Lu}{2,}){0,3}\s*\([^)\n]{1,30}\)\s*-\s*`,
  ].join('|'),
  'u',
);

/** A date as bylines write it: `24/06/2026`, `24.06.2026`, `2026-06-24`, `24 June 2026`, `June 24, 2026`. */
const dateShape = String.raw`(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}{3,}\.?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4})`;

/**
 * What follows a repeated title in a rendered teaser: an author or organisation, a weekday and
 * a date ("AEPD Mié, 24/06/2026", "By Jane Doe | 3 June 2026"). At most a few words, then a date.
 */
const bylineAndDate = new RegExp(
  String.raw`^(?:(?:by|par|von|door|por|di|da)\s+)?(?:[\p{L}.&'’-]+\s+){0,4}?(?:[|·,–-]\s*)?(?:\p{L}{2,10}\.?,?\s+)?${dateShape}\s*`,
  'iu',
);

/** A byline alone in a paragraph: "By Jane Doe", "Par Jean Dupont, 3 juin 2026". */
const bylineParagraph = new RegExp(
  String.raw`^(?:by|par|von|door|por|di)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|et|und|en|y|e))*(?:\s*[,|·–-]\s*${dateShape})?$`,
  'u',
);

/** A run of four or more capitalised words: the formal heading of a decision, not prose. */
const formalHeading = /(?<=\s)\p{Lu}{2,}(?:\s+\p{Lu}{2,}){3,}\b/u;

/** A paragraph that only dates the page: "Published 3 June 2026", "Mis à jour le 24/06/2026 10:30". */
const dateParagraph = new RegExp(
  String.raw`^(?:(?:published|posted|updated|last updated|first published|publié le|mis à jour le|veröffentlicht(?: am)?|aktualisiert(?: am)?|stand|gepubliceerd(?: op)?|bijgewerkt(?: op)?|publicado(?: el)?|actualizado(?: el)?|pubblicato(?: il)?|aggiornato(?: il)?|objavljeno)\s*:?\s*)?(?:\p{L}{2,10}\.?,?\s+)?${dateShape}(?:,?\s*(?:at\s+|à\s+|um\s+)?\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|uhr|h))?)?$`,
  'iu',
);

/** Page furniture around an article's text: photo credits, reading times. */
const furnitureParagraph =
  /^(?:(?:photo|image|picture|illustration|credit|foto|bild|bildquelle|crédit photo)s?\s*(?:credit)?\s*:.{0,120}|\d{1,2}\s*(?:min(?:ute)?s?|minuten)\s+(?:read|lesezeit|de lecture|leestijd)|(?:lesezeit|temps de lecture|leestijd|reading time)\s*:?\s*\d{1,2}\s*\p{L}*)$/iu;

/** Folds for comparing a text's start with the title: case, accents, quotes, runs of spaces. */
function comparable(text: string): string {
  return foldSameLength(text).replace(/\s+/g, ' ');
}

/** The text with a leading repeat of the title removed, with the byline and date after it. */
function withoutTitleRepeat(text: string, title: string | undefined): string {
  const fullTitle = title ? cleanText(title).replace(/\s+/g, ' ') : '';
  const flat = text.replace(/\s+/g, ' ');
  // The title as the text repeats it: whole, or without a trailing reference ("… [10259701]").
  const cleanTitle = [fullTitle, fullTitle.replace(/\s*[[(][^\])]{1,40}[\])]$/u, '')].find(
    (candidate) => candidate.length >= 8 && comparable(flat).startsWith(comparable(candidate)),
  );
  if (cleanTitle === undefined) return text;
  let rest = flat.slice(cleanTitle.length).replace(/^[\s:.,;–—-]+/u, '');
  rest = rest.replace(bylineAndDate, '');
  // Paragraph breaks are gone from `flat`: take the same suffix of the original text.
  return restoreBreaks(text, rest);
}

/** `rest` is a suffix of `text` with whitespace collapsed: the same suffix with its line breaks. */
function restoreBreaks(text: string, rest: string): string {
  const target = rest.replace(/\s+/g, ' ').trim();
  if (!target) return '';
  // Walk back from the end, matching non-space characters.
  const wanted = target.replace(/\s/g, '').length;
  let seen = 0;
  let index = text.length;
  while (index > 0 && seen < wanted) {
    index -= 1;
    if (!/\s/.test(text[index] ?? '')) seen += 1;
  }
  return text.slice(index);
}

/** Paragraphs of a text, without empty ones. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/** A short line with no final punctuation, before a longer paragraph: a heading, not prose. */
function isHeading(paragraph: string, next: string | undefined): boolean {
  if (next === undefined || endsAsSentence(paragraph) || /[:;,]$/.test(paragraph)) return false;
  return paragraph.split(/\s+/).length <= 6 && next.split(/\s+/).length >= 12;
}

/** Removes cut markers and "read more" links at the end; says whether the source cut the text. */
function withoutTails(text: string): { text: string; cut: boolean } {
  let rest = text.trimEnd();
  let cut = false;
  for (;;) {
    const before = rest;
    const marker = cutMarker.exec(rest);
    if (marker) {
      const bracketed = bracketedCut.test(rest);
      const attached = marker[0].length > 0 && !/^\s/.test(marker[0]);
      rest = rest.slice(0, marker.index).trimEnd();
      // The source stopped at a sentence end and added the marker ("tech.…"): nothing was cut.
      if (!endsAsSentence(rest)) {
        cut = true;
        // A bracketed marker stuck to a word cut the word ("han[...]"): drop the piece.
        if (bracketed && attached) rest = rest.replace(/[\p{L}\p{N}'’-]+$/u, '').trimEnd();
      }
    }
    rest = rest.replace(readMore, '').trimEnd();
    if (rest === before) break;
  }
  return { text: rest.replace(/[\s,;:–—-]+$/u, ''), cut };
}

/** A byline, a date line, a credit or a reading time: short lines, so only short paragraphs are tested. */
function isFurniture(paragraph: string): boolean {
  if (paragraph.length > 160) return false;
  return bylineParagraph.test(paragraph) || dateParagraph.test(paragraph) || furnitureParagraph.test(paragraph);
}

/** Paragraph-level clean-up: references, datelines, bylines, headings and boilerplate. */
function proseParagraphs(text: string): string[] {
  const paragraphs = paragraphsOf(stripBoilerplate(text).text);
  const kept: string[] = [];
  for (const [index, raw] of paragraphs.entries()) {
    let paragraph = raw;
    if (kept.length === 0) paragraph = paragraph.replace(leadingReference, '').replace(dateline, '');
    if (isFurniture(paragraph)) continue;
    if (isHeading(paragraph, paragraphs[index + 1])) continue;
    if (paragraph) kept.push(paragraph);
  }
  return kept;
}

/** Joins paragraphs into one, ending each unpunctuated one (a bullet, a subtitle) with a period. */
function joinParagraphs(paragraphs: readonly string[]): string {
  // A single paragraph without a period is a dek ("Complaints to the OPC more than doubled"): as written.
  if (paragraphs.length < 2) return paragraphs.join('');
  return paragraphs
    .map((paragraph) => (!endsAsSentence(paragraph) && /[\p{L}\p{N})]$/u.test(paragraph) ? `${paragraph}.` : paragraph))
    .join(' ');
}

/** A line of a label list: a short label, a colon, a value. */
const labelLine = /^\p{L}[\p{L} /-]{1,30}: \S/u;

/** At most `maxChars` of whole lines (the first line cut at a word boundary when it is longer). */
function boundedByLines(lines: readonly string[], maxChars: number): string {
  let kept = '';
  for (const line of lines) {
    const next = kept ? `${kept}\n${line}` : line;
    if (next.length > maxChars) break;
    kept = next;
  }
  return kept || truncate(lines[0] ?? '', maxChars);
}

/** At most `maxChars`: whole sentences while they fit, else the first cut at a word boundary. */
function boundedBySentences(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let kept = '';
  for (const sentence of splitSentences(text)) {
    const next = kept ? `${kept} ${sentence}` : sentence;
    if (next.length > maxChars) break;
    kept = next;
  }
  return kept || truncate(text, maxChars);
}

export function summarise(text: string, options: SummaryOptions = {}): string {
  const maxChars = Math.max(options.maxChars ?? summaryDefaults.maxChars, 40);
  // Only the start of a long text (an article page) can reach the summary: the rest is not read.
  const plain = cleanText(decodeLeftoverEntities(htmlToText(text))).slice(0, maxChars * readFactor);
  if (!plain) return '';

  const afterTitle = withoutTitleRepeat(plain.replace(leadingReference, ''), options.title);
  // A text that only repeats the title (and its byline) still says something: keep it.
  const body = afterTitle || plain;
  const { text: untailed, cut } = withoutTails(body);
  // A list of "Label: value" lines (the AIAAIC register's system, purpose, sector…) is kept as lines.
  const lines = paragraphsOf(untailed);
  if (lines.length > 1 && lines.every((line) => labelLine.test(line))) return boundedByLines(lines, maxChars);
  let prose = joinParagraphs(proseParagraphs(untailed)).replace(/\s+/g, ' ').trim();
  if (!prose) prose = joinParagraphs(paragraphsOf(untailed)).replace(/\s+/g, ' ').trim();
  if (!prose) return '';

  if (cut && !endsAsSentence(prose)) {
    // The source cut its last sentence: keep the whole ones before it, else mark the cut.
    const sentences = splitSentences(prose);
    const whole = sentences.slice(0, -1).join(' ');
    if (whole && endsAsSentence(whole)) prose = whole;
    else {
      // A cut decision that got no further than its formal heading ("IL GARANTE PER LA
      // PROTEZIONE DEI DATI PERSONALI nella riunione…"): what precedes the heading is the text.
      const heading = formalHeading.exec(prose);
      prose = heading && heading.index > 0 ? `${prose.slice(0, heading.index).trimEnd()}.` : `${prose}…`;
    }
  }
  return boundedBySentences(prose, maxChars);
}
