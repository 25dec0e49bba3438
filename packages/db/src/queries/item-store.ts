import type { EntryResult, NormalisedItem, TagColumns } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { textArray } from './sql-arrays.ts';

/** What the processing step (`processEntries` in services/ingest) reports for one entry (core's `EntryResult`). */
export type StoreResult = EntryResult;

export type { TagColumns } from '@regwatch/core';

export async function storyOf(tx: DbOrTx, itemId: string): Promise<string | null> {
  const result = await tx.execute<{ story_id: string | null }>(
    sql`select story_id::text from items where id = ${itemId}`,
  );
  return result.rows[0]?.story_id ?? null;
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
