import type { ItemTags, SourceKind, SourceLabels } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { refreshStory } from './cluster-item.ts';
import { textArray } from './sql-arrays.ts';

/** What the taggers read of a stored item. */
export interface RetagCandidate {
  id: string;
  storyId: string | null;
  title: string;
  summary: string;
  content: string;
  labels: SourceLabels;
  sourceKind: SourceKind;
  sourceJurisdictions: string[];
  platforms: string[];
  jurisdictions: string[];
  topics: string[];
}

/** The next `limit` items after `afterId` (id order), optionally of one source. */
export async function itemsToRetag(
  db: DbOrTx,
  options: { afterId: string; limit: number; sourceId?: string | undefined },
): Promise<RetagCandidate[]> {
  const result = await db.execute<RetagCandidate & Record<string, unknown>>(sql`
    select i.id::text as "id", i.story_id::text as "storyId", i.title, i.summary, i.content,
      i.source_labels as "labels", s.kind as "sourceKind", s.jurisdictions as "sourceJurisdictions",
      i.platforms, i.jurisdictions, i.topics
    from items i join sources s on s.id = i.source_id
    where i.id > ${options.afterId}::bigint
      ${options.sourceId === undefined ? sql`` : sql`and i.source_id = ${options.sourceId}`}
    order by i.id
    limit ${options.limit}`);
  return result.rows;
}

/** Replaces an item's tags and evidence, and brings its story's rolled-up tags up to date. */
export async function replaceItemTags(db: DbOrTx, item: Pick<RetagCandidate, 'id' | 'storyId'>, tags: ItemTags) {
  const ids = (list: readonly { id: string }[]) => textArray(list.map((tag) => tag.id));
  await db.execute(sql`
    update items set platforms = ${ids(tags.platforms)}, jurisdictions = ${ids(tags.jurisdictions)},
      topics = ${ids(tags.topics)}, tag_evidence = ${JSON.stringify(tags)}::jsonb, updated_at = now()
    where id = ${item.id}::bigint`);
  if (item.storyId !== null) await refreshStory(db, item.storyId);
}
