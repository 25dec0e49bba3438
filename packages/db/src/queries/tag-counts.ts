import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';

export type TagDimension = 'platforms' | 'jurisdictions' | 'topics';

export interface TagCount {
  items: number;
  stories: number;
}

/**
 * How many items and (unmerged) stories carry each value of one tag dimension. One pass over
 * each table: callers cache the result, as it changes slowly and costs a scan.
 */
export async function countTags(db: DbOrTx, dimension: TagDimension): Promise<Map<string, TagCount>> {
  const column = sql.raw(dimension);
  const result = await db.execute<{ id: string; items: number; stories: number }>(sql`
    with item_counts as (
      select t as id, count(*)::int as n from items, unnest(items.${column}) as t
      where items.withdrawn_at is null group by t
    ), story_counts as (
      select t as id, count(*)::int as n from stories, unnest(stories.${column}) as t
      where stories.merged_into_id is null and stories.emptied_at is null group by t
    )
    select coalesce(i.id, s.id) as id, coalesce(i.n, 0) as items, coalesce(s.n, 0) as stories
    from item_counts i full join story_counts s on s.id = i.id`);
  return new Map(result.rows.map((row) => [row.id, { items: row.items, stories: row.stories }]));
}
