import { type ItemTags, type NormalisedItem, tagItem } from '@regwatch/core';
import type { TagColumns } from '@regwatch/db';
import type { SourceFacts } from './entry.ts';

/** Step 1, tag: platforms, jurisdictions and topics with their evidence (core's taggers). */
export function tagEntry(
  item: Pick<NormalisedItem, 'title' | 'summary' | 'content' | 'labels'>,
  source: SourceFacts,
): ItemTags {
  return tagItem({
    title: item.title,
    summary: item.summary,
    content: item.content,
    sourceJurisdictions: source.jurisdictions,
    sourceKind: source.kind,
    labels: item.labels,
  });
}

/** The tag columns of an item: the tags' ids, or only the source's jurisdictions when it was not tagged. */
export function tagColumns(tags: ItemTags | null, source: SourceFacts): TagColumns {
  const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((tag) => tag.id);
  return {
    platforms: ids(tags?.platforms),
    jurisdictions: tags ? ids(tags.jurisdictions) : [...source.jurisdictions],
    topics: ids(tags?.topics),
    evidence: tags,
  };
}
