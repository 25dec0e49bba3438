import { nextEditionWeek } from '@regwatch/core';
import { html, sourceAlertsSection } from '@regwatch/render';

import { sendConsolePage } from '../../console/pages.ts';
import { consoleSourceRows } from '../../console/source-rows.ts';
import type { ConsoleDeps, ConsoleScope } from './types.ts';

/** GET /console: the sources needing attention, the next edition, links to the rest. */
export function overviewRoutes(scope: ConsoleScope, deps: ConsoleDeps): void {
  scope.get('/console', { schema: { hide: true }, preHandler: [deps.requireEditor] }, async (request, reply) => {
    const now = new Date(deps.now());
    const rows = await consoleSourceRows(deps.database, now);
    const week = nextEditionWeek(now);
    return sendConsolePage(request, reply, {
      section: 'overview',
      title: 'Editor’s console',
      body: html`${sourceAlertsSection(rows)}
<section aria-labelledby="edition-heading">
<h2 id="edition-heading">The next edition</h2>
<p>${week}: <a href="/console/roundup">preview it and write the editor’s note</a>.</p>
</section>
<section aria-labelledby="more-heading">
<h2 id="more-heading">More</h2>
<ul>
<li><a href="/console/sources">Sources</a>: ${String(rows.length)} watched, ${String(rows.filter((row) => !row.enabled).length)} paused.</li>
<li><a href="/console/audit">Audit log</a>: who did what, and when.</li>
<li><a href="/console/queues">Queues</a>: the job queues (Bull Board).</li>
</ul>
</section>`,
    });
  });
}
