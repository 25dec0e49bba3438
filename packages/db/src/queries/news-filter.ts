import type { NewsFilter } from '@regwatch/core';
import { type SQL, sql } from 'drizzle-orm';
import { textArray } from './sql-arrays.ts';

/**
 * The full-text query of `q`, in web-search syntax, stemmed as English or as French (an item
 * matches in the language it is indexed in).
 */
export function searchQuery(text: string): SQL {
  return sql`(websearch_to_tsquery('english', ${text}) || websearch_to_tsquery('french', ${text}))`;
}

/**
 * The filter as conditions on items `i` joined to their source `s`. Tag filters use array
 * overlap (`&&`), which the GIN indexes on the tag columns serve.
 */
export function itemConditions(filter: NewsFilter | undefined): SQL[] {
  if (!filter) return [];
  const conditions: SQL[] = [];
  if (filter.sourceIds?.length) conditions.push(sql`i.source_id = any(${textArray(filter.sourceIds)})`);
  if (filter.sourceKinds?.length) conditions.push(sql`s.kind = any(${textArray(filter.sourceKinds)})`);
  if (filter.platforms?.length) conditions.push(sql`i.platforms && ${textArray(filter.platforms)}`);
  if (filter.jurisdictions?.length) conditions.push(sql`i.jurisdictions && ${textArray(filter.jurisdictions)}`);
  if (filter.topics?.length) conditions.push(sql`i.topics && ${textArray(filter.topics)}`);
  if (filter.since) conditions.push(sql`i.published_at >= ${filter.since}::timestamptz`);
  if (filter.until) conditions.push(sql`i.published_at < ${filter.until}::timestamptz`);
  if (filter.text) conditions.push(sql`i.search @@ ${searchQuery(filter.text)}`);
  return conditions;
}

/**
 * The filter as conditions on stories `st`: tags on the story's own (rolled-up) columns; a story
 * matches a source, kind, period or full-text query when one of its items does.
 */
export function storyConditions(filter: NewsFilter | undefined): SQL[] {
  if (!filter) return [];
  const conditions: SQL[] = [];
  if (filter.platforms?.length) conditions.push(sql`st.platforms && ${textArray(filter.platforms)}`);
  if (filter.jurisdictions?.length) conditions.push(sql`st.jurisdictions && ${textArray(filter.jurisdictions)}`);
  if (filter.topics?.length) conditions.push(sql`st.topics && ${textArray(filter.topics)}`);
  if (filter.since) conditions.push(sql`st.last_published_at >= ${filter.since}::timestamptz`);
  if (filter.until) conditions.push(sql`st.first_published_at < ${filter.until}::timestamptz`);
  const itemFilter: NewsFilter = {
    ...(filter.sourceIds ? { sourceIds: filter.sourceIds } : {}),
    ...(filter.sourceKinds ? { sourceKinds: filter.sourceKinds } : {}),
    ...(filter.text ? { text: filter.text } : {}),
  };
  const memberConditions = itemConditions(itemFilter);
  if (memberConditions.length > 0) {
    conditions.push(sql`exists (
      select 1 from items i join sources s on s.id = i.source_id
      where i.story_id = st.id and ${sql.join(memberConditions, sql` and `)})`);
  }
  return conditions;
}
