import { sql } from 'drizzle-orm';
import { bigint, boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { items } from './newsfeed.ts';

/** What became of an item's article page. `fetching`: claimed by a worker that has not finished. */
export const articlePageStatuses = ['fetching', 'extracted', 'no-article', 'failed'] as const;
export type ArticlePageStatus = (typeof articlePageStatuses)[number];

/**
 * The article page of an item whose entry gave no text (its source's `fetchArticlePages`): one
 * row per item, so a page is fetched once per version of its entry, never again for a retried
 * or replayed job, and a failure is recorded here instead of being retried forever. The
 * validators make a fetch for a changed entry a conditional GET.
 */
export const articlePages = pgTable(
  'article_pages',
  {
    itemId: bigint('item_id', { mode: 'bigint' })
      .primaryKey()
      .references(() => items.id, { onDelete: 'cascade' }),
    /** The URL fetched (the item's; the mirror's for a replayed source). */
    url: text('url').notNull(),
    /** Content hash of the entry version that asked for the page: a new version may fetch again. */
    entryHash: text('entry_hash').notNull(),
    status: text('status').$type<ArticlePageStatus>().notNull(),
    /** Fetches made for this entry version (bounded: a transient failure is retried a few times). */
    attempts: integer('attempts').notNull().default(0),
    /** A failure a later attempt may outlive (a timeout, a 503); false for a 404, a refused address… */
    retryable: boolean('retryable').notNull().default(false),
    httpStatus: integer('http_status'),
    etag: text('etag'),
    lastModified: text('last_modified'),
    errorCode: text('error_code'),
    error: text('error'),
    /** The article's title and main text (`extractArticleText`), when the page had one. */
    title: text('title'),
    text: text('text'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  () => [
    check('article_pages_status_check', sql.raw(`status in (${articlePageStatuses.map((s) => `'${s}'`).join(', ')})`)),
  ],
);
