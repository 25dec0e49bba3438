import type { SourceHealthStatus } from '../time/poll-schedule.ts';

const dayMs = 24 * 60 * 60 * 1_000;

/** How many weeks of item counts the alert rule reads: the silent stretch and the eight weeks before it. */
export const silentWeeks = 3;
export const usualWeeks = 8;
export const alertWeeks = silentWeeks + usualWeeks;

export interface SourceHealthFacts {
  enabled: boolean;
  status: SourceHealthStatus;
  /**
   * When the current run of failures began, as well as the stored state tells: the last success
   * (or the source's creation if it never had one). Null when the source is not failing.
   */
  failingSince: Date | null;
  /** Items published per week, newest first: [0] the last 7 days, [1] the 7 before… (at least `alertWeeks`). */
  weeklyItems: readonly number[];
}

export type SourceAlert =
  | { kind: 'silent'; weeks: number; usualWeeksWithItems: number }
  | { kind: 'failing'; since: Date }
  | { kind: 'dead'; since: Date | null };

/**
 * What needs an editor's attention about a source (issue 14):
 * - silent: it usually publishes weekly (items in most — more than half — of the eight weeks
 *   before) and has had none for three weeks;
 * - failing for a day: its current run of failures began 24 hours ago or more, or it is dead.
 * A paused (disabled) source raises nothing: its silence is an editor's choice.
 */
export function sourceAlerts(source: SourceHealthFacts, now: Date): SourceAlert[] {
  if (!source.enabled) return [];
  const alerts: SourceAlert[] = [];
  if (source.status === 'dead') alerts.push({ kind: 'dead', since: source.failingSince });
  else if (
    source.status === 'failing' &&
    source.failingSince !== null &&
    now.getTime() - source.failingSince.getTime() >= dayMs
  ) {
    alerts.push({ kind: 'failing', since: source.failingSince });
  }
  const recent = source.weeklyItems.slice(0, silentWeeks);
  const before = source.weeklyItems.slice(silentWeeks, alertWeeks);
  const usualWeeksWithItems = before.filter((count) => count > 0).length;
  if (recent.length === silentWeeks && recent.every((count) => count === 0) && usualWeeksWithItems > usualWeeks / 2) {
    alerts.push({ kind: 'silent', weeks: silentWeeks, usualWeeksWithItems });
  }
  return alerts;
}

/** An alert in one line, for the console's lists. */
export function describeSourceAlert(alert: SourceAlert): string {
  switch (alert.kind) {
    case 'silent':
      return `silent for ${alert.weeks} weeks, though it had items in ${alert.usualWeeksWithItems} of the ${usualWeeks} weeks before`;
    case 'failing':
      return `failing since ${alert.since.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    case 'dead':
      return alert.since
        ? `dead: no successful fetch since ${alert.since.toISOString().slice(0, 10)}`
        : 'dead: never fetched successfully';
  }
}
