import { listAudit } from '@regwatch/db';
import { consoleAuditBody } from '@regwatch/render';
import { sendConsolePage } from '../../console/pages.ts';
import type { ConsoleDeps, ConsoleScope } from './types.ts';

const pageSize = 50;

/** GET /console/audit?page=N: the audit log, newest first, 50 entries a page. */
export function auditRoutes(scope: ConsoleScope, deps: ConsoleDeps): void {
  scope.get<{ Querystring: { page?: string } }>(
    '/console/audit',
    { schema: { hide: true }, preHandler: [deps.requireEditor] },
    async (request, reply) => {
      const number = Math.min(Math.max(1, Number.parseInt(request.query.page ?? '1', 10) || 1), 100_000);
      // One more than a page: whether there is a next one.
      const rows = await listAudit(deps.database.db, { limit: pageSize + 1, offset: (number - 1) * pageSize });
      return sendConsolePage(request, reply, {
        section: 'audit',
        title: 'Audit log',
        body: consoleAuditBody(rows.slice(0, pageSize), { number, hasNext: rows.length > pageSize }),
      });
    },
  );
}
