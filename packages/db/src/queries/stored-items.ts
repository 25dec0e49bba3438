import type { ItemTags, NearDuplicateSignature, NormalisedItem, SourceKind, StoryFeatures } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';

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

/** Locks stored items' rows for the transaction (id order, one statement) and reads their stories (they may have moved since they were read). */
export async function lockStoredItems(
  tx: DbOrTx,
  itemIds: readonly string[],
): Promise<Map<string, { storyId: string | null }>> {
  if (itemIds.length === 0) return new Map();
  const result = await tx.execute<{ id: string; story_id: string | null }>(sql`
    select id::text, story_id::text from items where id = any(${`{${itemIds.join(',')}}`}::bigint[])
    order by id for update`);
  return new Map(result.rows.map((row) => [row.id, { storyId: row.story_id }]));
}

/** What the processing step derived from one stored item's text, to write back. */
export interface DerivedColumns {
  itemId: string;
  platforms: readonly string[];
  jurisdictions: readonly string[];
  topics: readonly string[];
  evidence: ItemTags;
  features: StoryFeatures;
  signature: NearDuplicateSignature;
  /** The text itself when it came from elsewhere (an article page). */
  text?: { summary: string; content: string } | undefined;
  /** The item's index keys when its text changed (replacing the stored ones); absent: kept. */
  keys?: readonly string[] | undefined;
}

/**
 * Writes what the processing step derived from stored items' text (tags, evidence, story
 * features, signature, and the text when it came from elsewhere), and the index keys of those
 * whose text changed: a few statements for the whole batch.
 */
export async function writeDerivedColumns(tx: DbOrTx, rows: readonly DerivedColumns[]): Promise<void> {
  if (rows.length === 0) return;
  const body = rows.map((row) => ({
    id: row.itemId,
    summary: row.text?.summary ?? null,
    content: row.text?.content ?? null,
    platforms: row.platforms,
    jurisdictions: row.jurisdictions,
    topics: row.topics,
    evidence: row.evidence,
    features: row.features,
    signature: row.signature,
  }));
  await tx.execute(sql`
    update items set summary = coalesce(r.summary, items.summary), content = coalesce(r.content, items.content),
      platforms = r.platforms, jurisdictions = r.jurisdictions, topics = r.topics, tag_evidence = r.evidence,
      story_features = r.features, near_duplicate = r.signature, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(body)}::jsonb) as r(
      id bigint, summary text, content text, platforms text[], jurisdictions text[], topics text[],
      evidence jsonb, features jsonb, signature jsonb)
    where items.id = r.id`);
  const rekeyed = rows.filter((row) => row.keys !== undefined);
  if (rekeyed.length === 0) return;
  const ids = `{${rekeyed.map((row) => row.itemId).join(',')}}`;
  await tx.execute(sql`delete from cluster_keys where item_id = any(${ids}::bigint[])`);
  await tx.execute(sql`
    insert into cluster_keys (key, item_id, published_at)
    select r.key, i.id, i.published_at
    from jsonb_to_recordset(${JSON.stringify(
      rekeyed.flatMap((row) => (row.keys ?? []).map((key) => ({ key, item_id: row.itemId }))),
    )}::jsonb) as r(key text, item_id bigint)
    join items i on i.id = r.item_id
    on conflict do nothing`);
}
