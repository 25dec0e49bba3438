const monthIndex: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  // French month names, as used by the bilingual Canadian and European regulators.
  janv: 0,
  fév: 1,
  fev: 1,
  févr: 1,
  fevr: 1,
  mars: 2,
  avr: 3,
  mai: 4,
  juin: 5,
  juil: 6,
  août: 7,
  aout: 7,
  sept: 8,
  déc: 11,
};

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

function monthFromName(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return monthIndex[lower] ?? monthIndex[lower.slice(0, 4)] ?? monthIndex[lower.slice(0, 3)];
}

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
  return zoneOffsets[zone.toUpperCase()];
}

function build(
  year: number,
  month: number | undefined,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  zone: string | undefined,
): Date | null {
  const offset = offsetMinutes(zone);
  if (month === undefined || offset === undefined) return null;
  if (day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59), millis) - offset * 60_000;
  const date = new Date(utc);
  // Date.UTC rolls 31 February into March: reject dates that do not exist.
  if (new Date(Date.UTC(year, month, day)).getUTCMonth() !== month) return null;
  return Number.isNaN(date.getTime()) ? null : date;
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?$/i;
const rfc822Pattern =
  /^(?:[A-Za-zéû]{2,}\.?,?\s+)?(\d{1,2})(?:er)?\s+([A-Za-zéû]{3,}\.?),?\s+(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(?:([+-]\d{2}:?\d{2})|\(?([A-Za-z]{1,5})\)?))?$/;
const monthFirstPattern =
  /^(?:[A-Za-z]{2,},?\s+)?([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?(?:\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}))?$/i;
const slashPattern = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Parses the date formats feeds really use: RFC 822/2822 (named zones, two-digit years,
 * missing seconds or weekday), ISO 8601/RFC 3339 (with or without offset, space or `T`),
 * "23 February 2026", "February 23, 2026", "23/02/2026" (day first), and French month
 * names. A date without a zone is taken as UTC so the result never depends on the host's
 * time zone. Returns null for anything else: a wrong date is worse than none.
 */
export function parseDate(raw: string | undefined | null): Date | null {
  const value = raw?.trim().replace(/\s+/g, ' ');
  if (!value) return null;

  const iso = isoPattern.exec(value);
  if (iso) {
    const millis = iso[7] ? Number(iso[7].slice(0, 3).padEnd(3, '0')) : 0;
    return build(
      Number(iso[1]),
      Number(iso[2]) - 1,
      Number(iso[3]),
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
      millis,
      iso[8],
    );
  }

  const rfc = rfc822Pattern.exec(value);
  if (rfc) {
    return build(
      fullYear(rfc[3] ?? ''),
      monthFromName(rfc[2] ?? ''),
      Number(rfc[1]),
      Number(rfc[4] ?? 0),
      Number(rfc[5] ?? 0),
      Number(rfc[6] ?? 0),
      0,
      rfc[7] ?? rfc[8],
    );
  }

  const monthFirst = monthFirstPattern.exec(value);
  if (monthFirst) {
    let hour = Number(monthFirst[4] ?? 0);
    const meridiem = monthFirst[7]?.toLowerCase();
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    return build(
      Number(monthFirst[3]),
      monthFromName(monthFirst[1] ?? ''),
      Number(monthFirst[2]),
      hour,
      Number(monthFirst[5] ?? 0),
      Number(monthFirst[6] ?? 0),
      0,
      monthFirst[8],
    );
  }

  const slash = slashPattern.exec(value);
  if (slash) {
    return build(Number(slash[3]), Number(slash[2]) - 1, Number(slash[1]), 0, 0, 0, 0, undefined);
  }
  return null;
}
