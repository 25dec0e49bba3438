import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { type EditorActor, endSession, type SessionDeps, sessionEditor } from './session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in editor on console routes behind `requireEditor`; null elsewhere. */
    editor: EditorActor | null;
  }
}

/** Where the login page sends an editor back to: a console path of ours, never another site. */
export function safeNext(value: string | undefined): string {
  return value !== undefined && /^\/console(?:[/?]|$)/.test(value) && !/[\\\r\n]/.test(value) ? value : '/console';
}

export function loginRedirect(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const next = request.method === 'GET' ? safeNext(request.url) : '/console';
  return reply.redirect(`/console/login?next=${encodeURIComponent(next)}`, 303);
}

/**
 * The preHandler of every console route but the sign-in: a request without a session that holds
 * (no cookie, a tampered one, expired, revoked by a new password, the editor removed) is sent to
 * the sign-in page (its stale cookie cleared); otherwise `request.editor` is the editor, ready to
 * pass to `recordAudit` as the actor. Use `signedInEditor(request)` in the handler.
 */
export function requireEditor(deps: SessionDeps): preHandlerAsyncHookHandler {
  return async function requireEditorHandler(request, reply) {
    const editor = await sessionEditor(request, deps);
    if (editor === null) {
      if (request.cookies.regwatch_console !== undefined) endSession(reply, deps);
      await loginRedirect(request, reply);
      return;
    }
    request.editor = editor;
  };
}

/** The editor `requireEditor` found (a route without it in its preHandler is a programming error). */
export function signedInEditor(request: FastifyRequest): EditorActor {
  if (request.editor === null) throw new Error('console route without requireEditor');
  return request.editor;
}
