import { clearPendingEntry, type Db, type StoreResult } from '@regwatch/db';
import type { ArticleJob, ProcessJob } from '@regwatch/queue';
import type { Queue } from 'bullmq';
import { requestArticlePage } from './articles/request-article.ts';
import { entryFromJob, processEntry } from './process/index.ts';

/**
 * What the process worker does with one queued entry (its payload checked by the worker): the
 * processing step, then the entry is no longer pending. Errors are classified by the runtime:
 * data PostgreSQL rejects is permanent, a lost connection or a deadlock is retried. With the
 * article queue, an entry without text whose source reads article pages queues its page.
 */
export async function storeEntry(db: Db, payload: ProcessJob, articleQueue?: Queue<ArticleJob>): Promise<StoreResult> {
  const entry = await entryFromJob(db, payload);
  const result = await processEntry({ db }, entry);
  await requestArticlePage(db, articleQueue, payload, entry.item, result);
  // Stored: no longer pending. A crash before this line leaves a row the reconciler settles.
  await clearPendingEntry(db, entry.item.dedupKey, entry.item.contentHash);
  return result;
}
