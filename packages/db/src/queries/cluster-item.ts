import {
  addToStoryProfile,
  assignStory,
  choosePrimary,
  isCoarserThanDay,
  isCopyOf,
  isSameText,
  mergeStoryProfiles,
  type NearDuplicateSignature,
  type NormalisedItem,
  nearDuplicateScore,
  nearDuplicateSignature,
  nearDuplicateText,
  prepareStoryFeatures,
  type SourceKind,
  type StoryFeatures,
  type StoryProfile,
  sameTextKey,
  storyDefaults,
  storyProfileOf,
} from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { textArray } from './sql-arrays.ts';

/** The term under which `term_counts` keeps the number of clustered items (N of the IDF). */
const itemCountTerm = '';

/**
 * Most rows one key lookup reads (the most recent in the time window): a key as common as
 * "privacy" must not make a new item read every item of a busy week.
 */
const perKeyLimit = 50;

/** What clustering computed for a new item, before it is stored. */
export interface ClusterPlan {
  /** `x.<hash>` of the item's text when it is long enough to identify an article (`sameTextKey`). */
  textKey: string | null;
  signature: NearDuplicateSignature;
  features: StoryFeatures;
  /** Every index key of the item, sorted: locked for the transaction, then stored. */
  keys: string[];
}

async function sourceKindOf(tx: DbOrTx, sourceId: string): Promise<SourceKind | undefined> {
  const result = await tx.execute<{ kind: SourceKind }>(sql`select kind from sources where id = ${sourceId}`);
  return result.rows[0]?.kind;
}

/**
 * Fingerprint and story features of a new item. Document frequencies come from `term_counts`
 * (read before the keys are locked: a count a few items stale changes no decision).
 */
export async function planClustering(
  tx: DbOrTx,
  item: NormalisedItem,
  tags: { platforms: readonly string[]; jurisdictions: readonly string[] },
  knownSourceKind?: SourceKind,
): Promise<ClusterPlan> {
  const signature = nearDuplicateSignature(nearDuplicateText(item.title, item.summary));
  const sourceKind = knownSourceKind ?? (await sourceKindOf(tx, item.sourceId));
  const prepared = prepareStoryFeatures({
    sourceId: item.sourceId,
    // A date we estimated, or one known only to the month or year, cannot place an item in a story's days.
    dateEstimated: item.publishedFrom === 'first-seen' || isCoarserThanDay(item.publishedPrecision),
    // An incident register lists each incident once: two of its entries are never one story.
    eventPerItem: sourceKind === 'incident-db',
    title: item.title,
    summary: item.summary,
    url: item.url,
    publishedAt: item.publishedAt,
    language: item.language,
    platforms: tags.platforms,
    jurisdictions: tags.jurisdictions,
    links: item.links,
  });
  const result = await tx.execute<{ term: string; documents: number }>(
    sql`select term, documents from term_counts where term = any(${textArray([itemCountTerm, ...prepared.terms])})`,
  );
  const counts = new Map(result.rows.map((row) => [row.term, Number(row.documents)]));
  const features = prepared.weigh((term) => counts.get(term) ?? 0, counts.get(itemCountTerm) ?? 0);
  const text = sameTextKey(item);
  const textKey = text === null ? null : `x.${text}`;
  const keys = [...new Set([...(textKey ? [textKey] : []), ...signature.bandKeys, ...features.candidateKeys])].sort();
  return { textKey, signature, features, keys };
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

function window(publishedAt: string) {
  const at = Date.parse(publishedAt);
  return {
    from: new Date(at - storyDefaults.windowMs).toISOString(),
    to: new Date(at + storyDefaults.windowMs).toISOString(),
  };
}

/**
 * Item ids stored under any of `keys` within the time window around `publishedAt`, at most
 * `perKeyLimit` per key (the most recent), read through cluster_keys_key_published_idx.
 */
function itemsUnderKeys(keys: readonly string[], publishedAt: string) {
  const { from, to } = window(publishedAt);
  return sql`(
    select distinct c.item_id from unnest(${textArray(keys)}) as wanted(key)
    cross join lateral (
      select k.item_id from cluster_keys k
      where k.key = wanted.key and k.published_at between ${from}::timestamptz and ${to}::timestamptz
      order by k.published_at desc
      limit ${perKeyLimit}
    ) c)`;
}

/**
 * Most items read under one text key: more than one only when a source's entries share a text
 * key but not their texts (`isSameText`), which a handful covers.
 */
const sameTextLimit = 8;

/** The stored item with exactly this text (`sameTextKey`, then `isSameText`), whenever it was published. */
export async function findSameText(tx: DbOrTx, plan: ClusterPlan, item: NormalisedItem): Promise<string | null> {
  if (plan.textKey === null) return null;
  const result = await tx.execute<{ id: string; source_id: string; title: string; summary: string; content: string }>(
    sql`
    select i.id::text, i.source_id, i.title, i.summary, i.content
    from (select item_id from cluster_keys where key = ${plan.textKey} order by item_id limit ${sameTextLimit}) k
    join items i on i.id = k.item_id
    order by i.id`,
  );
  const match = result.rows.find((row) => isSameText(item, { ...row, sourceId: row.source_id }));
  return match?.id ?? null;
}

/**
 * The stored item this one is a copy of (syndicated or lightly edited), if any, found through its
 * band keys (`isCopyOf`: within the item's own source, only the same headline word for word).
 */
export async function findNearDuplicate(tx: DbOrTx, plan: ClusterPlan, item: NormalisedItem): Promise<string | null> {
  if (plan.signature.bandKeys.length === 0) return null;
  const result = await tx.execute<{ id: string; source_id: string; near_duplicate: NearDuplicateSignature }>(sql`
    select i.id::text, i.source_id, i.near_duplicate
    from ${itemsUnderKeys(plan.signature.bandKeys, item.publishedAt)} found join items i on i.id = found.item_id
    where i.near_duplicate is not null`);
  let best: { id: string; score: number } | null = null;
  for (const row of result.rows) {
    const copy = { sourceId: item.sourceId, signature: plan.signature };
    if (!isCopyOf(copy, { sourceId: row.source_id, signature: row.near_duplicate })) continue;
    const score = nearDuplicateScore(plan.signature, row.near_duplicate);
    // The closest copy wins; ties go to the oldest item, so every worker picks the same one.
    if (!best || score > best.score || (score === best.score && BigInt(row.id) < BigInt(best.id))) {
      best = { id: row.id, score };
    }
  }
  return best?.id ?? null;
}

/**
 * Puts a freshly inserted item in a story: joins the best story found through its keys, merges
 * any other story that matched as well into it (the absorbed rows keep their ids, pointing at
 * the survivor), or starts a new story. Then indexes the item and counts its terms.
 */
export async function assignItemToStory(
  tx: DbOrTx,
  itemId: string,
  item: NormalisedItem,
  plan: ClusterPlan,
): Promise<string> {
  const candidates = await tx.execute<{ id: string; story_id: string; story_features: StoryFeatures }>(sql`
    select i.id::text, i.story_id::text, i.story_features
    from ${itemsUnderKeys(plan.features.candidateKeys, item.publishedAt)} found join items i on i.id = found.item_id
    where i.story_id is not null and i.story_features is not null and i.id <> ${itemId}::bigint`);
  const byStory = new Map<string, StoryFeatures[]>();
  for (const row of candidates.rows) {
    const members = byStory.get(row.story_id) ?? [];
    members.push(row.story_features);
    byStory.set(row.story_id, members);
  }
  const facts = await storyFacts(tx, [...byStory.keys()]);
  const decision = assignStory(
    plan.features,
    [...byStory].map(([storyId, features]) => ({
      storyId,
      features,
      profile: facts.get(storyId)?.profile ?? null,
      sourceIds: facts.get(storyId)?.sourceIds,
    })),
  );

  let storyId = decision.storyId;
  if (storyId === null) {
    const created = await tx.execute<{ id: string }>(sql`
      insert into stories (title, summary, primary_item_id, item_count, first_published_at, last_published_at, profile)
      values (${item.title}, ${item.summary}, ${itemId}, 1, ${item.publishedAt}, ${item.publishedAt},
              ${JSON.stringify(addToStoryProfile(null, plan.features))}::jsonb)
      returning id::text`);
    storyId = created.rows[0]?.id ?? null;
    if (storyId === null) throw new Error('story insert returned no id');
  } else {
    await updateProfiles(tx, storyId, decision.alsoMatched, plan.features, byStory);
  }
  await tx.execute(sql`update items set story_id = ${storyId}::bigint where id = ${itemId}::bigint`);
  if (decision.alsoMatched.length > 0) {
    const absorbed = textArray(decision.alsoMatched);
    await tx.execute(sql`update items set story_id = ${storyId}::bigint where story_id = any(${absorbed}::bigint[])`);
    await tx.execute(sql`
      update stories set merged_into_id = ${storyId}::bigint, item_count = 0, profile = null, updated_at = now()
      where id = any(${absorbed}::bigint[])`);
  }

  await tx.execute(sql`
    insert into cluster_keys (key, item_id, published_at)
    select key, ${itemId}::bigint, ${item.publishedAt}::timestamptz from unnest(${textArray(plan.keys)}) as key
    on conflict do nothing`);
  await refreshStory(tx, storyId);
  return storyId;
}

/** Each candidate story's stored profile and the sources its items came from. */
async function storyFacts(
  tx: DbOrTx,
  storyIds: readonly string[],
): Promise<Map<string, { profile: StoryProfile | null; sourceIds: string[] }>> {
  if (storyIds.length === 0) return new Map();
  const result = await tx.execute<{ id: string; profile: StoryProfile | null; source_ids: string[] }>(sql`
    select s.id::text, s.profile,
      array(select distinct i.source_id from items i where i.story_id = s.id) as source_ids
    from stories s where s.id = any(${textArray(storyIds)}::bigint[])`);
  return new Map(result.rows.map((row) => [row.id, { profile: row.profile, sourceIds: row.source_ids }]));
}

/**
 * Counts the item into the profile of the story it joins, and the absorbed stories' profiles
 * into it. Profiles are re-read under row locks taken in id order (so two workers adding to one
 * story never lose an update, and never wait on each other in a cycle); a story stored before
 * profiles existed gets one built from the members found.
 */
async function updateProfiles(
  tx: DbOrTx,
  storyId: string,
  absorbed: readonly string[],
  item: StoryFeatures,
  found: ReadonlyMap<string, StoryFeatures[]>,
): Promise<void> {
  const locked = await tx.execute<{ id: string; profile: StoryProfile | null }>(sql`
    select id::text, profile from stories where id = any(${textArray([storyId, ...absorbed])}::bigint[])
    order by id for update`);
  const profileOf = (id: string) =>
    locked.rows.find((row) => row.id === id)?.profile ?? storyProfileOf(found.get(id) ?? []);
  let profile = addToStoryProfile(profileOf(storyId), item);
  for (const id of absorbed) {
    const other = profileOf(id);
    if (other) profile = mergeStoryProfiles(profile, other);
  }
  await tx.execute(sql`update stories set profile = ${JSON.stringify(profile)}::jsonb where id = ${storyId}::bigint`);
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

/** Union of one tag column over a story's members, distinct and sorted byte-wise (as JS sorts). */
const tagUnion = (storyId: string, column: 'platforms' | 'jurisdictions' | 'topics') =>
  sql`array(select distinct t collate "C" from items m, unnest(m.${sql.raw(column)}) as t
            where m.story_id = ${storyId}::bigint order by 1)`;

/** Recomputes a story's primary item (the regulator's notice first), title, summary, count, span and tags. */
export async function refreshStory(tx: DbOrTx, storyId: string): Promise<void> {
  const members = await tx.execute<{ id: string; kind: SourceKind; published_at: string }>(sql`
    select i.id::text, s.kind, i.published_at::text
    from items i join sources s on s.id = i.source_id
    where i.story_id = ${storyId}::bigint`);
  const primary = choosePrimary(
    members.rows.map((row) => ({ id: row.id, sourceKind: row.kind, publishedAt: new Date(row.published_at) })),
  );
  if (!primary) return;
  await tx.execute(sql`
    update stories st set
      primary_item_id = p.id, title = p.title, summary = p.summary,
      item_count = agg.n, first_published_at = agg.first, last_published_at = agg.last,
      platforms = agg.platforms, jurisdictions = agg.jurisdictions, topics = agg.topics, updated_at = now()
    from items p,
      (select count(*)::int as n, min(published_at) as first, max(published_at) as last,
         ${tagUnion(storyId, 'platforms')} as platforms, ${tagUnion(storyId, 'jurisdictions')} as jurisdictions,
         ${tagUnion(storyId, 'topics')} as topics
       from items where story_id = ${storyId}::bigint) agg
    where st.id = ${storyId}::bigint and p.id = ${primary.id}::bigint`);
}
