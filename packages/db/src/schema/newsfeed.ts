// Items, the entries that brought them, and the stories that group them reference one another,
// so they live in one module (one aggregate: the newsfeed).
import {
  type DateOrigin,
  type DatePrecision,
  dateOrigins,
  datePrecisions,
  type EditorTag,
  type ItemTags,
  type NearDuplicateSignature,
  type SourceLabels,
  type StoryFeatures,
  type StoryProfile,
} from '@regwatch/core';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sources } from './sources.ts';

/** A closed set of words as an SQL list, for a check constraint. */
const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The text-search configuration of an item's language: French for French items, else English. */
const searchConfig = sql`case when language = 'fr' then 'french'::regconfig else 'english'::regconfig end`;

/**
 * One article or notice, however many times and places it was seen. Its text comes from the
 * entry that first brought it (`dedup_key`); later sightings are rows of `entries`.
 */
export const items = pgTable(
  'items',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    /** Key of the entry that owns this item's text (see `entries`). */
    dedupKey: text('dedup_key').notNull(),
    guid: text('guid').notNull(),
    url: text('url'),
    canonicalUrl: text('canonical_url'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    content: text('content').notNull(),
    author: text('author'),
    language: text('language'),
    /** The moment, or the start (00:00 UTC) of the day, month or year the source gave: what lists sort by. */
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }).notNull(),
    /** How much of the date the source gave (`datePrecisions`). */
    publishedPrecision: text('published_precision').$type<DatePrecision>().notNull().default('instant'),
    /** Where the date came from (`dateOrigins`); `first-seen` is the time of the first fetch, an estimate. */
    publishedFrom: text('published_from').$type<DateOrigin>().notNull().default('entry'),
    contentHash: text('content_hash').notNull(),
    storyId: bigint('story_id', { mode: 'bigint' }).references((): AnyPgColumn => stories.id),
    platforms: text('platforms').array().notNull().default(sql`'{}'::text[]`),
    jurisdictions: text('jurisdictions').array().notNull().default(sql`'{}'::text[]`),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    /**
     * Full-text index of the title (weight A), summary (B) and the start of the content (C), in
     * the item's language; `q` searches it with websearch_to_tsquery in English and French.
     */
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector(${searchConfig}, title), 'A') || setweight(to_tsvector(${searchConfig}, summary), 'B') || setweight(to_tsvector(${searchConfig}, left(content, 20000)), 'C')`,
    ),
    /** Why each platform, jurisdiction and topic was given: the rule and phrase behind it (`tagItem`). */
    tagEvidence: jsonb('tag_evidence').$type<ItemTags>(),
    /** Clustering features (TF-IDF terms, entities, keys) as computed when the item was stored. */
    storyFeatures: jsonb('story_features').$type<StoryFeatures>(),
    /** MinHash signature for near-duplicate detection. */
    nearDuplicate: jsonb('near_duplicate').$type<NearDuplicateSignature>(),
    /** What the source itself said of the item (AIAAIC's deployer, developer, jurisdiction; categories). */
    sourceLabels: jsonb('source_labels').$type<SourceLabels>().notNull().default({}),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /**
     * Set when an editor withdrew the item (`withdrawn_as`: taken down, or not news): it is out of
     * every list, story, feed and digest, and the row stays as the tombstone that catches the same
     * entry (dedup key), URL (canonical URL) or text (its `x.` key) when they come back.
     */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, precision: 3 }),
    withdrawnAs: text('withdrawn_as').$type<'taken-down' | 'not-news'>(),
  },
  (table) => [
    check('items_withdrawn_as_check', sql`withdrawn_as in ('taken-down', 'not-news')`),
    check('items_published_precision_check', sql.raw(`published_precision in (${quoted(datePrecisions)})`)),
    check('items_published_from_check', sql.raw(`published_from in (${quoted(dateOrigins)})`)),
    uniqueIndex('items_dedup_key_key').on(table.dedupKey),
    uniqueIndex('items_canonical_url_key').on(table.canonicalUrl),
    index('items_published_id_idx').on(table.publishedAt.desc(), table.id.desc()),
    index('items_source_published_id_idx').on(table.sourceId, table.publishedAt.desc(), table.id.desc()),
    index('items_story_id_idx').on(table.storyId),
    // Filters by tag (`platforms && array[...]`). One multicolumn GIN, not one per column: a pair of
    // filters is intersected inside the index (bench/api at 1M items: IE + tiktok 15–28 ms → 2–3 ms
    // of SQL), and a single filter reads it as fast as its own index would.
    index('items_tags_idx').using('gin', table.jurisdictions, table.platforms, table.topics),
    index('items_search_idx').using('gin', table.search),
  ],
);

/**
 * Every (source, guid) Regwatch has read: the unique key that makes processing an entry twice
 * harmless, and the record of alternate URLs when two entries turn out to be one item.
 */
export const entries = pgTable(
  'entries',
  {
    /** sha256(source id, guid), the dedup key computed once at normalisation. */
    dedupKey: text('dedup_key').primaryKey(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    guid: text('guid').notNull(),
    itemId: bigint('item_id', { mode: 'bigint' })
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    url: text('url'),
    contentHash: text('content_hash').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastChangedAt: timestamp('last_changed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  // The primary key is the hash of (source_id, guid), so that pair needs no second unique index.
  (table) => [index('entries_item_id_idx').on(table.itemId)],
);

/**
 * One event, told by one or more items. Its title and summary are its primary item's. A story
 * absorbed by another keeps its row with `merged_into_id` set, so its id still resolves.
 */
export const stories = pgTable(
  'stories',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    primaryItemId: bigint('primary_item_id', { mode: 'bigint' }).references((): AnyPgColumn => items.id, {
      onDelete: 'set null',
    }),
    itemCount: integer('item_count').notNull().default(0),
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true, precision: 3 }).notNull(),
    lastPublishedAt: timestamp('last_published_at', { withTimezone: true, precision: 3 }).notNull(),
    mergedIntoId: bigint('merged_into_id', { mode: 'bigint' }).references((): AnyPgColumn => stories.id),
    /** Union of its items' tags, kept by the processing step so stories filter by tag through an index. */
    platforms: text('platforms').array().notNull().default(sql`'{}'::text[]`),
    jurisdictions: text('jurisdictions').array().notNull().default(sql`'{}'::text[]`),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    /** The distinct sources of its items, kept with each item added, so clustering never reads all members. */
    sourceIds: text('source_ids').array().notNull().default(sql`'{}'::text[]`),
    /** What the story keeps saying (its most used terms), for clustering; null once merged into another. */
    profile: jsonb('profile').$type<StoryProfile>(),
    /** An editor's title and summary: kept over the primary item's whatever joins the story. */
    editorTitle: text('editor_title'),
    editorSummary: text('editor_summary'),
    /** Tags editors added or removed (the latest word per tag), applied over the items' union. */
    editorTags: jsonb('editor_tags').$type<EditorTag[]>().notNull().default([]),
    /** Set when an editor moved an item into or out of the story: automatic merges leave it alone. */
    editorPlacedAt: timestamp('editor_placed_at', { withTimezone: true, precision: 3 }),
    /** Set when an editor took the story's last item away (down, or elsewhere): it is in no list. */
    emptiedAt: timestamp('emptied_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index('stories_last_published_id_idx').on(table.lastPublishedAt.desc(), table.id.desc()),
    index('stories_tags_idx').using('gin', table.jurisdictions, table.platforms, table.topics),
    // The webhooks dispatcher reads stories changed since each webhook's (updated_at, id) cursor.
    index('stories_updated_id_idx').on(table.updatedAt, table.id),
  ],
);
