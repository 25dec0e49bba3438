// The editors of an instance, what they did (the audit log) and what they wrote into an edition.
// Editors are created with the CLI (`regwatch editor add`); the console signs them in.
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * One account. `password_hash` is a self-describing hash string (algorithm, parameters, salt,
 * digest); `sessions_valid_after` ends every session signed before it (sign out everywhere, a new
 * password, a disabled account).
 */
export const editors = pgTable(
  'editors',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    /** As given, trimmed; unique case-insensitively (`lower(email)`). */
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    sessionsValidAfter: instant('sessions_valid_after').notNull().defaultNow(),
    disabledAt: instant('disabled_at'),
  },
  (table) => [uniqueIndex('editors_email_key').on(sql`lower(${table.email})`)],
);

/**
 * Every action an editor (or an operator at the CLI) took: who, when, what, on what, and the
 * state before and after. Rows are only ever added. `actor` keeps the address as it was, so the
 * log still says who after an account is removed (`editor_id` then turns null).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    at: instant('at').notNull().defaultNow(),
    editorId: bigint('editor_id', { mode: 'bigint' }).references(() => editors.id, { onDelete: 'set null' }),
    /** `editor:EMAIL`, `cli` (an operator's command) or `anonymous` (a failed sign-in to no account). */
    actor: text('actor').notNull(),
    /** What was done, a closed set named by the code that writes it (`story.merge`, `source.pause`…). */
    action: text('action').notNull(),
    /** What it was done to (`story:42`, `item:7`, `source:ico`, `edition:2024-W38`). */
    subject: text('subject').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (table) => [index('audit_log_at_idx').on(table.at), index('audit_log_subject_idx').on(table.subject, table.at)],
);

/** The note an editor puts at the top of an edition (ISO week `2024-W38`), written before it is built. */
export const editionNotes = pgTable('edition_notes', {
  week: text('week').primaryKey(),
  note: text('note').notNull(),
  editorId: bigint('editor_id', { mode: 'bigint' }).references(() => editors.id, { onDelete: 'set null' }),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});
