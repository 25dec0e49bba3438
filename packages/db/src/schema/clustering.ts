import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { items } from './newsfeed.ts';

/**
 * The index clustering looks candidates up in: each item is stored under its near-duplicate
 * band keys (`nd.…`) and its story keys (`t.<term>`, `u.<link hash>`). A new item reads only the
 * rows under its own keys within the time window, so the cost does not grow with the archive.
 */
export const clusterKeys = pgTable(
  'cluster_keys',
  {
    key: text('key').notNull(),
    itemId: bigint('item_id', { mode: 'bigint' })
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.key, table.itemId] }),
    index('cluster_keys_key_published_idx').on(table.key, table.publishedAt),
    index('cluster_keys_item_id_idx').on(table.itemId),
  ],
);

/** Document frequencies for TF-IDF: how many clustered items contain each term (`''` counts the items). */
export const termCounts = pgTable('term_counts', {
  term: text('term').primaryKey(),
  documents: integer('documents').notNull(),
});
