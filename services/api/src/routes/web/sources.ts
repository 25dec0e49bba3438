import { sourceHealthStatus } from '@regwatch/core';
import { listSourcesWithWeeklyItems } from '@regwatch/db';
import { renderSourcesPage } from '@regwatch/render';
import type { AppDeps, FastifyTypeBox } from '../../types.ts';
import { sendPublicPage } from './public-page.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** GET /sources: every watched source with its health, from what /v1/sources shows. */
export function sourcesPageRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get('/sources', { schema: { hide: true } }, async (request, reply) => {
    const now = new Date(deps.now?.() ?? Date.now());
    // Four weeks: the last one, and the 28 days the page also counts.
    const rows = await listSourcesWithWeeklyItems(deps.database.db, { now, weeks: 4 });
    const markup = renderSourcesPage(
      rows.map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind,
        url: row.url,
        homepage: row.homepage,
        jurisdictions: row.jurisdictions,
        status: sourceHealthStatus({ ...row, now }),
        lastCheckedAt: iso(row.lastCheckedAt),
        lastSuccessAt: iso(row.lastSuccessAt),
        // One line: a source's error text may hold line breaks.
        lastError: row.lastErrorCode
          ? `${row.lastErrorCode}: ${row.lastError ?? ''}`.replace(/\s+/g, ' ').trim()
          : null,
        consecutiveFailures: row.consecutiveFailures,
        itemsLastWeek: row.weeklyItems[0] ?? 0,
        itemsLast28Days: row.weeklyItems.reduce((sum, count) => sum + count, 0),
      })),
    );
    return sendPublicPage(request, reply, markup, deps.config.API_CACHE_MAX_AGE);
  });
}
