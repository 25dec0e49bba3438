import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sources } from './sources.ts';

/**
 * What a poll or an import read and queued but the processing step has not stored yet: the
 * truth about unfinished work lives here, not in Redis. A row is written before its job is
 * enqueued and deleted once the entry is stored; the reconciler re-enqueues rows whose job
 * Redis no longer has (a flush, a failover, a week down), so nothing a source served is lost.
 */
export const pendingEntries = pgTable(
  'pending_entries',
  {
    /** The entry's dedup key (sha256 of source and guid): one pending version per entry. */
    dedupKey: text('dedup_key').primaryKey(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    /** The version queued; a newer version read before the older was stored replaces it. */
    contentHash: text('content_hash').notNull(),
    /** The process job's payload, exactly as enqueued (`ProcessJob`). */
    job: jsonb('job').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('pending_entries_recorded_at_idx').on(table.recordedAt)],
);
