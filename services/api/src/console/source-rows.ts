import { alertWeeks, describeSourceAlert, sourceAlerts, sourceHealthStatus } from '@regwatch/core';
import { type Database, listSourcesWithWeeklyItems } from '@regwatch/db';
import type { ConsoleSourceRow } from '@regwatch/render';

/** Every source as the console shows it: health, items in the last 4 weeks, alerts (core's rule). */
export async function consoleSourceRows(database: Database, now: Date): Promise<ConsoleSourceRow[]> {
  const sources = await listSourcesWithWeeklyItems(database.db, { now, weeks: alertWeeks });
  return sources.map((source) => {
    const status = sourceHealthStatus({ ...source, now });
    const failingSince = source.consecutiveFailures > 0 ? (source.lastSuccessAt ?? source.createdAt) : null;
    const alerts = sourceAlerts(
      { enabled: source.enabled, status, failingSince, weeklyItems: source.weeklyItems },
      now,
    );
    return {
      id: source.id,
      name: source.name,
      kind: source.kind,
      url: source.url,
      enabled: source.enabled,
      status,
      lastCheckedAt: source.lastCheckedAt,
      lastSuccessAt: source.lastSuccessAt,
      lastError:
        source.consecutiveFailures > 0 && source.lastError
          ? (source.lastError.split('\n')[0] ?? '').slice(0, 160)
          : null,
      itemsPerWeek: source.weeklyItems.slice(0, 4),
      alerts: alerts.map(describeSourceAlert),
    };
  });
}
