import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { auditLog } from '../schema/index.ts';

/**
 * Who acted: a signed-in editor, an operator at the CLI, or someone not signed in (a failed
 * sign-in to an unknown address).
 */
export type AuditActor = { kind: 'editor'; editorId: string; email: string } | { kind: 'cli' } | { kind: 'anonymous' };

export interface AuditEntry {
  actor: AuditActor;
  /** What was done, named by the code that does it: `story.merge`, `item.take-down`, `source.pause`, `editor.sign-in`… */
  action: string;
  /** What it was done to: `story:42`, `item:7`, `source:ico`, `edition:2024-W38`, `editor:3`. */
  subject: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
}

/** How the log names an actor: `editor:EMAIL`, `cli` or `anonymous`. */
export function actorName(actor: AuditActor): string {
  return actor.kind === 'editor' ? `editor:${actor.email}` : actor.kind;
}

/**
 * Adds one entry to the audit log. Pass the transaction that made the change, so the change and
 * its record commit together or not at all.
 */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    editorId: entry.actor.kind === 'editor' ? BigInt(entry.actor.editorId) : null,
    actor: actorName(entry.actor),
    action: entry.action,
    subject: entry.subject,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/**
 * The newest entries first, optionally only those about one subject; `offset` skips that many
 * (the console pages through the log: an audit log stays small enough for OFFSET).
 */
export async function listAudit(
  db: DbOrTx,
  options: { subject?: string; limit: number; offset?: number },
): Promise<AuditRow[]> {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      subject: auditLog.subject,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(options.subject === undefined ? undefined : eq(auditLog.subject, options.subject))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
  return rows.map((row) => ({ ...row, id: String(row.id) }));
}
