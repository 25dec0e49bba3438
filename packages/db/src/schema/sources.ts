import { type ArticlePageMode, articlePageModes } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A source Regwatch watches, and its fetch state: the poller's memory survives restarts
 * because it lives here, not in the worker.
 */
export const sources = pgTable(
  'sources',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['regulator', 'incident-db', 'press'] }).notNull(),
    /** Who publishes it when several sources are one publisher's feeds (`opc`); null: the source itself. */
    publisher: text('publisher'),
    url: text('url').notNull(),
    homepage: text('homepage'),
    /** Adapter that reads the source's responses (`feed` = RSS/Atom/RDF). */
    format: text('format').notNull().default('feed'),
    /** The adapter's settings for this source (HTML selectors, the ICO listing's paths…). */
    formatOptions: jsonb('format_options').$type<Record<string, unknown>>().notNull().default({}),
    /** APIs polled with a POST (the ICO's search) send this JSON body; null means GET. */
    requestBody: text('request_body'),
    /**
     * Relative links resolve against this URL instead of the fetched one: set when the URL
     * polled is a replay (the demo) or a mirror of the real source.
     */
    linkBase: text('link_base'),
    /** `privacy` keeps only entries about privacy (general outlets); null keeps everything. */
    relevance: text('relevance', { enum: ['privacy'] }),
    /** Whether an entry's article page is fetched for its text (`articlePageModes`). */
    fetchArticlePages: text('fetch_article_pages').$type<ArticlePageMode>().notNull().default('never'),
    language: text('language'),
    jurisdictions: text('jurisdictions').array().notNull().default(sql`'{}'::text[]`),
    pollIntervalSeconds: integer('poll_interval_seconds').notNull().default(900),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),

    // Conditional GET validators and the hash of the last body, from the last 200 response.
    etag: text('etag'),
    lastModified: text('last_modified'),
    bodyHash: text('body_hash'),

    nextCheckAt: timestamp('next_check_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true, precision: 3 }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true, precision: 3 }),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    lastErrorCode: text('last_error_code'),
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true, precision: 3 }),
    /** Entries the last successful poll read, and how many of them were unusable. */
    lastEntryCount: integer('last_entry_count'),
    lastRejectedCount: integer('last_rejected_count'),
    /** Entries the relevance filter set aside in the last successful poll (counted, not lost silently). */
    lastFilteredCount: integer('last_filtered_count'),
    /**
     * What the last successful poll had to guess or repair to read the source's bytes ("no
     * declared encoding; decoded as KOI8-R (detected)"), and when; null after a clean one.
     */
    lastWarning: text('last_warning'),
    lastWarningAt: timestamp('last_warning_at', { withTimezone: true, precision: 3 }),

    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    check('sources_id_slug', sql`${table.id} ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'`),
    check('sources_poll_interval_positive', sql`${table.pollIntervalSeconds} >= 30`),
    check(
      'sources_fetch_article_pages_check',
      sql.raw(`fetch_article_pages in (${articlePageModes.map((mode) => `'${mode}'`).join(', ')})`),
    ),
  ],
);
