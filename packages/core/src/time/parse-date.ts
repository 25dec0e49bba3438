import { anyMonth } from './month-names.ts';

/**
 * How much of a publication date the source gave: a moment (`instant`), a calendar day, a
 * month or only a year. A date with a time of exactly midnight is read as a day: sources that
 * know only the day write `00:00:00` (the OPC, the ICO's enforcement feed).
 */
export const datePrecisions = ['instant', 'day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** A publication date as Regwatch stores it: a sortable instant and how precise it is. */
export interface PublishedDate {
  /**
   * The moment, for `instant`; otherwise the start of the day, month or year at 00:00 UTC of the
   * calendar date the source wrote (never shifted by its zone, so the date shown is the source's).
   */
  at: Date;
  precision: DatePrecision;
}

/** Zone abbreviations that appear in real feeds, as minutes east of UTC. */
const zoneOffsets: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  BST: 60,
  IST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  WEST: 60,
  EET: 120,
  EEST: 180,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  ACST: 570,
  AWST: 480,
  NZST: 720,
  NZDT: 780,
  SGT: 480,
};

/** RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx. */
function fullYear(year: string): number {
  const value = Number(year);
  if (year.length > 2) return value;
  return value < 50 ? 2000 + value : 1900 + value;
}

function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const sign = numeric[1] === '-' ? -1 : 1;
    return sign * (Number(numeric[2]) * 60 + Number(numeric[3]));
  }
  // RFC 2822 §4.3: single-letter military zones are to be read as -0000 (their signs were
  // defined backwards in RFC 822, so senders cannot be trusted on them).
  if (/^[A-IK-Z]$/i.test(zone)) return 0;
  return zoneOffsets[zone.toUpperCase()];
}

/** What a date string says, before it becomes an instant. Months are 1–12. */
interface DateParts {
  year: number;
  month?: number | undefined;
  day?: number | undefined;
  time?: { hour: number; minute: number; second: number; millis: number; zone: string | undefined } | undefined;
}

function exists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  // Date.UTC rolls 31 February into March: reject dates that do not exist.
  return new Date(Date.UTC(year, month - 1, day)).getUTCMonth() === month - 1;
}

/** Both readings of the parts (the exact instant and the published date), or null when they name no real date. */
function resolve(parts: DateParts): { exact: Date; published: PublishedDate } | null {
  const { year, month, day, time } = parts;
  if (month === undefined) {
    const at = new Date(Date.UTC(year, 0, 1));
    return { exact: at, published: { at, precision: 'year' } };
  }
  if (month < 1 || month > 12) return null;
  if (day === undefined) {
    const at = new Date(Date.UTC(year, month - 1, 1));
    return { exact: at, published: { at, precision: 'month' } };
  }
  if (!exists(year, month, day)) return null;
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  if (!time) return { exact: calendarDay, published: { at: calendarDay, precision: 'day' } };

  const offset = offsetMinutes(time.zone);
  const { hour, minute, second, millis } = time;
  if (offset === undefined || hour > 24 || minute > 59 || second > 60) return null;
  const exact = new Date(Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis) - offset * 60_000);
  if (Number.isNaN(exact.getTime())) return null;
  const midnight = hour === 0 && minute === 0 && second === 0 && millis === 0;
  return {
    exact,
    published: midnight ? { at: calendarDay, precision: 'day' } : { at: exact, precision: 'instant' },
  };
}

// Letters of month and weekday names in every source language ("août", "März", "décembre").
const name = '\\p{L}{2,}';
const clock = '(\\d{1,2})[:h](\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?';
const zone = '(?:\\s*(?:([+-]\\d{2}:?\\d{2})|\\(?([A-Za-z]{1,5})\\)?))?';

const isoPattern =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?)?)?)?$/i;
/** "Thu, 11 Jun 26 00:00:00 -0400", "1er mars 2026", "12. März 2026", "24 de junio de 2026". */
const dayFirstPattern = new RegExp(
  `^(?:${name}\\.?\\s*,?\\s+)?(\\d{1,2})(?:er|st|nd|rd|th)?\\.?\\s+(?:de\\s+)?(${name})\\.?,?\\s+(?:de\\s+)?(\\d{4}|\\d{2})` +
    `(?:,?\\s+(?:at\\s+|à\\s+|um\\s+|alle\\s+|a\\s+las\\s+)?${clock})?${zone}$`,
  'iu',
);
/** "February 23, 2026", "Monday, March 2nd, 2026 at 3:15 pm EST". */
const monthFirstPattern =
  /^(?:[A-Za-z]{2,},?\s+)?([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?(?:\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}))?$/i;
/** "March 2026", "mars 2026", "junio de 2026": a month only. */
const monthYearPattern = new RegExp(`^(${name})\\.?,?\\s+(?:de\\s+)?(\\d{4})$`, 'iu');
/** "23/02/2026", "24.06.2026", "24-06-2026 10:00". */
const numericPattern = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function timeOf(
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  fraction: string | undefined,
  zone: string | undefined,
): DateParts['time'] {
  if (hour === undefined || minute === undefined) return undefined;
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  return { hour: Number(hour), minute: Number(minute), second: Number(second ?? 0), millis, zone };
}

function readParts(value: string): DateParts | null {
  const iso = isoPattern.exec(value);
  if (iso) {
    return {
      year: Number(iso[1]),
      month: iso[2] === undefined ? undefined : Number(iso[2]),
      day: iso[3] === undefined ? undefined : Number(iso[3]),
      time: timeOf(iso[4], iso[5], iso[6], iso[7], iso[8]),
    };
  }

  const dayFirst = dayFirstPattern.exec(value);
  if (dayFirst) {
    const month = anyMonth(dayFirst[2] ?? '');
    if (month === undefined) return null;
    return {
      year: fullYear(dayFirst[3] ?? ''),
      month,
      day: Number(dayFirst[1]),
      time: timeOf(dayFirst[4], dayFirst[5], dayFirst[6], dayFirst[7], dayFirst[8] ?? dayFirst[9]),
    };
  }

  const monthFirst = monthFirstPattern.exec(value);
  if (monthFirst) {
    const month = anyMonth(monthFirst[1] ?? '');
    if (month === undefined) return null;
    let time = timeOf(monthFirst[4], monthFirst[5], monthFirst[6], undefined, monthFirst[8]);
    const meridiem = monthFirst[7]?.toLowerCase();
    if (time && meridiem === 'pm' && time.hour < 12) time = { ...time, hour: time.hour + 12 };
    if (time && meridiem === 'am' && time.hour === 12) time = { ...time, hour: 0 };
    return { year: Number(monthFirst[3]), month, day: Number(monthFirst[2]), time };
  }

  const monthYear = monthYearPattern.exec(value);
  if (monthYear) {
    const month = anyMonth(monthYear[1] ?? '');
    return month === undefined ? null : { year: Number(monthYear[2]), month };
  }

  const numeric = numericPattern.exec(value);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[3]);
    // Day first, as everywhere but the US; a first number above 12 can only be a day, and a
    // second one above 12 only a day after a US month ("06/24/2026").
    const monthFirstOrder = first <= 12 && second > 12;
    return {
      year: Number(numeric[4]),
      month: monthFirstOrder ? first : second,
      day: monthFirstOrder ? second : first,
      time: timeOf(numeric[5], numeric[6], numeric[7], undefined, undefined),
    };
  }
  return null;
}

function read(raw: string | undefined | null): { exact: Date; published: PublishedDate } | null {
  const value = raw?.trim().replace(/\s+/g, ' ');
  if (!value) return null;
  const parts = readParts(value);
  return parts ? resolve(parts) : null;
}

/**
 * Reads the date formats sources really use: RFC 822/2822 (named zones, two-digit years,
 * missing seconds or weekday), ISO 8601/RFC 3339 (with or without offset, space or `T`, or
 * only `YYYY-MM` or `YYYY`), "23 February 2026", "February 23, 2026", "12. März 2026",
 * "24 de junio de 2026", "March 2026", and numeric dates day first ("23/02/2026",
 * "24.06.2026"; month first only when the day cannot be a month, "06/24/2026"). Month names
 * are read in English, French, German, Dutch, Spanish, Italian and Slovenian. Returns null for
 * anything else: a wrong date is worse than none.
 */
export function parsePublished(raw: string | undefined | null): PublishedDate | null {
  return read(raw)?.published ?? null;
}

/**
 * The exact instant a date string names, in the formats `parsePublished` reads: a time without
 * a zone is taken as UTC, so the result never depends on the host's zone; a date without a time
 * is 00:00 UTC of that day, month or year.
 */
export function parseDate(raw: string | undefined | null): Date | null {
  return read(raw)?.exact ?? null;
}
