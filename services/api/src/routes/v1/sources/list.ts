import { sourceHealthStatus } from '@regwatch/core';
import { countItemsBySource, listSources } from '@regwatch/db';
import { errorResponses, NoQuery, withExamples } from '../../../schemas/common.ts';
import { exampleSourceList } from '../../../schemas/examples.ts';
import { SourceList } from '../../../schemas/source.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function listSourcesRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/sources',
    {
      schema: {
        operationId: 'listSources',
        summary: 'Watched sources and their fetch health',
        tags: ['sources'],
        querystring: NoQuery,
        response: { 200: withExamples(SourceList, exampleSourceList), ...errorResponses },
      },
    },
    async () => {
      const [rows, counts] = await Promise.all([listSources(deps.database.db), countItemsBySource(deps.database.db)]);
      const now = new Date();
      return {
        data: rows.map((row) => ({
          id: row.id,
          name: row.name,
          kind: row.kind,
          url: row.url,
          homepage: row.homepage,
          format: row.format,
          language: row.language,
          jurisdictions: row.jurisdictions,
          relevance: row.relevance,
          pollIntervalSeconds: row.pollIntervalSeconds,
          enabled: row.enabled,
          itemCount: counts.get(row.id) ?? 0,
          health: {
            status: sourceHealthStatus({ ...row, now }),
            lastCheckedAt: iso(row.lastCheckedAt),
            lastSuccessAt: iso(row.lastSuccessAt),
            nextCheckAt: row.nextCheckAt.toISOString(),
            consecutiveFailures: row.consecutiveFailures,
            lastError:
              row.lastErrorCode && row.lastErrorAt
                ? { code: row.lastErrorCode, message: row.lastError ?? '', at: row.lastErrorAt.toISOString() }
                : null,
            lastWarning:
              row.lastWarning && row.lastWarningAt
                ? { message: row.lastWarning, at: row.lastWarningAt.toISOString() }
                : null,
            disabledReason: row.disabledReason,
            lastEntryCount: row.lastEntryCount,
            lastRejectedCount: row.lastRejectedCount,
            lastFilteredCount: row.lastFilteredCount,
          },
        })),
      };
    },
  );
}
