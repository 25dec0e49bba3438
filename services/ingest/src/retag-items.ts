import { type ItemTags, tagItem } from '@regwatch/core';
import { type Db, itemsToRetag, replaceItemTags } from '@regwatch/db';

export interface RetagReport {
  read: number;
  changed: number;
}

const batch = 500;

function sameIds(tags: readonly { id: string }[], stored: readonly string[]): boolean {
  return tags.length === stored.length && tags.every((tag, index) => tag.id === stored[index]);
}

function unchanged(tags: ItemTags, item: { platforms: string[]; jurisdictions: string[]; topics: string[] }) {
  return (
    sameIds(tags.platforms, item.platforms) &&
    sameIds(tags.jurisdictions, item.jurisdictions) &&
    sameIds(tags.topics, item.topics)
  );
}

/**
 * Tags stored items again with the current lexicons (after an editor changed them): each item is
 * read in id order, tagged as the processing step would, and written back only when its tags
 * differ, its story's tags with it. Safe to stop and run again.
 */
export async function retagItems(
  db: Db,
  options: { sourceId?: string | undefined; onProgress?: (report: RetagReport) => void } = {},
): Promise<RetagReport> {
  const report: RetagReport = { read: 0, changed: 0 };
  let afterId = '0';
  for (;;) {
    const items = await itemsToRetag(db, { afterId, limit: batch, sourceId: options.sourceId });
    if (items.length === 0) return report;
    for (const item of items) {
      const tags = tagItem({
        title: item.title,
        summary: item.summary,
        content: item.content,
        sourceJurisdictions: item.sourceJurisdictions,
        sourceKind: item.sourceKind,
        labels: item.labels,
      });
      report.read += 1;
      if (unchanged(tags, item)) continue;
      await db.transaction((tx) => replaceItemTags(tx, item, tags));
      report.changed += 1;
    }
    afterId = items.at(-1)?.id ?? afterId;
    options.onProgress?.(report);
  }
}
