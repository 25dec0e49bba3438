import { frenchWords, translatePhrases } from './cross-language.ts';
import { stopWords } from './stop-words.ts';

/**
 * Text to matching tokens: Unicode-aware, lower case, accents stripped, amounts written one way
 * (`€325m`, `325 million`, `325 millions d'euros` → `325m`), English possessives and French
 * elisions dropped. Pure and deterministic.
 */

/** Lower case, compatibility-decomposed, combining marks removed, typographic quotes and dashes made ASCII. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase();
}

/**
 * Wire-service and aggregator decorations that change a headline without changing the article:
 * Reuters version prefixes (`UPDATE 2-`, `REFILE-`, `CORRECTED-`), Reuters topic slugs
 * (`GLOBAL MARKETS-`, `US STOCKS-`), version counters (`(2)`, `(Update)`, `--2nd Update`),
 * media tags (`(+video)`) and trailing truncation marks (`  ...`, `…`).
 */
export function stripWireMarkers(title: string): string {
  let text = title.trim();
  for (let pass = 0; pass < 4; pass += 1) {
    const before = text;
    text = text
      .replace(
        /^(?:UPDATE|REFILE|CORRECTED|CORRECTION|RPT|REPEAT|WRAPUP|EXCLUSIVE|INSIGHT|ANALYSIS|FACTBOX|BREAKINGVIEWS|PREVIEW|TIMELINE|RECAP)(?:\s*\d+)?\s*[-:]\s*/,
        '',
      )
      // A Reuters slug: capitals (at least four letters), a hyphen, then the headline with no space.
      .replace(/^(?=(?:[^a-z]*[A-Z]){4})[A-Z][A-Z0-9 .&/']{2,40}-(?=[A-Z0-9"'\u2018\u201C])/, '')
      .replace(/(?:\s*(?:\.{2,}|…|\[…\]))+\s*$/u, '')
      .replace(/\s*\((?:\d{1,2}|\+?\s*video|video|update|updated|corrected|photos?|live)\)\s*$/i, '')
      .replace(/\s*-{1,2}\s*(?:\d(?:st|nd|rd|th)\s+)?update\s*$/i, '')
      // A stray counter some aggregators append (`... class action 0`).
      .replace(/(?<=\p{L})\s+0$/u, '')
      .trim();
    if (text === before) break;
  }
  return text;
}

/**
 * A headline without what outlets add around the same text, for copy detection: wire markers,
 * a section label in capitals or a media tag before a colon (`VIDEO:`, `MARKET SNAPSHOT:`), and
 * an outlet or byline after ` | ` or ` - ` at the end (`| Huffingtonpost`, `- Analyst Blog`).
 * Story matching keeps those words; copy detection must not count them.
 */
export function stripHeadlineDecorations(title: string): string {
  let text = stripWireMarkers(title);
  for (let pass = 0; pass < 3; pass += 1) {
    const before = text;
    text = text
      .replace(
        /^(?:\p{Lu}{2,}(?:\s+\p{Lu}{2,}){0,2}|Video|Watch|Live|Photos?|Breaking|Opinion|Food|Report)\s*:\s+/u,
        '',
      )
      .replace(/\s+\|\s+[^|]{1,40}$/u, '')
      .replace(/\s+[-–—]\s+(?:\S+\s+){0,2}\S+$/u, '')
      .trim();
    text = stripWireMarkers(text);
    if (text === before) break;
  }
  return text;
}

/** Numbers written one way: `1,000` → `1000`, `2,31` → `2.31`, and a scale word folded into a suffix. */
function normaliseAmounts(folded: string): string {
  return (
    folded
      // Thousands separators (comma, thin or normal space between groups of three digits).
      .replace(/(\d)[,\u202F\u00A0 ](?=\d{3}(?!\d))/g, '$1')
      // A decimal comma.
      .replace(/(\d),(?=\d)/g, '$1.')
      .replace(/(\d+(?:\.\d+)?)\s*(?:m|mn|mln|mio|million|millions)(?![\p{L}\p{N}])/gu, '$1m')
      .replace(/(\d+(?:\.\d+)?)\s*(?:b|bn|bln|billion|billions|milliard|milliards|mds|md)(?![\p{L}\p{N}])/gu, '$1bn')
      .replace(/(\d+(?:\.\d+)?)\s*(?:k|thousand)(?![\p{L}\p{N}])/gu, '$1k')
      // `.0` adds nothing: `2.0m` is `2m`.
      .replace(/(\d)\.0+(?=(?:m|bn|k)?(?![\p{L}\p{N}]))/gu, '$1')
  );
}

const tokenPattern = /\d+(?:\.\d+)?(?:m|bn|k)?(?![\p{L}\p{N}])|[\p{L}\p{N}]+/gu;

/**
 * Every word of the text, folded, in order (stop words kept, nothing stemmed): the material of
 * near-duplicate shingles.
 */
export function wordTokens(text: string): string[] {
  const folded = normaliseAmounts(foldText(text))
    // English possessive, French elisions (l', d', qu', jusqu'…).
    .replace(/(?<=[\p{L}\p{N}])'s(?![\p{L}\p{N}])/gu, '')
    .replace(/(?<![\p{L}\p{N}])(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=\p{L})/gu, '');
  return folded.match(tokenPattern) ?? [];
}

/** A light English and French stemmer: plural, past, gerund and feminine endings only. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ings') && w.length > 6) w = w.slice(0, -4);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && w.length > 4 && !w.endsWith('sses')) w = w.slice(0, -2);
  else if (/[^su]s$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('x') && /[aeo]ux$/.test(w) && w.length > 4) w = w.slice(0, -1);
  // Feminine or silent e (`fine`, `amende`, `donnee`), and a doubled final consonant (`planned`).
  while (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4 && /([bdfglmnprt])\1$/.test(w)) w = w.slice(0, -1);
  // `company` and `companies` meet at `compani`.
  if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

/** Whether the folded token carries meaning for matching (not a stop word, not a lone letter). */
export function isContentToken(token: string): boolean {
  if (stopWords.has(token)) return false;
  if (token.length < 2) return false;
  return true;
}

/** One matching term for a folded token: mapped across languages, then stemmed. */
export function termOf(token: string): string {
  return stem(frenchWords[token] ?? token);
}

/** Matching terms of the text, in order, repeats kept: stop words dropped, words mapped and stemmed. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of translatePhrases(wordTokens(text))) if (isContentToken(token)) terms.push(termOf(token));
  return terms;
}

/**
 * Terms that name something: acronyms (`CNIL`, `ICO`), mixed-case names (`TikTok`, `23andMe`),
 * numbers and amounts, and, in sentence-case text, capitalised words that do not start a
 * sentence. In Title Case text (most headlines) capitals say nothing, so only the first three
 * kinds count.
 */
export function entityTerms(text: string): string[] {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? [];
  const lettered = words.filter((word) => /\p{L}/u.test(word) && !stopWords.has(foldText(word)));
  const capitalised = lettered.filter((word) => /^\p{Lu}/u.test(word)).length;
  const titleCase = lettered.length > 0 && capitalised / lettered.length > 0.6;
  const entities = new Set<string>();
  const sentenceStarts = new Set<number>();
  for (const match of text.matchAll(/(?:^|[.!?:;]\s+|\n)\s*["'“‘(]?([\p{L}\p{N}])/gu)) {
    if (match.index !== undefined) sentenceStarts.add(match.index + match[0].length - 1);
  }
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}]*/gu)) {
    const word = match[0];
    const position = match.index ?? 0;
    // Numbers and amounts are read below, whole (`$1.8bn` is one amount, not `1` and `8bn`).
    if (/^\p{N}/u.test(word)) continue;
    const acronym = /^\p{Lu}{2,}\d*$/u.test(word) && word.length <= 8;
    const mixed = /^\p{L}*\p{Ll}\p{Lu}/u.test(word) || /\d\p{L}|\p{L}\d/u.test(word);
    const capitalisedName =
      !titleCase && /^\p{Lu}\p{Ll}/u.test(word) && !sentenceStarts.has(position) && !stopWords.has(foldText(word));
    if (acronym || mixed || capitalisedName) {
      for (const token of wordTokens(word)) if (isContentToken(token)) entities.add(termOf(token));
    }
  }
  for (const token of wordTokens(text)) if (/^\d/.test(token) && isAmountOrNumber(token)) entities.add(token);
  return [...entities].sort();
}

/** Numbers that identify an event: amounts (`325m`) and numbers of three or more digits other than years. */
function isAmountOrNumber(token: string): boolean {
  if (/^\d+(?:\.\d+)?(?:m|bn|k)$/.test(token)) return true;
  if (/^\d+\.\d+$/.test(token)) return true;
  return /^\d{3,}$/.test(token) && !/^(?:19|20)\d{2}$/.test(token);
}
