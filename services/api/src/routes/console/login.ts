import { verifyPassword } from '@regwatch/core';
import { findEditorForSignIn, recordAudit } from '@regwatch/db';
import { renderConsoleLoginPage } from '@regwatch/render';
import { csrfToken } from '../../console/csrf.ts';
import { sendConsoleMarkup } from '../../console/pages.ts';
import { safeNext, signedInEditor } from '../../console/require-editor.ts';
import { endSession, startSession } from '../../console/session.ts';
import type { FormFields } from '../../subscriptions/preferences-input.ts';
import type { ConsoleDeps, ConsoleScope } from './types.ts';

type LoginQuery = { Querystring: { next?: string } };
type LoginForm = { Body: FormFields | undefined };

const wrongCredentials = 'That email address and password do not match an editor’s account: check both and try again.';
const first = (form: FormFields | undefined, name: string) => form?.[name]?.[0] ?? '';

/** GET/POST /console/login (the sign-in form) and POST /console/logout. */
export function loginRoutes(scope: ConsoleScope, deps: ConsoleDeps): void {
  const hidden = { schema: { hide: true } };

  scope.get<LoginQuery>('/console/login', hidden, async (request, reply) =>
    sendConsoleMarkup(
      reply,
      200,
      renderConsoleLoginPage({ csrfToken: csrfToken(reply), next: safeNext(request.query.next) }),
    ),
  );

  scope.post<LoginForm>('/console/login', { ...hidden, preHandler: [deps.verifyCsrf] }, async (request, reply) => {
    const email = first(request.body, 'email').trim();
    const password = first(request.body, 'password');
    const next = safeNext(first(request.body, 'next'));
    const again = (status: number, problem: string) =>
      sendConsoleMarkup(reply, status, renderConsoleLoginPage({ csrfToken: csrfToken(reply), next, email, problem }));

    const limited = await deps.loginLimit(request, email);
    if (limited) {
      reply.header('retry-after', String(limited.retryAfterSeconds));
      const minutes = Math.max(1, Math.ceil(limited.retryAfterSeconds / 60));
      return again(429, `Too many sign-in attempts: wait ${minutes} minutes and try again.`);
    }
    const editor = email === '' ? null : await findEditorForSignIn(deps.database.db, email);
    // An unknown address is checked against a decoy hash: it answers as a wrong password does, as slowly.
    const valid = await verifyPassword(password, editor?.passwordHash ?? null);
    if (!editor || !valid || editor.disabledAt !== null) {
      await recordAudit(deps.database.db, {
        actor: editor ? { kind: 'editor', editorId: editor.id, email: editor.email } : { kind: 'anonymous' },
        action: 'editor.sign-in-failed',
        subject: editor ? `editor:${editor.id}` : 'editor:unknown',
        after: { email, address: request.ip },
      });
      return again(401, wrongCredentials);
    }
    await recordAudit(deps.database.db, {
      actor: { kind: 'editor', editorId: editor.id, email: editor.email },
      action: 'editor.sign-in',
      subject: `editor:${editor.id}`,
      after: { address: request.ip },
    });
    startSession(reply, deps, editor.id);
    return reply.redirect(next, 303);
  });

  scope.post(
    '/console/logout',
    { ...hidden, preHandler: [deps.requireEditor, deps.verifyCsrf] },
    async (request, reply) => {
      const editor = signedInEditor(request);
      await recordAudit(deps.database.db, {
        actor: editor,
        action: 'editor.sign-out',
        subject: `editor:${editor.editorId}`,
      });
      endSession(reply, deps);
      return reply.redirect('/console/login', 303);
    },
  );
}
