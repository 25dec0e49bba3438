/**
 * The editor's console (/console), behind a sign-in.
 *
 * How to add a console route (another file of this folder, registered in `consoleRoutes` below):
 *
 *   export function storyRoutes(scope: ConsoleScope, deps: ConsoleDeps): void {
 *     const editorOnly = { schema: { hide: true }, preHandler: [deps.requireEditor] };
 *     const editorForm = { schema: { hide: true }, preHandler: [deps.requireEditor, deps.verifyCsrf] };
 *     scope.get('/console/stories', editorOnly, async (request, reply) =>
 *       sendConsolePage(request, reply, { section: 'stories', title: 'Stories', body: (context) =>
 *         html`…${consoleForm({ action: '/console/stories/1/title', csrfToken: context.csrfToken }, html`…`)}` }));
 *     scope.post<{ Body: FormFields }>('/console/stories/:id/title', editorForm, async (request, reply) => {
 *       const actor = signedInEditor(request); // an AuditActor for recordAudit, in the change's transaction
 *       …
 *       return redirectWithMessage(reply, deps.config, '/console/stories', 'Title saved.');
 *     });
 *   }
 *
 * - GET pages: `requireEditor` (no session → 303 to /console/login?next=…), then
 *   `sendConsolePage` (console layout: sub-nav, sign-out, a fresh CSRF token in `context`).
 * - POST forms: `requireEditor` then `verifyCsrf` (a missing or wrong token → a 403 page before
 *   the handler: nothing changes). Bodies are forms parsed into lists of values (`FormFields`).
 *   Answer with `redirectWithMessage` (Post/Redirect/Get).
 * - Audit every action with `recordAudit(tx, { actor: signedInEditor(request), action, subject, before, after })`.
 * - `schema: { hide: true }`: console routes stay out of /openapi.json. Helpers live in
 *   services/api/src/console/ (pages.ts, require-editor.ts, csrf.ts).
 * - A new section of the sub-nav: add it to `consoleSections` (packages/render/src/pages/console/layout.ts).
 */
import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import { createPollQueue } from '@regwatch/queue';
import { renderNoticePage } from '@regwatch/render';
import type { FastifyError } from 'fastify';
import { csrfOptions, isCsrfRefusal, verifyCsrf } from '../../console/csrf.ts';
import { loginLimits } from '../../console/login-limits.ts';
import { sendConsoleMarkup } from '../../console/pages.ts';
import { registerQueueBoard } from '../../console/queue-board.ts';
import { requireEditor } from '../../console/require-editor.ts';
import { registerPageScope, sendNotice } from '../../plugins/pages.ts';
import type { AppDeps, FastifyTypeBox } from '../../types.ts';
import { auditRoutes } from './audit.ts';
import { loginRoutes } from './login.ts';
import { overviewRoutes } from './overview.ts';
import { roundupRoutes } from './roundup.ts';
import { sourceRoutes } from './sources.ts';
import { storyRoutes } from './stories.ts';
import type { ConsoleDeps, ConsoleScope } from './types.ts';

export type { ConsoleDeps, ConsoleScope } from './types.ts';

/** Routes inside the console's page scope: each file of this folder adds its own here. */
function consoleRoutes(scope: ConsoleScope, deps: ConsoleDeps): void {
  loginRoutes(scope, deps);
  overviewRoutes(scope, deps);
  storyRoutes(scope, deps);
  sourceRoutes(scope, deps);
  roundupRoutes(scope, deps);
  auditRoutes(scope, deps);
}

/**
 * Registers the console beside the other pages: its cookies (signed with CONSOLE_SECRET), CSRF
 * protection, the sign-in and the pages. Without CONSOLE_SECRET the console is closed: every
 * /console URL answers 503 saying what to set.
 */
export async function registerConsole(app: FastifyTypeBox, deps: AppDeps): Promise<void> {
  if (deps.config.CONSOLE_SECRET === '') {
    await registerPageScope(app, (pages) => {
      const closed = async (_request: unknown, reply: Parameters<typeof sendNotice>[0]) =>
        sendNotice(reply, 503, {
          title: 'The console is closed',
          message: 'The editor’s console is not set up on this instance: set CONSOLE_SECRET (32+ characters).',
        });
      pages.all('/console', { schema: { hide: true } }, closed);
      pages.all('/console/*', { schema: { hide: true } }, closed);
    });
    return;
  }
  await app.register(async (scope) => {
    await scope.register(cookie, { secret: deps.config.CONSOLE_SECRET });
    await scope.register(csrfProtection, csrfOptions(deps.config));
    const pollQueue = deps.pollQueue ?? createPollQueue({ connection: deps.redis, prefix: deps.config.QUEUE_PREFIX });
    if (!deps.pollQueue) scope.addHook('onClose', () => pollQueue.close());
    const consoleDeps: ConsoleDeps = {
      ...deps,
      pollQueue,
      now: deps.now ?? Date.now,
      requireEditor: requireEditor({ ...deps, now: deps.now ?? Date.now }),
      verifyCsrf: verifyCsrf(scope),
      loginLimit: loginLimits(scope as unknown as FastifyTypeBox, deps.config),
    };
    scope.decorateRequest('editor', null);
    await registerPageScope(scope as unknown as FastifyTypeBox, async (pages) => {
      await pages.register(async (consolePages) => {
        // CSRF refusals as a page of their own; anything else goes on to the pages' error handler.
        consolePages.setErrorHandler((error: FastifyError, _request, reply) => {
          if (!isCsrfRefusal(error)) throw error;
          return sendConsoleMarkup(
            reply,
            403,
            renderNoticePage({
              title: 'This form has expired',
              message:
                'The form was not accepted (its security token is missing or out of date): reload the page and send it again.',
              tone: 'error',
            }),
          );
        });
        consoleRoutes(consolePages as unknown as ConsoleScope, consoleDeps);
      });
    });
    // Bull Board beside the pages, not in their scope: it parses JSON and serves scripts.
    await registerQueueBoard(scope, consoleDeps);
  });
}
