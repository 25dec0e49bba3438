import { DateTime } from 'luxon';
import { RegwatchError } from '../errors.ts';

/** Where and when the roundup is built: Friday 08:00 in London, whatever the clocks do. */
export const roundupZone = 'Europe/London';
export const roundupWeekday = 5;
export const roundupHour = 8;
/** The BullMQ job scheduler's repeat pattern for the build (read with `roundupZone`). */
export const roundupCron = `0 ${roundupHour} * * ${roundupWeekday}`;

/** An ISO 8601 week: `2024-W38`. */
export type EditionWeek = string;

const weekPattern = /^(\d{4})-W(\d{2})$/;

/** The ISO week named, or an `invalid_parameter` saying what is wrong with it. */
export function parseEditionWeek(raw: string): { weekYear: number; weekNumber: number } {
  const problem = () => new RegwatchError('invalid_parameter', `"${raw}" is not an ISO week such as 2024-W38`);
  const match = weekPattern.exec(raw);
  if (!match) throw problem();
  const weekYear = Number(match[1]);
  const weekNumber = Number(match[2]);
  // Luxon throws on a week number out of range and rolls W53 of a 52-week year into the next.
  if (weekNumber < 1 || weekNumber > 53) throw problem();
  const start = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: roundupZone });
  if (!start.isValid || start.weekNumber !== weekNumber || start.weekYear !== weekYear) throw problem();
  return { weekYear, weekNumber };
}

function formatWeek(weekYear: number, weekNumber: number): EditionWeek {
  return `${String(weekYear).padStart(4, '0')}-W${String(weekNumber).padStart(2, '0')}`;
}

/** The instant an edition is built: its week's Friday at 08:00 London time (GMT or BST). */
export function editionBuildAt(week: EditionWeek): Date {
  const { weekYear, weekNumber } = parseEditionWeek(week);
  return DateTime.fromObject(
    { weekYear, weekNumber, weekday: roundupWeekday, hour: roundupHour },
    { zone: roundupZone },
  ).toJSDate();
}

/**
 * The stories an edition holds: those with an item published in [since, until), from the
 * previous Friday 08:00 London to its own; consecutive editions neither overlap nor leave a gap,
 * and a week with a clock change is 167 or 169 hours long.
 */
export function editionPeriod(week: EditionWeek): { since: Date; until: Date } {
  const until = editionBuildAt(week);
  const since = DateTime.fromJSDate(until, { zone: roundupZone }).minus({ weeks: 1 }).toJSDate();
  return { since, until };
}

/**
 * The ISO week itself, Monday 00:00 to the next Monday 00:00 in London: the digest's week
 * (`/v1/digest?week=`). An edition's period is the one ending on its Friday (editionPeriod).
 */
export function isoWeekPeriod(week: EditionWeek): { since: Date; until: Date } {
  const { weekYear, weekNumber } = parseEditionWeek(week);
  const monday = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: roundupZone });
  return { since: monday.toJSDate(), until: monday.plus({ weeks: 1 }).toJSDate() };
}

/** The last ISO week (in London) that has ended at `now`: the one before `now`'s. */
export function lastCompleteWeek(now: Date): EditionWeek {
  return previousEditionWeek(weekOf(now));
}

/** The ISO week (in London) of an instant. */
export function weekOf(at: Date): EditionWeek {
  const local = DateTime.fromJSDate(at, { zone: roundupZone });
  return formatWeek(local.weekYear, local.weekNumber);
}

/**
 * The edition that should exist at `now`: the latest whose build time has passed. Before Friday
 * 08:00 that is the previous week's. After an outage of any length it is still only this one:
 * missed weeks are not sent late.
 */
export function currentEditionWeek(now: Date): EditionWeek {
  const week = weekOf(now);
  return editionBuildAt(week).getTime() <= now.getTime() ? week : previousEditionWeek(week);
}

export function previousEditionWeek(week: EditionWeek): EditionWeek {
  const { weekYear, weekNumber } = parseEditionWeek(week);
  const previous = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: roundupZone }).minus({ weeks: 1 });
  return formatWeek(previous.weekYear, previous.weekNumber);
}

/** The next build after `now` (for logs and `regwatch roundup --status`). */
export function nextEditionBuildAt(now: Date): Date {
  const current = currentEditionWeek(now);
  const { weekYear, weekNumber } = parseEditionWeek(current);
  const next = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: roundupZone }).plus({ weeks: 1 });
  return editionBuildAt(formatWeek(next.weekYear, next.weekNumber));
}

/** The edition built next after `now` (the coming Friday's week): what the console previews. */
export function nextEditionWeek(now: Date): EditionWeek {
  return weekOf(nextEditionBuildAt(now));
}
