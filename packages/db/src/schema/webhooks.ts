// Partners' webhooks, the deliveries of story events to them and each delivery's attempts (one
// aggregate: partner push). PostgreSQL is the truth about what is due and what was sent; the
// queue only wakes the dispatcher up (README "Webhooks").
import type { WebhookFilter } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { apiKeys } from './api-keys.ts';
import { stories } from './newsfeed.ts';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** `active` until deleted by its key, or `disabled` by a 410 Gone or too many failures in a row. */
export const webhookStatuses = ['active', 'disabled'] as const;
export type WebhookStatus = (typeof webhookStatuses)[number];

/**
 * One partner URL and the filter of the stories it wants. The signing secret is kept as given
 * to the partner (Standard Webhooks signs with it: a hash would not do); it never leaves
 * PostgreSQL but in the registration's answer. `cursor_*` is the (stories.updated_at, id)
 * position the dispatcher has read up to: a new webhook starts at its creation (no backfill).
 */
export const webhooks = pgTable(
  'webhooks',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    apiKeyId: integer('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** The /v1 story filter (jurisdiction, platform, topic, kind, source, expand), as registered. */
    filter: jsonb('filter').$type<WebhookFilter>().notNull().default({}),
    description: text('description'),
    secret: text('secret').notNull(),
    status: text('status').$type<WebhookStatus>().notNull().default('active'),
    /** Why it was disabled, in one line (`the receiver answered 410 Gone`, `20 attempts failed in a row`). */
    disabledReason: text('disabled_reason'),
    disabledAt: instant('disabled_at'),
    /** Attempts that failed in a row since the last one delivered (at WEBHOOK_DISABLE_AFTER_FAILURES it is disabled). */
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    cursorUpdatedAt: instant('cursor_updated_at').notNull().defaultNow(),
    cursorStoryId: bigint('cursor_story_id', { mode: 'bigint' }).notNull().default(sql`0`),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('webhooks_api_key_idx').on(table.apiKeyId),
    check('webhooks_status_check', sql.raw(`status in (${quoted(webhookStatuses)})`)),
    check('webhooks_url_length', sql`char_length(${table.url}) between 8 and 2048`),
  ],
);

/**
 * - `pending`: due at `next_attempt_at` (first try, or a retry after a failure);
 * - `delivered`: the receiver answered 2xx;
 * - `failed`: retries used up, a 410 Gone, or the webhook was disabled before its turn.
 */
export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/**
 * One event for one webhook: a version of a story (its `updated_at` when the dispatcher read
 * it), unique per webhook, story and version, so a dispatcher run again adds nothing. The
 * payload is frozen at dispatch, so every retry sends the same bytes' content.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    webhookId: bigint('webhook_id', { mode: 'bigint' })
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    storyId: bigint('story_id', { mode: 'bigint' })
      .notNull()
      .references(() => stories.id),
    storyVersion: instant('story_version').notNull(),
    eventType: text('event_type').notNull(),
    /** The Standard Webhooks `webhook-id`: the same on every retry, so receivers can drop repeats. */
    messageId: text('message_id').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    createdAt: instant('created_at').notNull().defaultNow(),
    settledAt: instant('settled_at'),
  },
  (table) => [
    uniqueIndex('webhook_deliveries_version_key').on(table.webhookId, table.storyId, table.storyVersion),
    uniqueIndex('webhook_deliveries_message_id_key').on(table.messageId),
    // The sender's claim: due pending rows in (next_attempt_at, id) order.
    index('webhook_deliveries_due_idx').on(table.nextAttemptAt, table.id).where(sql`status = 'pending'`),
    index('webhook_deliveries_webhook_idx').on(table.webhookId, table.id),
    check('webhook_deliveries_status_check', sql.raw(`status in (${quoted(webhookDeliveryStatuses)})`)),
    check('webhook_deliveries_event_check', sql`event_type in ('story.created', 'story.updated')`),
  ],
);

/** One POST of a delivery: when, and what came of it (a status code, or an error in one line). */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint('delivery_id', { mode: 'bigint' })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptedAt: instant('attempted_at').notNull().defaultNow(),
    statusCode: integer('status_code'),
    /** A classified reason (`timeout`, `connection refused`), never the URL or the response body. */
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (table) => [index('webhook_attempts_delivery_idx').on(table.deliveryId, table.id)],
);
