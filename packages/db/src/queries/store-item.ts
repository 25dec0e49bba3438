import type { ItemTags, NormalisedItem, SourceKind, StoreOutcome } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.ts';
import {
  assignItemToStory,
  countTerms,
  findNearDuplicate,
  findSameText,
  lockClusterKeys,
  planClustering,
  refreshStory,
} from './cluster-item.ts';
import { textArray } from './sql-arrays.ts';

export interface StoreResult {
  outcome: StoreOutcome;
  itemId: string;
  storyId: string | null;
}

export interface StoreOptions {
  /** The source's default jurisdictions: the item's jurisdictions when it has no tags. */
  jurisdictions: readonly string[];
  /** What the taggers gave the item (`tagItem`), with their evidence; stored as the item's tags. */
  tags?: ItemTags | undefined;
  /** The source's kind when the caller knows it (the processing step does); otherwise it is read. */
  sourceKind?: SourceKind | undefined;
}

/** The tag columns of an item: the tags' ids, or only the source's jurisdictions when untagged. */
export function tagColumns(options: StoreOptions) {
  const ids = (tags: readonly { id: string }[] | undefined) => (tags ?? []).map((tag) => tag.id);
  return {
    platforms: ids(options.tags?.platforms),
    jurisdictions: options.tags ? ids(options.tags.jurisdictions) : [...options.jurisdictions],
    topics: ids(options.tags?.topics),
    evidence: options.tags ?? null,
  };
}

/**
 * Stores one normalised entry in one transaction, so that running it twice, or on two
 * workers at once, has the effect of running it once:
 * - the entry's dedup key is locked for the transaction (serialises the same entry),
 * - a known entry is updated only when its content hash changed,
 * - a new entry whose canonical URL is already an item becomes an alternate of that item
 *   (the unique index on canonical_url decides, not a check in TypeScript),
 * - so does an item with the same text (`sameTextKey`) or a near-duplicate of a recent item
 *   (MinHash bands), both checked under advisory locks on the item's keys,
 * - otherwise a new item is created and joins the story its keys lead to, or a new one.
 */
export async function storeItem(db: Db, item: NormalisedItem, options: StoreOptions): Promise<StoreResult> {
  let newTerms: readonly string[] = [];
  const result = await db.transaction(async (tx): Promise<StoreResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${item.dedupKey}, 0))`);

    const known = await tx.execute<{ item_id: string; content_hash: string }>(
      sql`select item_id::text, content_hash from entries where dedup_key = ${item.dedupKey}`,
    );
    const entry = known.rows[0];
    if (entry) {
      if (entry.content_hash === item.contentHash) {
        return { outcome: 'unchanged', itemId: entry.item_id, storyId: await storyOf(tx, entry.item_id) };
      }
      return updateKnownEntry(tx, item, entry.item_id, options);
    }

    // Same item by canonical URL: an alternate of the item that has it (the unique index decides).
    const sameUrl = item.canonicalUrl
      ? await tx.execute<{ id: string; story_id: string | null }>(
          sql`select id::text, story_id::text from items where canonical_url = ${item.canonicalUrl}`,
        )
      : { rows: [] };
    const urlMatch = sameUrl.rows[0];
    if (urlMatch) {
      await insertEntry(tx, item, urlMatch.id);
      return { outcome: 'linked', itemId: urlMatch.id, storyId: urlMatch.story_id };
    }

    // Near-duplicate (a syndicated or lightly edited copy): an alternate too. Keys are locked
    // first, so two copies arriving together see each other.
    const tags = tagColumns(options);
    const plan = await planClustering(tx, item, tags, options.sourceKind);
    await lockClusterKeys(tx, plan.keys);
    const copyOf = (await findSameText(tx, plan, item)) ?? (await findNearDuplicate(tx, plan, item));
    if (copyOf) {
      await insertEntry(tx, item, copyOf);
      return { outcome: 'linked', itemId: copyOf, storyId: await storyOf(tx, copyOf) };
    }

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
        ${JSON.stringify(item.labels)}::jsonb, ${JSON.stringify(plan.features)}::jsonb,
        ${JSON.stringify(plan.signature)}::jsonb
      )
      on conflict do nothing
      returning id::text`);
    const newId = inserted.rows[0]?.id;

    if (newId !== undefined) {
      await insertEntry(tx, item, newId);
      const storyId = await assignItemToStory(tx, newId, item, plan);
      newTerms = plan.features.terms;
      return { outcome: 'inserted', itemId: newId, storyId };
    }

    // The insert met an existing row: the same document under another guid or source.
    const existing = await tx.execute<{ id: string; story_id: string | null }>(sql`
      select id::text, story_id::text from items
      where canonical_url = ${item.canonicalUrl} or dedup_key = ${item.dedupKey}
      limit 1`);
    const match = existing.rows[0];
    if (!match) throw new Error(`item insert conflicted but no conflicting item was found (${item.dedupKey})`);
    await insertEntry(tx, item, match.id);
    return { outcome: 'linked', itemId: match.id, storyId: match.story_id };
  });
  if (result.outcome === 'inserted') await countTerms(db, newTerms);
  return result;
}

async function updateKnownEntry(tx: DbOrTx, item: NormalisedItem, itemId: string, options: StoreOptions) {
  const tags = tagColumns(options);
  const estimated = item.publishedFrom === 'first-seen';
  await tx.execute(sql`
    update entries set content_hash = ${item.contentHash}, url = ${item.url}, last_changed_at = now()
    where dedup_key = ${item.dedupKey}`);
  // Only the entry that created the item owns its text; an alternate's edits change nothing else.
  // An estimated date (the source gave none) never replaces the date we stored first, and a
  // canonical URL already taken by another item is left as it was.
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
      published_at = case when ${estimated} then published_at else ${item.publishedAt}::timestamptz end,
      published_precision = case when ${estimated} then published_precision else ${item.publishedPrecision} end,
      published_from = case when ${estimated} then published_from else ${item.publishedFrom} end,
      content_hash = ${item.contentHash},
      platforms = ${textArray(tags.platforms)},
      jurisdictions = ${textArray(tags.jurisdictions)},
      topics = ${textArray(tags.topics)},
      tag_evidence = ${JSON.stringify(tags.evidence)}::jsonb,
      source_labels = ${JSON.stringify(item.labels)}::jsonb,
      updated_at = now()
    where id = ${itemId} and dedup_key = ${item.dedupKey}
    returning story_id::text`);
  const storyId = updated.rows[0]?.story_id ?? (await storyOf(tx, itemId));
  // The owner's edit may change the story's title (if primary), span and tags.
  if (updated.rows.length > 0 && storyId !== null) await refreshStory(tx, storyId);
  return { outcome: 'updated' as const, itemId, storyId };
}

async function insertEntry(tx: DbOrTx, item: NormalisedItem, itemId: string): Promise<void> {
  await tx.execute(sql`
    insert into entries (dedup_key, source_id, guid, item_id, url, content_hash)
    values (${item.dedupKey}, ${item.sourceId}, ${item.guid}, ${itemId}, ${item.url}, ${item.contentHash})
    on conflict (dedup_key) do nothing`);
}

async function storyOf(tx: DbOrTx, itemId: string): Promise<string | null> {
  const result = await tx.execute<{ story_id: string | null }>(
    sql`select story_id::text from items where id = ${itemId}`,
  );
  return result.rows[0]?.story_id ?? null;
}

/** Content hashes of entries already stored, so a poll enqueues only what is new or changed. */
export async function knownContentHashes(db: DbOrTx, dedupKeys: readonly string[]): Promise<Map<string, string>> {
  if (dedupKeys.length === 0) return new Map();
  const result = await db.execute<{ dedup_key: string; content_hash: string }>(
    sql`select dedup_key, content_hash from entries where dedup_key = any(${textArray(dedupKeys)})`,
  );
  return new Map(result.rows.map((row) => [row.dedup_key, row.content_hash]));
}
