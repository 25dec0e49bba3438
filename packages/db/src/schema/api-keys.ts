import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Keys newsletter publishers send as `Authorization: Bearer rwk_…`. The key itself is never
 * stored: `key_hash` is its SHA-256 (see `@regwatch/core` `hashApiKey`), looked up through a
 * unique index; `prefix` (`rwk_` + the public id) names the key in listings. A revoked key keeps
 * its row, so listings show what was revoked and when.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    /** Requests per minute; null follows the instance's API_KEY_DEFAULT_RATE. */
    ratePerMinute: integer('rate_per_minute'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Updated at most once a minute per key (see `touchApiKey`), not on every request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (table) => [
    uniqueIndex('api_keys_key_hash_key').on(table.keyHash),
    uniqueIndex('api_keys_prefix_key').on(table.prefix),
    check('api_keys_rate_positive', sql`${table.ratePerMinute} is null or ${table.ratePerMinute} > 0`),
    check('api_keys_name_length', sql`char_length(${table.name}) between 1 and 100`),
  ],
);
