import { normaliseEntry, type SourceKind, tagItem } from '@regwatch/core';
import { type Db, insertSource } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';
import { sql } from 'drizzle-orm';

/** A source of a test file: its catalog row and the language its entries are in. */
export interface FixtureSource {
  id: string;
  name: string;
  kind: SourceKind;
  jurisdictions: string[];
  language?: string;
}

/** A test file's sources: inserting them, and storing an entry of one as the ingest would (tagged, clustered). */
export function fixtureSources(sources: readonly FixtureSource[]) {
  return {
    async insert(db: Db): Promise<void> {
      for (const source of sources) {
        await insertSource(db, { ...source, url: `https://${source.id}.example/feed`, pollIntervalSeconds: 900 });
      }
    },
    /** Answers the item's and its story's ids. */
    async store(
      db: Db,
      sourceId: string,
      entry: { guid: string; title: string; summary: string; published: string; link?: string },
    ): Promise<{ itemId: string; storyId: string }> {
      const source = sources.find((candidate) => candidate.id === sourceId);
      if (!source) throw new Error(sourceId);
      const result = normaliseEntry(
        { link: `https://${sourceId}.example/${entry.guid}`, ...entry },
        { sourceId, baseUrl: null, now: new Date('2026-11-01T00:00:00Z'), language: source.language },
      );
      if (!result.ok) throw new Error(result.reason);
      const tags = tagItem({ ...result.item, sourceJurisdictions: source.jurisdictions, sourceKind: source.kind });
      const stored = await storeItem(db, result.item, { jurisdictions: source.jurisdictions, tags });
      const row = await db.execute<{ story_id: string }>(
        sql`select story_id::text from items where id = ${stored.itemId}::bigint`,
      );
      return { itemId: stored.itemId, storyId: row.rows[0]?.story_id ?? '' };
    },
  };
}

/** Sources of the newsfeed pages' tests: a regulator per country and the press. */
export const webSources: FixtureSource[] = [
  { id: 'ico', name: 'ICO', kind: 'regulator', jurisdictions: ['GB'], language: 'en' },
  { id: 'press', name: 'The Press <& Co>', kind: 'press', jurisdictions: [], language: 'en' },
  { id: 'cnil', name: 'CNIL', kind: 'regulator', jurisdictions: ['FR'], language: 'fr' },
];
const web = fixtureSources(webSources);
export const insertWebSources = web.insert;
export const storeEntry = web.store;

/** A story of exactly these items, whatever the clustering made of them (stories left empty are removed). */
export async function storyOf(db: Db, itemIds: readonly string[]): Promise<string> {
  const ids = sql.raw(`array[${itemIds.map((id) => BigInt(id).toString()).join(',')}]::bigint[]`);
  const created = await db.execute<{ id: string }>(sql`
    insert into stories (title, summary, primary_item_id, item_count, first_published_at, last_published_at,
                         platforms, jurisdictions, topics)
    select p.title, p.summary, p.id, agg.n, agg.first, agg.last,
      array(select distinct t collate "C" from items m, unnest(m.platforms) t where m.id = any(${ids}) order by 1),
      array(select distinct t collate "C" from items m, unnest(m.jurisdictions) t where m.id = any(${ids}) order by 1),
      array(select distinct t collate "C" from items m, unnest(m.topics) t where m.id = any(${ids}) order by 1)
    from items p,
      (select count(*)::int as n, min(published_at) as first, max(published_at) as last
       from items where id = any(${ids})) agg
    where p.id = ${itemIds[0]}::bigint
    returning id::text`);
  const storyId = created.rows[0]?.id;
  if (!storyId) throw new Error('story not created');
  await db.execute(sql`update items set story_id = ${storyId}::bigint where id = any(${ids})`);
  await db.execute(sql`
    delete from stories st where st.merged_into_id is null
      and not exists (select 1 from items i where i.story_id = st.id)`);
  return storyId;
}

/** An absorbed story: no items, pointing at the story it was merged into. */
export async function absorbedStory(db: Db, into: string, at = '2026-05-01T00:00:00Z'): Promise<string> {
  const created = await db.execute<{ id: string }>(sql`
    insert into stories (title, summary, item_count, first_published_at, last_published_at, merged_into_id)
    values ('Absorbed', '', 0, ${at}::timestamptz, ${at}::timestamptz, ${into}::bigint)
    returning id::text`);
  const id = created.rows[0]?.id;
  if (!id) throw new Error('story not created');
  return id;
}

// Words drawn at random (seeded), so no two generated titles look like copies to the clustering.
const vocabulary = (
  'amber basil cedar delta ember fjord garnet harbor indigo juniper kestrel lagoon meadow nectar ' +
  'orchid pepper quartz raven saffron tundra umber violet willow xenon yarrow zephyr'
).split(' ');
export function seededWords(seed: number, count: number): string {
  let state = (seed + 1) * 2_654_435_761;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return vocabulary[(state >>> 8) % vocabulary.length];
  }).join(' ');
}
