/**
 * What the console's session cookie carries (signed by the API's cookie plugin, so it cannot be
 * forged): the editor's id and when the session was issued. The decision whether a session still
 * holds is here, pure; the API looks the editor up and passes what it found.
 */
export interface ConsoleSession {
  editorId: string;
  issuedAt: number;
}

export function encodeConsoleSession(session: ConsoleSession): string {
  return `${session.editorId}.${session.issuedAt}`;
}

export function decodeConsoleSession(value: string): ConsoleSession | null {
  const match = /^([1-9]\d{0,18})\.(\d{1,15})$/.exec(value);
  if (!match) return null;
  return { editorId: match[1] as string, issuedAt: Number(match[2]) };
}

/** Why a session no longer holds, or null when it does. */
export function sessionRefusal(
  session: ConsoleSession,
  editor: { sessionsValidAfter: Date; disabledAt: Date | null } | null,
  options: { now: number; lifetimeMs: number },
): 'no-editor' | 'disabled' | 'revoked' | 'expired' | null {
  if (editor === null) return 'no-editor';
  if (editor.disabledAt !== null) return 'disabled';
  // A new password (or a sign-out everywhere) moves sessions_valid_after: what was issued before ends.
  if (session.issuedAt < editor.sessionsValidAfter.getTime()) return 'revoked';
  if (session.issuedAt > options.now || options.now - session.issuedAt >= options.lifetimeMs) return 'expired';
  return null;
}
