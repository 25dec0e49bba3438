import { type ConsoleSession, decodeConsoleSession, encodeConsoleSession, sessionRefusal } from '@regwatch/core';
import { type AuditActor, findEditorById } from '@regwatch/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../types.ts';
import { consoleCookieOptions, sessionCookieName } from './cookies.ts';

/** A signed-in editor, as the audit log names them. */
export type EditorActor = Extract<AuditActor, { kind: 'editor' }>;

export type SessionDeps = Pick<AppDeps, 'database'> & {
  config: Pick<AppDeps['config'], 'PUBLIC_URL' | 'CONSOLE_SESSION_HOURS'>;
  now: () => number;
};

const lifetimeMs = (deps: SessionDeps) => deps.config.CONSOLE_SESSION_HOURS * 3_600_000;

/** Starts a session: the signed cookie carries the editor's id and the time it was issued. */
export function startSession(reply: FastifyReply, deps: SessionDeps, editorId: string): void {
  const session: ConsoleSession = { editorId, issuedAt: deps.now() };
  reply.setCookie(sessionCookieName, encodeConsoleSession(session), {
    ...consoleCookieOptions(deps.config),
    maxAge: Math.floor(lifetimeMs(deps) / 1_000),
  });
}

export function endSession(reply: FastifyReply, deps: SessionDeps): void {
  reply.clearCookie(sessionCookieName, consoleCookieOptions(deps.config));
}

/**
 * The editor the request's session cookie names, if the cookie is intact (its signature holds)
 * and the session still holds: the editor exists, is not disabled, and the session was issued
 * after their sessions_valid_after and within CONSOLE_SESSION_HOURS. Null otherwise.
 */
export async function sessionEditor(request: FastifyRequest, deps: SessionDeps): Promise<EditorActor | null> {
  const raw = request.cookies[sessionCookieName];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  const session = decodeConsoleSession(unsigned.value);
  if (!session) return null;
  const editor = await findEditorById(deps.database.db, session.editorId);
  const refusal = sessionRefusal(session, editor, { now: deps.now(), lifetimeMs: lifetimeMs(deps) });
  if (refusal !== null || editor === null) return null;
  return { kind: 'editor', editorId: editor.id, email: editor.email };
}
