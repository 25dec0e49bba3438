import { type DatePrecision, type PublishedDate, parsePublished } from './parse-date.ts';

/**
 * Where an item's publication date came from, best first:
 * - `entry`: the feed, listing or register entry itself (its published or updated field);
 * - `page`: the article page the entry links to (read when the entry gives none);
 * - `url`: the date in the article's URL (`/2026/03/12/`, `/2026/03/`), when neither gives one;
 * - `first-seen`: none of these: the time Regwatch first fetched the entry, an estimate.
 */
export const dateOrigins = ['entry', 'page', 'url', 'first-seen'] as const;
export type DateOrigin = (typeof dateOrigins)[number];

/** A publication date with its precision and where it came from. */
export interface DatedAt extends PublishedDate {
  from: DateOrigin;
}

/** Dates before this are typos or placeholders (`01 Jan 01`, Unix epoch), not publication dates. */
const earliestPlausible = Date.UTC(1990, 0, 1);
/** Clock skew (and sources a day ahead of UTC) tolerated before a future date is treated as wrong. */
const futureSlackMs = 24 * 60 * 60 * 1000;

/** Whether a date can be a publication date seen at `now`: not before 1990, not in the future. */
export function isPlausiblePublication(date: PublishedDate, now: Date): boolean {
  const at = date.at.getTime();
  return at >= earliestPlausible && at <= now.getTime() + futureSlackMs;
}

// Path segments only (after the host): "/2026/03/12/", "/2026/3/", "/2026-03-12-title".
const urlDay = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/\-_.]|$)/;
const urlMonth = /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])(?=\/)/;

/** The date an article URL's path carries (`/2026/03/12/` a day, `/2026/03/` a month), or null. */
export function dateFromUrl(url: string | null | undefined): PublishedDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const day = urlDay.exec(path);
  if (day) return parsePublished(`${day[1]}-${pad(day[2])}-${pad(day[3])}`);
  const month = urlMonth.exec(path);
  return month ? parsePublished(`${month[1]}-${pad(month[2])}`) : null;
}

function pad(value: string | undefined): string {
  return (value ?? '').padStart(2, '0');
}

export interface PublicationEvidence {
  /** The entry's publication date as the source wrote it. */
  published?: string | undefined;
  /** The entry's last-modified date, the fallback when it gives no publication date. */
  updated?: string | undefined;
  /** The date read from the article page, when the page was fetched. */
  page?: string | undefined;
  /** The article's absolute URL. */
  url?: string | null | undefined;
  /** When the entry was fetched: the estimate when nothing else dates it, and the ceiling for dates. */
  now: Date;
}

/**
 * The item's publication date: the first plausible one of the entry's own dates, the article
 * page's, the URL's; else the fetch time, marked `first-seen`. A coarser date the source gives
 * (a month, a year) is kept at its precision, never replaced by the time we first saw it.
 */
export function publicationDate(evidence: PublicationEvidence): DatedAt {
  const candidates: [DateOrigin, PublishedDate | null][] = [
    ['entry', parsePublished(evidence.published)],
    ['entry', parsePublished(evidence.updated)],
    ['page', parsePublished(evidence.page)],
    ['url', dateFromUrl(evidence.url)],
  ];
  for (const [from, date] of candidates) {
    if (date && isPlausiblePublication(date, evidence.now)) return { ...date, from };
  }
  return { at: new Date(evidence.now.getTime()), precision: 'instant', from: 'first-seen' };
}

/** Whether a date is coarser than a day (a month or a year), so a story's timing cannot rest on it. */
export function isCoarserThanDay(precision: DatePrecision): boolean {
  return precision === 'month' || precision === 'year';
}
