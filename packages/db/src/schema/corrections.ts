import type { Correction } from '@regwatch/core';
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { editors } from './editors.ts';

/**
 * Every correction an editor made (issue 14), as data: the correction itself (core's schema, a
 * union by kind) and who made it. The pipeline reads the columns it needs on the hot path
 * (`items.withdrawn_at`, `stories.editor_*`); this is the record they come from.
 */
export const corrections = pgTable(
  'corrections',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<Correction['kind']>().notNull(),
    /** What it corrects: `story:42` or `item:7`, as the audit log names subjects. */
    subject: text('subject').notNull(),
    correction: jsonb('correction').$type<Correction>().notNull(),
    editorId: bigint('editor_id', { mode: 'bigint' }).references(() => editors.id, { onDelete: 'set null' }),
    /** `editor:EMAIL` or `cli`. */
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('corrections_subject_idx').on(table.subject, table.createdAt)],
);
