import { type Db, storedItemsAfter } from '@regwatch/db';
import { processEntry } from './process/index.ts';

export interface RetagReport {
  read: number;
  changed: number;
}

const batch = 500;

/**
 * Runs stored items through the processing step again with the current lexicons (after an
 * editor changed them, or an item's text was corrected): each item is read in id order, and its
 * tags, story features and keys are written back only when they differ, its story's rolled-up
 * tags with them. Safe to stop and run again.
 */
export async function retagItems(
  db: Db,
  options: { sourceId?: string | undefined; onProgress?: (report: RetagReport) => void } = {},
): Promise<RetagReport> {
  const report: RetagReport = { read: 0, changed: 0 };
  let afterId = '0';
  for (;;) {
    const items = await storedItemsAfter(db, { afterId, limit: batch, sourceId: options.sourceId });
    if (items.length === 0) return report;
    for (const item of items) {
      const result = await processEntry({ db }, { kind: 'stored', item });
      report.read += 1;
      if (result.outcome !== 'unchanged') report.changed += 1;
    }
    afterId = items.at(-1)?.id ?? afterId;
    options.onProgress?.(report);
  }
}
