import { html } from '@regwatch/render';
import { sendConsolePage } from '../../console/pages.ts';
import type { ConsoleDeps, ConsoleScope } from './types.ts';

/** GET /console: the overview. */
export function overviewRoutes(scope: ConsoleScope, deps: ConsoleDeps): void {
  scope.get('/console', { schema: { hide: true }, preHandler: [deps.requireEditor] }, async (request, reply) =>
    sendConsolePage(request, reply, {
      section: 'overview',
      title: 'Editor’s console',
      body: html`<p>Sources, the next edition, the audit log and the queues: see the links above.</p>`,
    }),
  );
}
