import type { DatePrecision } from '@regwatch/core';

/** An ISO 8601 instant with an explicit offset, as the API serves them. */
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Reads an ISO 8601 instant; anything else is a programming error upstream, so it throws. */
export function parseInstant(value: string, what: string): Date {
  const date = new Date(value);
  const year = date.getUTCFullYear();
  if (!isoInstant.test(value) || Number.isNaN(date.getTime()) || year < 1 || year > 9999) {
    throw new RangeError(`${what}: not an ISO 8601 instant with an offset: ${JSON.stringify(value)}`);
  }
  return date;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function clock(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** RFC 822 date-time as RSS 2.0 wants it, with a four-digit year (RFC 1123) and `+0000`: `Tue, 14 Oct 2026 18:15:44 +0000`. */
export function rfc822(date: Date): string {
  const day = `${weekdays[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]}`;
  return `${day} ${pad(date.getUTCFullYear(), 4)} ${clock(date)} +0000`;
}

/** HTTP-date (IMF-fixdate, RFC 9110) for Last-Modified: `Tue, 14 Oct 2026 18:15:44 GMT`. */
export function httpDate(date: Date): string {
  return rfc822(date).replace(/\+0000$/, 'GMT');
}

/** RFC 3339 in UTC for Atom and JSON Feed, with milliseconds only when there are some. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * The UTC calendar date, `2026-10-14`: what a story's list of outlets shows (no locale to guess).
 * A date known only to the month or year shows only that (`2026-10`, `2026`), not a made-up day.
 */
const readableDay = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const readableMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A date as people read it on a page, as precise as the source was: `26 Aug 2026`,
 * `August 2026`, `2026` (a month name, never a numeric order a reader could take the wrong way round).
 */
export function readableDate(date: Date, precision: DatePrecision = 'day'): string {
  if (precision === 'year') return String(date.getUTCFullYear());
  return (precision === 'month' ? readableMonth : readableDay).format(date);
}

export function calendarDate(date: Date, precision: DatePrecision = 'day'): string {
  const iso = date.toISOString();
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 10);
}
