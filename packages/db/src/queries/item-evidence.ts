import type { ItemTags } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';

/**
 * Why each of these items carries its tags (what `getItem` gives one item at a time), in one
 * query for a story page. Items stored before tagging, and unknown ids, are left out.
 */
export async function tagEvidenceOfItems(db: DbOrTx, itemIds: readonly string[]): Promise<Map<string, ItemTags>> {
  const ids = itemIds.filter((id) => /^\d{1,19}$/.test(id));
  if (ids.length === 0) return new Map();
  const result = await db.execute<{ id: string; tag_evidence: ItemTags }>(sql`
    select i.id::text, i.tag_evidence
    from items i
    where i.id = any(${`{${ids.join(',')}}`}::bigint[]) and i.tag_evidence is not null`);
  return new Map(result.rows.map((row) => [row.id, row.tag_evidence]));
}
