import type { EntryResult, NormalisedItem, TagColumns } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { textArray } from './sql-arrays.ts';

/** What the processing step (`processEntries` in services/ingest) reports for one entry (core's `EntryResult`). */
export type StoreResult = EntryResult;

export type { TagColumns } from '@regwatch/core';

/** An item and its story, as a lookup finds them. */
export interface ItemRef {
  id: string;
  storyId: string | null;
}

/**
 * Serialises work on one entry (its dedup key) for the rest of the transaction: the same entry
 * processed twice at once, on two workers, runs one after the other.
 */
export async function lockEntryKey(tx: DbOrTx, dedupKey: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${dedupKey}, 0))`);
}

/** The stored entry with this dedup key: the item it belongs to and the content hash last stored. */
export async function findEntry(tx: DbOrTx, dedupKey: string): Promise<{ itemId: string; contentHash: string } | null> {
  const result = await tx.execute<{ item_id: string; content_hash: string }>(
    sql`select item_id::text, content_hash from entries where dedup_key = ${dedupKey}`,
  );
  const row = result.rows[0];
  return row ? { itemId: row.item_id, contentHash: row.content_hash } : null;
}

/** The item that has this canonical URL (the unique index keeps it to one). */
export async function findItemByCanonicalUrl(tx: DbOrTx, canonicalUrl: string | null): Promise<ItemRef | null> {
  if (canonicalUrl === null) return null;
  const result = await tx.execute<{ id: string; story_id: string | null }>(
    sql`select id::text, story_id::text from items where canonical_url = ${canonicalUrl}`,
  );
  const row = result.rows[0];
  return row ? { id: row.id, storyId: row.story_id } : null;
}

/** The item an insert conflicted with: same canonical URL or same dedup key. */
export async function findConflictingItem(tx: DbOrTx, item: NormalisedItem): Promise<ItemRef | null> {
  const result = await tx.execute<{ id: string; story_id: string | null }>(sql`
    select id::text, story_id::text from items
    where canonical_url = ${item.canonicalUrl} or dedup_key = ${item.dedupKey}
    limit 1`);
  const row = result.rows[0];
  return row ? { id: row.id, storyId: row.story_id } : null;
}

export async function storyOf(tx: DbOrTx, itemId: string): Promise<string | null> {
  const result = await tx.execute<{ story_id: string | null }>(
    sql`select story_id::text from items where id = ${itemId}`,
  );
  return result.rows[0]?.story_id ?? null;
}

/** Records an entry (source, guid) as belonging to an item; a second record of it is a no-op. */
export async function insertEntry(tx: DbOrTx, item: NormalisedItem, itemId: string): Promise<void> {
  await tx.execute(sql`
    insert into entries (dedup_key, source_id, guid, item_id, url, content_hash)
    values (${item.dedupKey}, ${item.sourceId}, ${item.guid}, ${itemId}, ${item.url}, ${item.contentHash})
    on conflict (dedup_key) do nothing`);
}

/**
 * Inserts a new item with its tags, story features and near-duplicate signature. Returns its id,
 * or null when the insert met an existing row (same canonical URL or dedup key): the unique
 * indexes decide, not a check beforehand.
 */
export async function insertItem(
  tx: DbOrTx,
  item: NormalisedItem,
  columns: { tags: TagColumns; features: unknown; signature: unknown },
): Promise<string | null> {
  const { tags } = columns;
  const inserted = await tx.execute<{ id: string }>(sql`
    insert into items (
      source_id, dedup_key, guid, url, canonical_url, title, summary, content, author, language,
      published_at, published_precision, published_from, content_hash, platforms, jurisdictions, topics, tag_evidence, source_labels,
      story_features, near_duplicate
    ) values (
      ${item.sourceId}, ${item.dedupKey}, ${item.guid}, ${item.url}, ${item.canonicalUrl}, ${item.title},
      ${item.summary}, ${item.content}, ${item.author}, ${item.language}, ${item.publishedAt},
      ${item.publishedPrecision}, ${item.publishedFrom}, ${item.contentHash}, ${textArray(tags.platforms)},
      ${textArray(tags.jurisdictions)}, ${textArray(tags.topics)}, ${JSON.stringify(tags.evidence)}::jsonb,
      ${JSON.stringify(item.labels)}::jsonb, ${JSON.stringify(columns.features)}::jsonb,
      ${JSON.stringify(columns.signature)}::jsonb
    )
    on conflict do nothing
    returning id::text`);
  return inserted.rows[0]?.id ?? null;
}

/**
 * Writes a known entry's new version: the entry's hash and URL, and, when the entry owns the
 * item (created it), the item's text, dates and tags. `keepPublishedAt` leaves the stored date
 * as it was (the caller decides: an estimated date never replaces one stored first); a
 * canonical URL another item already has is left as it was (checked in the statement).
 * Returns whether the item was written, and its story.
 */
export async function updateEntryVersion(
  tx: DbOrTx,
  item: NormalisedItem,
  itemId: string,
  columns: { tags: TagColumns; keepPublishedAt: boolean },
): Promise<{ itemWritten: boolean; storyId: string | null }> {
  const { tags, keepPublishedAt: keep } = columns;
  await tx.execute(sql`
    update entries set content_hash = ${item.contentHash}, url = ${item.url}, last_changed_at = now()
    where dedup_key = ${item.dedupKey}`);
  const updated = await tx.execute<{ story_id: string | null }>(sql`
    update items set
      title = ${item.title},
      summary = ${item.summary},
      content = ${item.content},
      author = ${item.author},
      language = ${item.language},
      url = ${item.url},
      canonical_url = case
        when ${item.canonicalUrl}::text is null then canonical_url
        when exists (select 1 from items other where other.canonical_url = ${item.canonicalUrl} and other.id <> ${itemId})
          then canonical_url
        else ${item.canonicalUrl}
      end,
      published_at = case when ${keep} then published_at else ${item.publishedAt}::timestamptz end,
      published_precision = case when ${keep} then published_precision else ${item.publishedPrecision} end,
      published_from = case when ${keep} then published_from else ${item.publishedFrom} end,
      content_hash = ${item.contentHash},
      platforms = ${textArray(tags.platforms)},
      jurisdictions = ${textArray(tags.jurisdictions)},
      topics = ${textArray(tags.topics)},
      tag_evidence = ${JSON.stringify(tags.evidence)}::jsonb,
      source_labels = ${JSON.stringify(item.labels)}::jsonb,
      updated_at = now()
    where id = ${itemId} and dedup_key = ${item.dedupKey}
    returning story_id::text`);
  const written = updated.rows.length > 0;
  return { itemWritten: written, storyId: written ? (updated.rows[0]?.story_id ?? null) : await storyOf(tx, itemId) };
}

/** Content hashes of entries already stored, so a poll enqueues only what is new or changed. */
export async function knownContentHashes(db: DbOrTx, dedupKeys: readonly string[]): Promise<Map<string, string>> {
  if (dedupKeys.length === 0) return new Map();
  const result = await db.execute<{ dedup_key: string; content_hash: string }>(
    sql`select dedup_key, content_hash from entries where dedup_key = any(${textArray(dedupKeys)})`,
  );
  return new Map(result.rows.map((row) => [row.dedup_key, row.content_hash]));
}
