import type { DigestCandidate, ItemView, KeysetPosition, NewsFilter } from '@regwatch/core';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { storyConditions } from './news-filter.ts';

/** Another entry that brought the same item: its own URL, and the source it came from. */
export interface AlternateView {
  url: string;
  sourceId: string;
}

export interface StoryItemView extends ItemView {
  alternates: AlternateView[];
}

/** A story as the public API shows it (DESIGN.md "Public surface"): its primary item first. */
export interface StoryView {
  id: string;
  title: string;
  summary: string;
  firstPublishedAt: string;
  lastPublishedAt: string;
  platforms: string[];
  jurisdictions: string[];
  topics: string[];
  /** The first of its items (the primary first, then by publication time), at most the cap asked for. */
  items: StoryItemView[];
  /** How many items the story has in all; more than `items.length` when the embedded list was capped. */
  itemCount: number;
}

/**
 * Items embedded in each story of a list (stories, digest, stories feed), the primary and the next
 * four: the rest are a link away. With 10, a page of popular stories was 207 KB (bench/api.ts).
 */
export const embeddedStoryItems = 5;
/** Items embedded in one story asked for by id; `listStoryItems` pages through them all. */
export const storyPageItems = 100;

export interface StoryItemPage {
  items: StoryItemView[];
  /** Position of the last item returned, when more items follow it. */
  next: KeysetPosition | null;
}

export interface StoryPage {
  stories: StoryView[];
  /** Position of the last story returned, when more stories follow it. */
  next: KeysetPosition | null;
}

export interface StoryLookup {
  /** The story asked for, or the one it was merged into (followed through every merge). */
  story: StoryView;
  /** Set when the id asked for was absorbed by another story: the surviving story's id. */
  mergedInto?: string;
}

/** Merges chained further than this are a data fault, not a story (and would loop forever). */
const maxMergeDepth = 64;

const isoInstant = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The public JSON of one item of a story (the row `i`, its source `s`), with the other URLs its
 * entries came from.
 */
const storyItemJson = sql`
  json_build_object(
    'id', i.id::text,
    'title', i.title,
    'url', i.url,
    'source', json_build_object('id', s.id, 'name', s.name, 'kind', s.kind),
    'publishedAt', ${isoInstant(sql`i.published_at`)},
    'publishedPrecision', i.published_precision,
    'publishedFrom', i.published_from,
    'summary', i.summary,
    'language', i.language,
    'platforms', i.platforms,
    'jurisdictions', i.jurisdictions,
    'topics', i.topics,
    'storyId', i.story_id::text,
    'alternates', coalesce((
      select json_agg(json_build_object('url', a.url, 'sourceId', a.source_id) order by a.seen, a.url, a.source_id)
      from (
        select e.url, e.source_id, min(e.first_seen_at) as seen
        from entries e
        where e.item_id = i.id and e.url is not null and e.url is distinct from i.url
        group by e.url, e.source_id
      ) a
    ), '[]'::json)
  )`;

/**
 * The public JSON of the story row `st`, built in PostgreSQL (json_agg measured 1.5× faster than
 * assembling rows in Node), with at most `maxItems` of its items: the primary item first, the
 * rest by publication time, read through items_story_id_idx. `itemCount` says how many it has.
 */
const storyJson = (maxItems: number) => sql`
  (with members as (
    select i.id, i.published_at, ${storyItemJson} as body
    from items i join sources s on s.id = i.source_id
    where i.story_id = st.id
    order by i.id is not distinct from st.primary_item_id desc, i.published_at, i.id
    limit ${maxItems}
  )
  select json_build_object(
    'id', st.id::text,
    'title', st.title,
    'summary', st.summary,
    'firstPublishedAt', ${isoInstant(sql`st.first_published_at`)},
    'lastPublishedAt', ${isoInstant(sql`st.last_published_at`)},
    'platforms', st.platforms,
    'jurisdictions', st.jurisdictions,
    'topics', st.topics,
    'items', coalesce(
      (select json_agg(m.body order by m.id is not distinct from st.primary_item_id desc, m.published_at, m.id)
       from members m),
      '[]'::json),
    'itemCount', st.item_count
  ))`;

/**
 * Stories with the newest activity first, by (last_published_at, id) so ties never reorder
 * between pages; keyset pagination over stories_last_published_id_idx. Stories absorbed by a
 * merge are left out: their items belong to the survivor now.
 *
 * `nulls last` is spelled out because the index (drizzle's `.desc()`) is `DESC NULLS LAST`, and
 * PostgreSQL only walks it for an ORDER BY that says the same (plain `desc` means nulls first),
 * NOT NULL columns or not: without it every page sorts the whole table.
 */
export async function listStories(
  db: DbOrTx,
  options: { limit: number; after?: KeysetPosition | undefined; filter?: NewsFilter | undefined },
): Promise<StoryPage> {
  // A story left with no item (an editor took its only item down) is in no list.
  const conditions: SQL[] = [sql`st.merged_into_id is null`, sql`st.emptied_at is null`];
  if (options.after) {
    conditions.push(
      sql`(st.last_published_at, st.id) < (${options.after.at}::timestamptz, ${options.after.id}::bigint)`,
    );
  }
  conditions.push(...storyConditions(options.filter));
  // The page is chosen first (on the index), then only its stories are turned into JSON.
  const result = await db.execute<{ id: string; at: string; story: StoryView }>(sql`
    with page as (
      select st.id, st.last_published_at
      from stories st
      where ${sql.join(conditions, sql` and `)}
      order by st.last_published_at desc nulls last, st.id desc nulls last
      limit ${options.limit + 1}
    )
    select st.id::text, ${isoInstant(sql`st.last_published_at`)} as at, ${storyJson(embeddedStoryItems)} as story
    from page p join stories st on st.id = p.id
    order by p.last_published_at desc, p.id desc`);
  const rows = result.rows.slice(0, options.limit);
  const last = rows.at(-1);
  const next = result.rows.length > options.limit && last ? { at: last.at, id: last.id } : null;
  return { stories: rows.map((row) => row.story), next };
}

/** A story with an item in a digest's period, with what the digest ranks it by (see core's `rankDigest`). */
export interface DigestCandidateRow extends DigestCandidate {
  /** Distinct sources (feeds) with an item in the period. */
  sourceCount: number;
}

/**
 * Every story with an item published in [since, until) that matches the filter (an item dated
 * to a month or year counts when its whole month or year is in the period), with its coverage
 * in the period: distinct publishers (a source's `publisher`, else the source itself), distinct
 * sources, items. Unordered: ranking is a decision, made in core.
 */
export async function digestCandidates(
  db: DbOrTx,
  options: { since: string; until: string; filter?: NewsFilter | undefined },
): Promise<DigestCandidateRow[]> {
  const conditions = [sql`st.merged_into_id is null`, ...storyConditions(options.filter)];
  const result = await db.execute<{
    id: string;
    title: string;
    summary: string;
    topics: string[];
    publishers: number;
    sources: number;
    items: number;
    regulator_primary: boolean;
    last_published_at: string;
  }>(sql`
    with period as (
      select i.story_id, count(distinct coalesce(s.publisher, s.id))::int as publishers,
        count(distinct i.source_id)::int as sources, count(*)::int as items
      from items i join sources s on s.id = i.source_id
      where i.published_at >= ${options.since}::timestamptz and i.published_at < ${options.until}::timestamptz
        -- An item known only to the month or year is in the period only when all of that month or
        -- year is: a register's incident of "2026" is not news of the first week of January.
        and i.published_at + case i.published_precision
          when 'year' then interval '1 year' when 'month' then interval '1 month' else interval '0' end
          <= ${options.until}::timestamptz
        and i.story_id is not null
      group by i.story_id
    )
    select st.id::text, st.title, st.summary, st.topics, p.publishers, p.sources, p.items,
      coalesce(ps.kind = 'regulator', false) as regulator_primary,
      ${isoInstant(sql`st.last_published_at`)} as last_published_at
    from period p
    join stories st on st.id = p.story_id
    left join items pi on pi.id = st.primary_item_id
    left join sources ps on ps.id = pi.source_id
    where ${sql.join(conditions, sql` and `)}`);
  return result.rows.map((row) => ({
    storyId: row.id,
    title: row.title,
    summary: row.summary,
    topics: row.topics,
    publisherCount: row.publishers,
    sourceCount: row.sources,
    regulatorPrimary: row.regulator_primary,
    periodItemCount: row.items,
    lastPublishedAt: row.last_published_at,
  }));
}

/** The stories with these ids, in the order given (unknown ids left out), each with its first `embeddedStoryItems` items. */
export async function storiesByIds(db: DbOrTx, ids: readonly string[]): Promise<StoryView[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ story: StoryView }>(sql`
    select ${storyJson(embeddedStoryItems)} as story
    from unnest(${`{${ids.join(',')}}`}::bigint[]) with ordinality as wanted(id, position)
    join stories st on st.id = wanted.id
    where st.emptied_at is null
    order by wanted.position`);
  return result.rows.map((row) => row.story);
}

const isStoryId = (id: string) => /^\d{1,19}$/.test(id) && BigInt(id) <= 9223372036854775807n;

/** The story `id` resolves to: itself, or the story it was merged into, followed through every merge. */
const survivorOf = (id: string) => sql`
  with recursive chain (id, merged_into_id, depth) as (
    select id, merged_into_id, 0 from stories where id = ${id}::bigint
    union all
    select s.id, s.merged_into_id, c.depth + 1
    from chain c join stories s on s.id = c.merged_into_id
    where c.depth < ${maxMergeDepth}
  ),
  survivor as (select id, depth from chain order by depth desc limit 1)`;

function checkChainEnds(id: string, row: { merged_into_id: string | null }): void {
  if (row.merged_into_id !== null) {
    throw new Error(`story ${id}: merge chain does not end within ${maxMergeDepth} steps (a cycle?)`);
  }
}

/**
 * One story by id, with its first `storyPageItems` items. An id absorbed by a merge (possibly
 * merged again since) resolves to the surviving story, whose id is then given as `mergedInto`.
 * Undefined when no such story exists.
 */
export async function getStory(db: DbOrTx, id: string): Promise<StoryLookup | undefined> {
  if (!isStoryId(id)) return undefined;
  const result = await db.execute<{
    id: string;
    merged_into_id: string | null;
    depth: number;
    emptied: boolean;
    story: StoryView;
  }>(sql`
    ${survivorOf(id)}
    select st.id::text, st.merged_into_id::text, sv.depth, st.emptied_at is not null as emptied,
      ${storyJson(storyPageItems)} as story
    from survivor sv join stories st on st.id = sv.id`);
  const row = result.rows[0];
  if (!row) return undefined;
  checkChainEnds(id, row);
  if (row.emptied) return undefined;
  return row.depth === 0 ? { story: row.story } : { story: row.story, mergedInto: row.id };
}

/** The id of the story `id` resolves to (itself, or the survivor of its merges); undefined when none exists. */
export async function resolveStoryId(db: DbOrTx, id: string): Promise<{ id: string; merged: boolean } | undefined> {
  if (!isStoryId(id)) return undefined;
  const result = await db.execute<{ id: string; merged_into_id: string | null; depth: number }>(sql`
    ${survivorOf(id)}
    select st.id::text, st.merged_into_id::text, sv.depth from survivor sv join stories st on st.id = sv.id`);
  const row = result.rows[0];
  if (!row) return undefined;
  checkChainEnds(id, row);
  return { id: row.id, merged: row.depth > 0 };
}

/**
 * The items of one story, oldest first, by (published_at, id) so ties never reorder between
 * pages; keyset pagination through items_story_id_idx. Pass the id `getStory` resolved: an
 * absorbed story has no items of its own.
 */
export async function listStoryItems(
  db: DbOrTx,
  storyId: string,
  options: { limit: number; after?: KeysetPosition | undefined },
): Promise<StoryItemPage> {
  const after = options.after
    ? sql`and (i.published_at, i.id) > (${options.after.at}::timestamptz, ${options.after.id}::bigint)`
    : sql``;
  const result = await db.execute<{ id: string; at: string; item: StoryItemView }>(sql`
    select i.id::text, ${isoInstant(sql`i.published_at`)} as at, ${storyItemJson} as item
    from items i join sources s on s.id = i.source_id
    where i.story_id = ${storyId}::bigint ${after}
    order by i.published_at, i.id
    limit ${options.limit + 1}`);
  const rows = result.rows.slice(0, options.limit);
  const last = rows.at(-1);
  const next = result.rows.length > options.limit && last ? { at: last.at, id: last.id } : null;
  return { items: rows.map((row) => row.item), next };
}
