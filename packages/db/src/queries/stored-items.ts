import type { ItemTags, NearDuplicateSignature, NormalisedItem, SourceKind, StoryFeatures } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { textArray } from './sql-arrays.ts';

/** A stored item read back for the processing step (`regwatch retag`), with its source's facts. */
export interface StoredItem extends Omit<NormalisedItem, 'links'> {
  id: string;
  storyId: string | null;
  sourceKind: SourceKind;
  sourceJurisdictions: string[];
  platforms: string[];
  jurisdictions: string[];
  topics: string[];
  features: StoryFeatures | null;
  signature: NearDuplicateSignature | null;
}

const storedItemColumns = sql`i.id::text as "id", i.story_id::text as "storyId", i.source_id as "sourceId",
  s.kind as "sourceKind", s.jurisdictions as "sourceJurisdictions",
  i.dedup_key as "dedupKey", i.guid, i.url, i.canonical_url as "canonicalUrl", i.title, i.summary, i.content,
  i.author, i.language, to_char(i.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "publishedAt",
  i.published_precision as "publishedPrecision", i.published_from as "publishedFrom",
  i.content_hash as "contentHash", i.source_labels as "labels", i.platforms, i.jurisdictions, i.topics,
  i.story_features as "features", i.near_duplicate as "signature"`;

/** The next `limit` stored items after `afterId` (id order), optionally of one source. */
export async function storedItemsAfter(
  db: DbOrTx,
  options: { afterId: string; limit: number; sourceId?: string | undefined },
): Promise<StoredItem[]> {
  const result = await db.execute<StoredItem & Record<string, unknown>>(sql`
    select ${storedItemColumns}
    from items i join sources s on s.id = i.source_id
    where i.id > ${options.afterId}::bigint
      ${options.sourceId === undefined ? sql`` : sql`and i.source_id = ${options.sourceId}`}
    order by i.id
    limit ${options.limit}`);
  return result.rows;
}

/** One stored item read back (an article page's text is about to be applied to it), or null when it is gone. */
export async function storedItem(db: DbOrTx, itemId: string): Promise<StoredItem | null> {
  const result = await db.execute<StoredItem & Record<string, unknown>>(sql`
    select ${storedItemColumns}
    from items i join sources s on s.id = i.source_id
    where i.id = ${itemId}::bigint`);
  return result.rows[0] ?? null;
}

/** Locks one stored item's row for the transaction and reads its story (it may have moved since it was read). */
export async function lockStoredItem(tx: DbOrTx, itemId: string): Promise<{ storyId: string | null } | null> {
  const result = await tx.execute<{ story_id: string | null }>(
    sql`select story_id::text from items where id = ${itemId}::bigint for update`,
  );
  const row = result.rows[0];
  return row ? { storyId: row.story_id } : null;
}

/**
 * Writes what the processing step derives from a stored item's text: its tags, evidence, story
 * features and signature, and the text itself when it came from elsewhere (an article page).
 */
export async function writeDerivedColumns(
  tx: DbOrTx,
  itemId: string,
  columns: {
    platforms: readonly string[];
    jurisdictions: readonly string[];
    topics: readonly string[];
    evidence: ItemTags;
    features: StoryFeatures;
    signature: NearDuplicateSignature;
    text?: { summary: string; content: string } | undefined;
  },
): Promise<void> {
  const text = columns.text;
  await tx.execute(sql`
    update items set ${text ? sql`summary = ${text.summary}, content = ${text.content},` : sql``} platforms = ${textArray(columns.platforms)}, jurisdictions = ${textArray(columns.jurisdictions)},
      topics = ${textArray(columns.topics)}, tag_evidence = ${JSON.stringify(columns.evidence)}::jsonb,
      story_features = ${JSON.stringify(columns.features)}::jsonb,
      near_duplicate = ${JSON.stringify(columns.signature)}::jsonb, updated_at = now()
    where id = ${itemId}::bigint`);
}
