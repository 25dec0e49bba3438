// Subscribers of the weekly roundup, its editions and the per-edition delivery ledger (one
// aggregate: the roundup). Data kept per subscriber is only what sending needs (DESIGN.md).
import type { RoundupPreferences } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** `pending` until the address confirms; `bouncing` after a permanent SMTP failure stops mail to it. */
export const subscriberStatuses = ['pending', 'active', 'unsubscribed', 'bouncing'] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];

/**
 * One address and what it asked for. Nothing else is stored: no names, no client addresses, no
 * opens or clicks. Tokens in emails are signed (`@regwatch/core` roundup tokens); a token issued
 * before `tokens_valid_after` no longer works: it is set when an unsubscribed or bouncing address
 * signs up again, not on confirming or unsubscribing (a repeated one-click POST still answers).
 */
export const subscribers = pgTable(
  'subscribers',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    /** As given, trimmed; unique case-insensitively (`lower(email)`). */
    email: text('email').notNull(),
    status: text('status').$type<SubscriberStatus>().notNull().default('pending'),
    /** The filter of `/v1` and `/feeds` (jurisdiction, platform, topic, kind); `{}` is everything. */
    preferences: jsonb('preferences').$type<RoundupPreferences>().notNull().default({}),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    /** When the latest sign-up asked for a confirmation email (the roundup worker sends it). */
    confirmationRequestedAt: instant('confirmation_requested_at'),
    /** When a confirmation email was last handed to SMTP: at most one a day per address. */
    confirmationSentAt: instant('confirmation_sent_at'),
    confirmedAt: instant('confirmed_at'),
    unsubscribedAt: instant('unsubscribed_at'),
    bouncedAt: instant('bounced_at'),
    tokensValidAfter: instant('tokens_valid_after').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('subscribers_email_key').on(sql`lower(${table.email})`),
    index('subscribers_status_idx').on(table.status),
    check('subscribers_status_check', sql.raw(`status in (${quoted(subscriberStatuses)})`)),
    check('subscribers_email_length', sql`char_length(${table.email}) between 3 and 254`),
  ],
);

/** `built` (stored, not sending), `sending` (audience frozen), `sent` (every delivery settled). */
export const editionStatuses = ['built', 'sending', 'sent'] as const;
export type EditionStatus = (typeof editionStatuses)[number];

/**
 * One edition per ISO week (`2024-W38`), stored in full before any mail is sent: its stories as
 * data (`content`, what per-subscriber parts and `/v1/roundups` are made from), the whole edition
 * as HTML and text (`/roundups/2024-W38`).
 */
export const roundupEditions = pgTable(
  'roundup_editions',
  {
    week: text('week').primaryKey(),
    /** The period of its stories, [period_start, period_end): Friday 08:00 London to Friday 08:00. */
    periodStart: instant('period_start').notNull(),
    periodEnd: instant('period_end').notNull(),
    status: text('status').$type<EditionStatus>().notNull().default('built'),
    content: jsonb('content').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    storyCount: integer('story_count').notNull(),
    builtAt: instant('built_at').notNull().defaultNow(),
    sendingStartedAt: instant('sending_started_at'),
    sentAt: instant('sent_at'),
  },
  (table) => [
    check('roundup_editions_status_check', sql.raw(`status in (${quoted(editionStatuses)})`)),
    check('roundup_editions_week_format', sql`${table.week} ~ '^[0-9]{4}-W[0-9]{2}$'`),
  ],
);

/**
 * The fate of one edition for one subscriber:
 * - `pending`: in the frozen audience, not yet tried (or waiting for `next_attempt_at` after a
 *   transient failure);
 * - `sending`: committed just before the message is handed to SMTP; a row left here by a crash
 *   (its lease expired) becomes `uncertain`, never resent;
 * - `sent`, `empty` (nothing matched their preferences: no mail), `failed` (a permanent failure,
 *   the address now bouncing, or retries used up), `skipped` (the subscriber left, or the edition
 *   was superseded by a newer week before they got it), `uncertain`.
 */
export const deliveryStatuses = ['pending', 'sending', 'sent', 'empty', 'failed', 'skipped', 'uncertain'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const roundupDeliveries = pgTable(
  'roundup_deliveries',
  {
    week: text('week')
      .notNull()
      .references(() => roundupEditions.week, { onDelete: 'cascade' }),
    subscriberId: bigint('subscriber_id', { mode: 'bigint' })
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    /** When the row went to `sending`: the lease a crashed sender's row is judged by. */
    sendingAt: instant('sending_at'),
    /** A short classified reason (`smtp 550`, `timeout`), never the address or a server's whole reply. */
    lastError: text('last_error'),
    storyCount: integer('story_count'),
    settledAt: instant('settled_at'),
  },
  (table) => [
    primaryKey({ columns: [table.week, table.subscriberId] }),
    index('roundup_deliveries_work_idx').on(table.week, table.status, table.nextAttemptAt),
    index('roundup_deliveries_subscriber_idx').on(table.subscriberId),
    check('roundup_deliveries_status_check', sql.raw(`status in (${quoted(deliveryStatuses)})`)),
  ],
);
