import {
  type BatchSnapshot,
  type CandidateItem,
  type EditorTag,
  type KnownEntry,
  lookupId,
  type NearDuplicateSignature,
  perKeyLimit,
  type SameTextItem,
  type SourceKind,
  type StoryFeatures,
  type StoryProfile,
  type StoryState,
  sameTextLimit,
} from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { textArray } from './sql-arrays.ts';

// The reads of one batch of entries, each one statement for the whole batch whatever its size:
// what `decideBatch` (core) decides from. Run under the batch's locks (`lockBatchKeys`).

/** What a batch looks up: its entries' keys, URLs, text keys and (key, window) pairs. */
export interface BatchLookups {
  dedupKeys: readonly string[];
  canonicalUrls: readonly string[];
  textKeys: readonly string[];
  /** Index keys, each within the time window of the entry that looks it up (epoch ms, both ends included). */
  keyed: readonly { key: string; from: number; to: number }[];
}

/** Near-duplicate band keys (`nd.<band>.<hash>`, core's `nearDuplicateSignature`). */
const bandKeyPrefix = 'nd.';

const bigintArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::bigint[]`;
const isoArray = (ms: readonly number[]) =>
  sql`${`{${ms.map((at) => new Date(at).toISOString()).join(',')}}`}::timestamptz[]`;

/**
 * Takes the advisory locks of a batch for the rest of its transaction: every key in one
 * statement, in the order of their hashes, so two batches never wait on each other in a cycle.
 * `keys` are already namespaced (an entry's dedup key, `cluster:<key>`, `url:<canonical URL>`).
 */
export async function lockBatchKeys(tx: DbOrTx, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.execute(sql`
    select pg_advisory_xact_lock(h)
    from (select distinct hashtextextended(k, 0) as h from unnest(${textArray([...keys])}) as k) locks
    order by h`);
}

/** The database's side of a batch's snapshot (the term counts are read before the locks). */
export async function readBatchSnapshot(tx: DbOrTx, lookups: BatchLookups): Promise<Omit<BatchSnapshot, 'termCounts'>> {
  const itemStories = new Map<string, string | null>();
  const entries = await readEntries(tx, lookups.dedupKeys, itemStories);
  const byCanonicalUrl = await readCanonicalUrls(tx, lookups.canonicalUrls, itemStories);
  const sameText = await readSameText(tx, lookups.textKeys, itemStories);
  const { keyed, items } = await readKeyed(tx, lookups.keyed);
  for (const item of items.values()) itemStories.set(item.id, item.storyId);
  const storyIds = [...new Set([...items.values()].flatMap((item) => (item.storyId === null ? [] : [item.storyId])))];
  const stories = await lockStoryStates(tx, storyIds);
  return { entries, byCanonicalUrl, itemStories, sameText, keyed, items, stories };
}

async function readEntries(
  tx: DbOrTx,
  dedupKeys: readonly string[],
  itemStories: Map<string, string | null>,
): Promise<Map<string, KnownEntry>> {
  if (dedupKeys.length === 0) return new Map();
  const result = await tx.execute<{
    dedup_key: string;
    item_id: string;
    content_hash: string;
    owner: boolean;
    canonical_url: string | null;
    story_id: string | null;
  }>(sql`
    select e.dedup_key, e.item_id::text, e.content_hash, i.dedup_key = e.dedup_key as owner, i.canonical_url,
      i.story_id::text
    from entries e join items i on i.id = e.item_id
    where e.dedup_key = any(${textArray(dedupKeys)})`);
  const entries = new Map<string, KnownEntry>();
  for (const row of result.rows) {
    itemStories.set(row.item_id, row.story_id);
    entries.set(row.dedup_key, {
      itemId: row.item_id,
      contentHash: row.content_hash,
      owner: row.owner,
      canonicalUrl: row.canonical_url,
    });
  }
  return entries;
}

async function readCanonicalUrls(
  tx: DbOrTx,
  urls: readonly string[],
  itemStories: Map<string, string | null>,
): Promise<Map<string, string>> {
  if (urls.length === 0) return new Map();
  const result = await tx.execute<{ id: string; canonical_url: string; story_id: string | null }>(sql`
    select id::text, canonical_url, story_id::text from items where canonical_url = any(${textArray(urls)})`);
  for (const row of result.rows) itemStories.set(row.id, row.story_id);
  return new Map(result.rows.map((row) => [row.canonical_url, row.id]));
}

async function readSameText(
  tx: DbOrTx,
  textKeys: readonly string[],
  itemStories: Map<string, string | null>,
): Promise<Map<string, SameTextItem[]>> {
  if (textKeys.length === 0) return new Map();
  const result = await tx.execute<{
    key: string;
    id: string;
    source_id: string;
    title: string;
    summary: string;
    content: string;
    story_id: string | null;
  }>(sql`
    select wanted.key, i.id::text, i.source_id, i.title, i.summary, i.content, i.story_id::text
    from unnest(${textArray(textKeys)}) as wanted(key)
    cross join lateral (
      select item_id from cluster_keys where key = wanted.key order by item_id limit ${sameTextLimit}
    ) k
    join items i on i.id = k.item_id
    order by wanted.key, i.id`);
  const byKey = new Map<string, SameTextItem[]>();
  for (const row of result.rows) {
    itemStories.set(row.id, row.story_id);
    const rows = byKey.get(row.key) ?? [];
    rows.push({ id: row.id, sourceId: row.source_id, title: row.title, summary: row.summary, content: row.content });
    byKey.set(row.key, rows);
  }
  return byKey;
}

/**
 * Items under each (key, window), at most `perKeyLimit` per pair (the most recent), through
 * cluster_keys_key_published_idx; then each item found once, with what candidates need.
 */
async function readKeyed(
  tx: DbOrTx,
  lookups: BatchLookups['keyed'],
): Promise<{
  keyed: Map<string, { itemId: string; publishedAt: number }[]>;
  items: Map<string, CandidateItem>;
}> {
  const keyed = new Map<string, { itemId: string; publishedAt: number }[]>();
  const items = new Map<string, CandidateItem>();
  if (lookups.length === 0) return { keyed, items };
  const found = await tx.execute<{ n: string; item_id: string; at: number }>(sql`
    select wanted.n::text, c.item_id::text, (extract(epoch from c.published_at) * 1000)::float8 as at
    from unnest(${textArray(lookups.map((lookup) => lookup.key))}, ${isoArray(lookups.map((lookup) => lookup.from))},
                ${isoArray(lookups.map((lookup) => lookup.to))}) with ordinality as wanted(key, since, until, n)
    cross join lateral (
      select k.item_id, k.published_at from cluster_keys k
      where k.key = wanted.key and k.published_at between wanted.since and wanted.until
      order by k.published_at desc
      limit ${perKeyLimit}
    ) c
    order by wanted.n, c.published_at desc`);
  for (const row of found.rows) {
    const lookup = lookups[Number(row.n) - 1];
    if (!lookup) continue;
    const id = lookupId(lookup.key, lookup);
    const rows = keyed.get(id) ?? [];
    rows.push({ itemId: row.item_id, publishedAt: Number(row.at) });
    keyed.set(id, rows);
  }
  // Near-duplicate signatures only of items found under band keys, story features only of those
  // found under the others: each is most of a row, and most candidates need one of the two.
  const signatureOf = new Set<string>();
  const featuresOf = new Set<string>();
  for (const row of found.rows) {
    const lookup = lookups[Number(row.n) - 1];
    (lookup?.key.startsWith(bandKeyPrefix) ? signatureOf : featuresOf).add(row.item_id);
  }
  const ids = [...new Set([...signatureOf, ...featuresOf])];
  if (ids.length === 0) return { keyed, items };
  const rows = await tx.execute<{
    id: string;
    source_id: string;
    story_id: string | null;
    story_features: StoryFeatures | null;
    near_duplicate: NearDuplicateSignature | null;
  }>(sql`
    select id::text, source_id, story_id::text,
      -- What scoring never reads (a candidate's own document frequencies and keys) stays in the table.
      case when id = any(${bigintArray([...featuresOf])}) then story_features - 'termDf' - 'candidateKeys' end
        as story_features,
      case when id = any(${bigintArray([...signatureOf])}) then near_duplicate end as near_duplicate
    from items where id = any(${bigintArray(ids)})`);
  for (const row of rows.rows) {
    items.set(row.id, {
      id: row.id,
      sourceId: row.source_id,
      storyId: row.story_id,
      features: row.story_features === null ? null : { ...row.story_features, termDf: [], candidateKeys: [] },
      signature: row.near_duplicate,
    });
  }
  return { keyed, items };
}

/**
 * The stories candidates belong to, under row locks taken in id order in one statement (so two
 * batches adding to one story never lose an update, and never wait on each other in a cycle),
 * with what keeping their aggregates needs: profile, sources, count, span, tags, primary item.
 */
async function lockStoryStates(tx: DbOrTx, storyIds: readonly string[]): Promise<Map<string, StoryState>> {
  if (storyIds.length === 0) return new Map();
  const result = await tx.execute<{
    id: string;
    profile: StoryProfile | null;
    source_ids: string[];
    item_count: number;
    first_ms: number | null;
    last_ms: number | null;
    platforms: string[];
    jurisdictions: string[];
    topics: string[];
    title: string;
    summary: string;
    editor_title: string | null;
    editor_summary: string | null;
    editor_tags: EditorTag[];
    editor_placed: boolean;
    primary_id: string | null;
    primary_kind: SourceKind | null;
    primary_ms: number | null;
    primary_title: string | null;
    primary_summary: string | null;
  }>(sql`
    select st.id::text, st.profile, st.source_ids, st.item_count,
      (extract(epoch from st.first_published_at) * 1000)::float8 as first_ms,
      (extract(epoch from st.last_published_at) * 1000)::float8 as last_ms,
      st.platforms, st.jurisdictions, st.topics, st.title, st.summary, st.editor_title, st.editor_summary,
      st.editor_tags, st.editor_placed_at is not null as editor_placed,
      p.id::text as primary_id, ps.kind as primary_kind, (extract(epoch from p.published_at) * 1000)::float8 as primary_ms,
      p.title as primary_title, p.summary as primary_summary
    from stories st
    left join items p on p.id = st.primary_item_id
    left join sources ps on ps.id = p.source_id
    where st.id = any(${bigintArray(storyIds)})
    order by st.id
    for update of st`);
  const stories = new Map<string, StoryState>();
  for (const row of result.rows) {
    stories.set(row.id, {
      id: row.id,
      profile: row.profile,
      sourceIds: row.source_ids,
      itemCount: row.item_count,
      first: row.item_count > 0 ? row.first_ms : null,
      last: row.item_count > 0 ? row.last_ms : null,
      platforms: row.platforms,
      jurisdictions: row.jurisdictions,
      topics: row.topics,
      editorTitle: row.editor_title,
      editorSummary: row.editor_summary,
      editorTags: row.editor_tags,
      editorPlaced: row.editor_placed,
      primary:
        row.primary_id === null || row.primary_kind === null || row.primary_ms === null
          ? null
          : {
              id: row.primary_id,
              sourceKind: row.primary_kind,
              publishedAt: row.primary_ms,
              title: row.primary_title ?? row.title,
              summary: row.primary_summary ?? row.summary,
            },
    });
  }
  return stories;
}
