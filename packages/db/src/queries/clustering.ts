import type { EditorTag, NearDuplicateSignature, SourceKind, StoryFeatures, StoryProfile } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { textArray } from './sql-arrays.ts';

// SQL primitives of story clustering: reads of candidates and writes of decisions. The
// decisions themselves (same text, copy, which story, primary item) are core's, taken by the
// processing step (`processEntry` in services/ingest).

/** The term under which `term_counts` keeps the number of clustered items (N of the IDF). */
const itemCountTerm = '';

/**
 * Most rows one key lookup reads (the most recent in the time window): a key as common as
 * "privacy" must not make a new item read every item of a busy week.
 */
const perKeyLimit = 50;

/**
 * Most items read under one text key: more than one only when a source's entries share a text
 * key but not their texts, which a handful covers.
 */
const sameTextLimit = 8;

/** A time window of candidate lookups, ISO 8601 both ends. */
export interface TimeWindow {
  from: string;
  to: string;
}

/** Document frequencies of `terms` and the number of clustered items (read without locks: a count a few items stale changes no decision). */
export async function readTermCounts(
  tx: DbOrTx,
  terms: readonly string[],
): Promise<{ documents: (term: string) => number; items: number }> {
  const result = await tx.execute<{ term: string; documents: number }>(
    sql`select term, documents from term_counts where term = any(${textArray([itemCountTerm, ...terms])})`,
  );
  const counts = new Map(result.rows.map((row) => [row.term, Number(row.documents)]));
  return { documents: (term) => counts.get(term) ?? 0, items: counts.get(itemCountTerm) ?? 0 };
}

/**
 * Adds a stored item's terms to the document frequencies. Run after the item's transaction, on
 * its own: every item touches the item count and common terms, and holding those rows until the
 * clustering transaction commits would make all workers wait on one another. A count lost to a
 * crash in between changes IDF by one document in thousands.
 */
export async function countTerms(db: DbOrTx, terms: readonly string[]): Promise<void> {
  // Sorted, so concurrent statements lock term rows in the same order and never deadlock.
  await db.execute(sql`
    insert into term_counts (term, documents)
    select term, 1 from unnest(${textArray([...new Set([itemCountTerm, ...terms])].sort())}) as term
    order by term
    on conflict (term) do update set documents = term_counts.documents + 1`);
}

/**
 * Serialises clustering decisions that could interact: two items sharing a key take turns, so
 * two articles of one new story processed at once make one story. Locks are taken in key order
 * (one statement, ordered), so two transactions never wait on each other in a cycle.
 */
export async function lockClusterKeys(tx: DbOrTx, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.execute(sql`
    select pg_advisory_xact_lock(hashtextextended('cluster:' || key, 0))
    from unnest(${textArray(keys)}) as key order by key`);
}

/**
 * Item ids stored under any of `keys` within the window, at most `perKeyLimit` per key (the
 * most recent), read through cluster_keys_key_published_idx.
 */
function itemsUnderKeys(keys: readonly string[], window: TimeWindow) {
  return sql`(
    select distinct c.item_id from unnest(${textArray(keys)}) as wanted(key)
    cross join lateral (
      select k.item_id from cluster_keys k
      where k.key = wanted.key and k.published_at between ${window.from}::timestamptz and ${window.to}::timestamptz
      order by k.published_at desc
      limit ${perKeyLimit}
    ) c)`;
}

/** Items stored under a text key, whenever published (the few a key can hold), with their text. */
export async function sameTextCandidates(
  tx: DbOrTx,
  textKey: string,
): Promise<{ id: string; sourceId: string; title: string; summary: string; content: string }[]> {
  const result = await tx.execute<{ id: string; source_id: string; title: string; summary: string; content: string }>(
    sql`
    select i.id::text, i.source_id, i.title, i.summary, i.content
    from (select item_id from cluster_keys where key = ${textKey} order by item_id limit ${sameTextLimit}) k
    join items i on i.id = k.item_id
    order by i.id`,
  );
  return result.rows.map(({ source_id, ...row }) => ({ ...row, sourceId: source_id }));
}

/** Items stored under any of the band keys within the window, with their near-duplicate signatures. */
export async function nearDuplicateCandidates(
  tx: DbOrTx,
  bandKeys: readonly string[],
  window: TimeWindow,
): Promise<{ id: string; sourceId: string; signature: NearDuplicateSignature }[]> {
  if (bandKeys.length === 0) return [];
  const result = await tx.execute<{ id: string; source_id: string; near_duplicate: NearDuplicateSignature }>(sql`
    select i.id::text, i.source_id, i.near_duplicate
    from ${itemsUnderKeys(bandKeys, window)} found join items i on i.id = found.item_id
    where i.near_duplicate is not null`);
  return result.rows.map((row) => ({ id: row.id, sourceId: row.source_id, signature: row.near_duplicate }));
}

/** Items in a story stored under any of the candidate keys within the window (not `itemId`), with their features. */
export async function storyCandidates(
  tx: DbOrTx,
  candidateKeys: readonly string[],
  window: TimeWindow,
  itemId: string,
): Promise<{ id: string; storyId: string; features: StoryFeatures }[]> {
  const result = await tx.execute<{ id: string; story_id: string; story_features: StoryFeatures }>(sql`
    select i.id::text, i.story_id::text, i.story_features
    from ${itemsUnderKeys(candidateKeys, window)} found join items i on i.id = found.item_id
    where i.story_id is not null and i.story_features is not null and i.id <> ${itemId}::bigint`);
  return result.rows.map((row) => ({ id: row.id, storyId: row.story_id, features: row.story_features }));
}

/** Each story's stored profile and the sources its items came from. */
export async function storyFacts(
  tx: DbOrTx,
  storyIds: readonly string[],
): Promise<
  Map<string, { profile: StoryProfile | null; sourceIds: string[]; editorPlaced: boolean; editorEdited: boolean }>
> {
  if (storyIds.length === 0) return new Map();
  const result = await tx.execute<{
    id: string;
    profile: StoryProfile | null;
    source_ids: string[];
    editor_placed: boolean;
    editor_edited: boolean;
  }>(sql`
    select s.id::text, s.profile, s.editor_placed_at is not null as editor_placed,
      (s.editor_title is not null or s.editor_tags <> '[]'::jsonb) as editor_edited,
      s.source_ids
    from stories s where s.id = any(${textArray(storyIds)}::bigint[])`);
  return new Map(
    result.rows.map((row) => [
      row.id,
      {
        profile: row.profile,
        sourceIds: row.source_ids,
        editorPlaced: row.editor_placed,
        editorEdited: row.editor_edited,
      },
    ]),
  );
}

/** Starts a story with one item as its primary; returns its id. */
export async function createStory(
  tx: DbOrTx,
  story: { primaryItemId: string; title: string; summary: string; publishedAt: string; profile: StoryProfile | null },
): Promise<string> {
  const created = await tx.execute<{ id: string }>(sql`
    insert into stories (title, summary, primary_item_id, item_count, first_published_at, last_published_at, profile)
    values (${story.title}, ${story.summary}, ${story.primaryItemId}, 1, ${story.publishedAt}, ${story.publishedAt},
            ${JSON.stringify(story.profile)}::jsonb)
    returning id::text`);
  const id = created.rows[0]?.id;
  if (id === undefined) throw new Error('story insert returned no id');
  return id;
}

/**
 * Stored profiles of stories, read under row locks taken in id order (so two workers adding to
 * one story never lose an update, and never wait on each other in a cycle).
 */
export async function lockStoryProfiles(
  tx: DbOrTx,
  storyIds: readonly string[],
): Promise<Map<string, StoryProfile | null>> {
  const locked = await tx.execute<{ id: string; profile: StoryProfile | null }>(sql`
    select id::text, profile from stories where id = any(${textArray(storyIds)}::bigint[])
    order by id for update`);
  return new Map(locked.rows.map((row) => [row.id, row.profile]));
}

export async function setStoryProfile(tx: DbOrTx, storyId: string, profile: StoryProfile | null): Promise<void> {
  await tx.execute(sql`update stories set profile = ${JSON.stringify(profile)}::jsonb where id = ${storyId}::bigint`);
}

/** Puts an item in a story. */
export async function setItemStory(tx: DbOrTx, itemId: string, storyId: string): Promise<void> {
  await tx.execute(sql`update items set story_id = ${storyId}::bigint where id = ${itemId}::bigint`);
}

/** Moves the items of `absorbed` stories into `storyId`; the absorbed rows keep their ids, pointing at the survivor. */
export async function mergeStoriesInto(tx: DbOrTx, storyId: string, absorbed: readonly string[]): Promise<void> {
  if (absorbed.length === 0) return;
  const ids = textArray(absorbed);
  await tx.execute(sql`update items set story_id = ${storyId}::bigint where story_id = any(${ids}::bigint[])`);
  await tx.execute(sql`
    update stories set merged_into_id = ${storyId}::bigint, item_count = 0, profile = null, updated_at = now()
    where id = any(${ids}::bigint[])`);
}

/** Stores an item under its index keys (cluster_keys), at its publication time. */
export async function indexClusterKeys(
  tx: DbOrTx,
  itemId: string,
  keys: readonly string[],
  publishedAt: string,
): Promise<void> {
  await tx.execute(sql`
    insert into cluster_keys (key, item_id, published_at)
    select key, ${itemId}::bigint, ${publishedAt}::timestamptz from unnest(${textArray(keys)}) as key
    on conflict do nothing`);
}

/** Replaces an item's index keys (its text or features changed since it was stored). */
export async function replaceClusterKeys(tx: DbOrTx, itemId: string, keys: readonly string[]): Promise<void> {
  await tx.execute(sql`delete from cluster_keys where item_id = ${itemId}::bigint`);
  await tx.execute(sql`
    insert into cluster_keys (key, item_id, published_at)
    select key, i.id, i.published_at from unnest(${textArray(keys)}) as key, items i
    where i.id = ${itemId}::bigint
    on conflict do nothing`);
}

/** A story's member tags, one list per dimension. */
export interface StoryTags {
  platforms: string[];
  jurisdictions: string[];
  topics: string[];
}

/** A story's members: what choosing its primary item needs, each one's story features and tags. */
export async function storyMembers(
  tx: DbOrTx,
  storyId: string,
): Promise<({ id: string; sourceKind: SourceKind; publishedAt: Date; features: StoryFeatures | null } & StoryTags)[]> {
  const members = await tx.execute<{
    id: string;
    kind: SourceKind;
    published_at: string;
    story_features: StoryFeatures | null;
    platforms: string[];
    jurisdictions: string[];
    topics: string[];
  }>(sql`
    select i.id::text, s.kind, i.published_at::text, i.story_features, i.platforms, i.jurisdictions, i.topics
    from items i join sources s on s.id = i.source_id
    where i.story_id = ${storyId}::bigint
    order by i.id`);
  return members.rows.map((row) => ({
    id: row.id,
    sourceKind: row.kind,
    publishedAt: new Date(row.published_at),
    features: row.story_features,
    platforms: row.platforms,
    jurisdictions: row.jurisdictions,
    topics: row.topics,
  }));
}

/** The tags editors added to or removed from a story (`stories.editor_tags`). */
export async function storyEditorTags(tx: DbOrTx, storyId: string): Promise<EditorTag[]> {
  const result = await tx.execute<{ editor_tags: EditorTag[] }>(
    sql`select editor_tags from stories where id = ${storyId}::bigint`,
  );
  return result.rows[0]?.editor_tags ?? [];
}

/**
 * Writes a story's rolled-up columns: its primary item's title and summary (an editor's text
 * instead, when one was written), count, span, and the tags given (its items' as corrected).
 */
export async function writeStoryRollup(
  tx: DbOrTx,
  storyId: string,
  primaryItemId: string,
  tags: StoryTags,
): Promise<void> {
  await tx.execute(sql`
    update stories st set
      primary_item_id = p.id, title = coalesce(st.editor_title, p.title),
      summary = coalesce(st.editor_summary, p.summary),
      item_count = agg.n, first_published_at = agg.first, last_published_at = agg.last,
      source_ids = agg.sources,
      platforms = ${textArray(tags.platforms)}, jurisdictions = ${textArray(tags.jurisdictions)},
      topics = ${textArray(tags.topics)}, emptied_at = null, updated_at = now()
    from items p,
      (select count(*)::int as n, min(published_at) as first, max(published_at) as last,
         array_agg(distinct source_id order by source_id) as sources
       from items where story_id = ${storyId}::bigint) agg
    where st.id = ${storyId}::bigint and p.id = ${primaryItemId}::bigint`);
}

/** A story left with no item (an editor withdrew or moved its last one): out of every list (`emptied_at`). */
export async function writeEmptyStory(tx: DbOrTx, storyId: string): Promise<void> {
  await tx.execute(sql`
    update stories set primary_item_id = null, item_count = 0, profile = null, emptied_at = now(), updated_at = now()
    where id = ${storyId}::bigint`);
}
