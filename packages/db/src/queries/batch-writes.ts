import type { BatchWrites, StoryState } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';

// The writes of one decided batch (core's `BatchWrites`): multi-row statements whose number does
// not depend on the batch's size, nor on the size of the stories it adds to.

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Ids for a batch's new items and stories, from their sequences, ascending (gaps are harmless). */
export async function allocateBatchIds(
  tx: DbOrTx,
  counts: { items: number; stories: number },
): Promise<{ items: string[]; stories: string[] }> {
  const result = await tx.execute<{ items: string[]; stories: string[] }>(sql`
    select
      array(select nextval(pg_get_serial_sequence('items', 'id'))::text from generate_series(1, ${counts.items}) order by 1) as items,
      array(select nextval(pg_get_serial_sequence('stories', 'id'))::text from generate_series(1, ${counts.stories}) order by 1) as stories`);
  const row = result.rows[0];
  const ascending = (ids: string[]) =>
    ids
      .map(BigInt)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map(String);
  return { items: ascending(row?.items ?? []), stories: ascending(row?.stories ?? []) };
}

/** Writes everything a batch decided, in the order the foreign keys and the unique indexes need. */
export async function writeBatch(tx: DbOrTx, writes: BatchWrites): Promise<void> {
  const started = new Set(writes.newStories);
  // New stories first (their items point at them), without a primary until the items exist.
  const newStories = writes.stories.filter((story) => started.has(story.id) && story.mergedInto === undefined);
  const absorbedNew = writes.stories.filter((story) => started.has(story.id) && story.mergedInto !== undefined);
  if (newStories.length + absorbedNew.length > 0) {
    await tx.execute(sql`
      insert into stories (id, title, summary, item_count, first_published_at, last_published_at)
      overriding system value
      select r.id, r.title, r.summary, 0, r.first, r.last
      from jsonb_to_recordset(${json(
        [...newStories, ...absorbedNew].map((story) => ({
          id: story.id,
          title: story.primary?.title ?? '',
          summary: story.primary?.summary ?? '',
          first: iso(story.first),
          last: iso(story.last),
        })),
      )}) as r(id bigint, title text, summary text, first timestamptz, last timestamptz)`);
  }
  if (writes.items.length > 0) {
    await tx.execute(sql`
      insert into items (
        id, source_id, dedup_key, guid, url, canonical_url, title, summary, content, author, language,
        published_at, published_precision, published_from, content_hash, platforms, jurisdictions, topics,
        tag_evidence, source_labels, story_features, near_duplicate, story_id
      ) overriding system value
      select r.id, r.source_id, r.dedup_key, r.guid, r.url, r.canonical_url, r.title, r.summary, r.content, r.author,
        r.language, r.published_at, r.published_precision, r.published_from, r.content_hash, r.platforms,
        r.jurisdictions, r.topics, r.tag_evidence, r.source_labels, r.story_features, r.near_duplicate, r.story_id
      from jsonb_to_recordset(${json(
        writes.items.map(({ id, item, tags, features, signature, storyId }) => ({
          id,
          source_id: item.sourceId,
          dedup_key: item.dedupKey,
          guid: item.guid,
          url: item.url,
          canonical_url: item.canonicalUrl,
          title: item.title,
          summary: item.summary,
          content: item.content,
          author: item.author,
          language: item.language,
          published_at: item.publishedAt,
          published_precision: item.publishedPrecision,
          published_from: item.publishedFrom,
          content_hash: item.contentHash,
          platforms: tags.platforms,
          jurisdictions: tags.jurisdictions,
          topics: tags.topics,
          tag_evidence: tags.evidence ?? null,
          source_labels: item.labels,
          story_features: features,
          near_duplicate: signature,
          story_id: storyId,
        })),
      )}) as r(
        id bigint, source_id text, dedup_key text, guid text, url text, canonical_url text, title text, summary text,
        content text, author text, language text, published_at timestamptz, published_precision text,
        published_from text, content_hash text, platforms text[], jurisdictions text[], topics text[],
        tag_evidence jsonb, source_labels jsonb, story_features jsonb, near_duplicate jsonb, story_id bigint
      )
      order by r.id`);
    await tx.execute(sql`
      insert into cluster_keys (key, item_id, published_at)
      select r.key, r.item_id, r.published_at
      from jsonb_to_recordset(${json(
        writes.items.flatMap(({ id, item, keys }) =>
          keys.map((key) => ({ key, item_id: id, published_at: item.publishedAt })),
        ),
      )}) as r(key text, item_id bigint, published_at timestamptz)
      on conflict do nothing`);
  }
  if (writes.entries.length > 0) {
    await tx.execute(sql`
      insert into entries (dedup_key, source_id, guid, item_id, url, content_hash)
      select r.dedup_key, r.source_id, r.guid, r.item_id, r.url, r.content_hash
      from jsonb_to_recordset(${json(
        writes.entries.map(({ item, itemId }) => ({
          dedup_key: item.dedupKey,
          source_id: item.sourceId,
          guid: item.guid,
          item_id: itemId,
          url: item.url,
          content_hash: item.contentHash,
        })),
      )}) as r(dedup_key text, source_id text, guid text, item_id bigint, url text, content_hash text)
      on conflict (dedup_key) do nothing`);
  }
  if (writes.merges.length > 0) {
    const absorbed = `{${writes.merges.map((merge) => merge.absorbed).join(',')}}`;
    const survivors = `{${writes.merges.map((merge) => merge.survivor).join(',')}}`;
    // Membership moves in one statement per batch, however many items the absorbed stories hold.
    await tx.execute(sql`
      update items set story_id = m.survivor
      from unnest(${absorbed}::bigint[], ${survivors}::bigint[]) as m(absorbed, survivor)
      where items.story_id = m.absorbed`);
    await tx.execute(sql`
      update stories set merged_into_id = m.survivor, item_count = 0, profile = null, source_ids = '{}',
        primary_item_id = null, updated_at = now()
      from unnest(${absorbed}::bigint[], ${survivors}::bigint[]) as m(absorbed, survivor)
      where stories.id = m.absorbed`);
  }
  await writeStoryStates(
    tx,
    writes.stories.filter((story) => story.mergedInto === undefined),
  );
}

/** Writes stories' kept aggregates in one statement; an editor's title and summary stay over the primary's. */
async function writeStoryStates(tx: DbOrTx, stories: readonly StoryState[]): Promise<void> {
  if (stories.length === 0) return;
  await tx.execute(sql`
    update stories st set
      primary_item_id = r.primary_item_id, title = coalesce(st.editor_title, r.title),
      summary = coalesce(st.editor_summary, r.summary), item_count = r.item_count,
      first_published_at = r.first, last_published_at = r.last, platforms = r.platforms,
      jurisdictions = r.jurisdictions, topics = r.topics, source_ids = r.source_ids, profile = r.profile,
      emptied_at = null, updated_at = now()
    from jsonb_to_recordset(${json(
      stories.map((story) => ({
        id: story.id,
        primary_item_id: story.primary?.id ?? null,
        title: story.primary?.title ?? '',
        summary: story.primary?.summary ?? '',
        item_count: story.itemCount,
        first: iso(story.first),
        last: iso(story.last),
        platforms: story.platforms,
        jurisdictions: story.jurisdictions,
        topics: story.topics,
        source_ids: story.sourceIds,
        profile: story.profile,
      })),
    )}) as r(
      id bigint, primary_item_id bigint, title text, summary text, item_count int, first timestamptz,
      last timestamptz, platforms text[], jurisdictions text[], topics text[], source_ids text[], profile jsonb
    )
    where st.id = r.id`);
}
