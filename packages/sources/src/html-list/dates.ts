import { type MonthLanguage, monthIn } from '@regwatch/core';

/**
 * The date formats regulators print on their listing pages, read into ISO 8601 (`2026-03-12`,
 * or the ISO timestamp itself for `iso`) so normalisation never has to guess a language or
 * an order. Each reader finds the date anywhere in the text ("Published: 12th March 2026",
 * "Mié, 24/06/2026"), and refuses dates that do not exist (31 February).
 */
export const dateFormats = [
  'iso',
  'dmy',
  'month-name-en',
  'month-name-fr',
  'month-name-de',
  'month-name-nl',
  'month-name-es',
  'month-name-it',
  'month-name-sl',
] as const;
export type DateFormat = (typeof dateFormats)[number];

const pad = (value: number): string => String(value).padStart(2, '0');

/** `YYYY-MM-DD` when the day exists in that month, else null. */
function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const isoPattern = /\b(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/;
const dmyPattern = /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/;
// Letters of the languages' month names, accents included.
const word = '([A-Za-zÀ-ÿ]{3,10})\\.?';
// Spanish writes "24 de junio de 2026".
const dayFirst = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th|er|e)?\\.?\\s+(?:de\\s+)?${word},?\\s+(?:de\\s+)?(\\d{4})\\b`,
  'i',
);
const monthFirst = new RegExp(`\\b${word}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');

function monthName(language: MonthLanguage, raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : monthIn(language, raw);
}

function readMonthName(text: string, language: MonthLanguage): string | null {
  const dm = dayFirst.exec(text);
  const dmMonth = monthName(language, dm?.[2]);
  if (dm && dmMonth) return isoDay(Number(dm[3]), dmMonth, Number(dm[1]));
  // "March 12, 2026": English only.
  if (language === 'en') {
    const md = monthFirst.exec(text);
    const mdMonth = monthName(language, md?.[1]);
    if (md && mdMonth) return isoDay(Number(md[3]), mdMonth, Number(md[2]));
  }
  return null;
}

/** The date in `text` as ISO 8601 in the given format, or null when there is none (or it does not exist). */
export function readDate(text: string, format: DateFormat): string | null {
  switch (format) {
    case 'iso': {
      const match = isoPattern.exec(text);
      if (!match || !isoDay(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
      return match[0];
    }
    case 'dmy': {
      const match = dmyPattern.exec(text);
      return match ? isoDay(Number(match[3]), Number(match[2]), Number(match[1])) : null;
    }
    case 'month-name-en':
      return readMonthName(text, 'en');
    case 'month-name-fr':
      return readMonthName(text, 'fr');
    case 'month-name-de':
      return readMonthName(text, 'de');
    case 'month-name-nl':
      return readMonthName(text, 'nl');
    case 'month-name-es':
      return readMonthName(text, 'es');
    case 'month-name-it':
      return readMonthName(text, 'it');
    case 'month-name-sl':
      return readMonthName(text, 'sl');
  }
}
