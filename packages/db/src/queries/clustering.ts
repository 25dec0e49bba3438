import type { EditorTag, SourceKind, StoryFeatures, StoryProfile } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { textArray } from './sql-arrays.ts';

// SQL primitives of stories shared by the processing step's batches (batch-reads.ts,
// batch-writes.ts) and editors' corrections: document frequencies, story rows and roll-ups. The
// decisions themselves (same text, copy, which story, primary item) are core's.

/** The term under which `term_counts` keeps the number of clustered items (N of the IDF). */
const itemCountTerm = '';

/** Document frequencies of `terms` and the number of clustered items (read without locks: a count a few items stale changes no decision). */
export async function readTermCounts(
  tx: DbOrTx,
  terms: readonly string[],
): Promise<{ documents: (term: string) => number; items: number }> {
  // One index lookup per term (a lateral join), never a scan of the table, however many terms it holds.
  const result = await tx.execute<{ term: string; documents: number }>(sql`
    select wanted.term, c.documents
    from unnest(${textArray([itemCountTerm, ...new Set(terms)])}) as wanted(term)
    cross join lateral (select documents from term_counts where term = wanted.term) c`);
  const counts = new Map(result.rows.map((row) => [row.term, Number(row.documents)]));
  return { documents: (term) => counts.get(term) ?? 0, items: counts.get(itemCountTerm) ?? 0 };
}

/**
 * Adds a batch's inserted items to the document frequencies (how many of them have each term,
 * and how many there are). Run after the batch's transaction, on its own: holding the common
 * terms' rows until the clustering transaction commits would make every worker wait on the others.
 */
export async function countBatchTerms(db: DbOrTx, terms: ReadonlyMap<string, number>, items: number): Promise<void> {
  if (items === 0) return;
  // Sorted, so concurrent statements lock term rows in one order.
  const counted = [...terms, [itemCountTerm, items] as const].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await db.execute(sql`
    insert into term_counts (term, documents)
    select term, n from unnest(${textArray(counted.map(([term]) => term))}, ${`{${counted.map(([, n]) => n).join(',')}}`}::int[]) as c(term, n)
    order by term
    on conflict (term) do update set documents = term_counts.documents + excluded.documents`);
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
