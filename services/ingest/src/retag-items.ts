import { type Db, storedItemsAfter } from '@regwatch/db';
import { processEntries } from './process/index.ts';

export interface RetagReport {
  read: number;
  changed: number;
}

const batch = 500;
/** Items processed in one transaction: bounded, so a retag's locks and rolled-up stories stay few. */
const retagBatch = 50;

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
    // One transaction per batch of items read: the batch path, as new entries take.
    for (let start = 0; start < items.length; start += retagBatch) {
      const chunk = items.slice(start, start + retagBatch);
      const results = await processEntries(
        { db },
        chunk.map((item) => ({ kind: 'stored' as const, item })),
      );
      report.read += chunk.length;
      report.changed += results.filter((result) => result.outcome !== 'unchanged').length;
    }
    afterId = items.at(-1)?.id ?? afterId;
    options.onProgress?.(report);
  }
}
