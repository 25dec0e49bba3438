import { clearPendingEntry, type Db, type StoreResult } from '@regwatch/db';
import type { ProcessJob } from '@regwatch/queue';
import { entryFromJob, processEntry } from './process/index.ts';

/**
 * What the process worker does with one queued entry (its payload checked by the worker): the
 * processing step, then the entry is no longer pending. Errors are classified by the runtime:
 * data PostgreSQL rejects is permanent, a lost connection or a deadlock is retried.
 */
export async function storeEntry(db: Db, payload: ProcessJob): Promise<StoreResult> {
  const entry = await entryFromJob(db, payload);
  const result = await processEntry({ db }, entry);
  // Stored: no longer pending. A crash before this line leaves a row the reconciler settles.
  await clearPendingEntry(db, entry.item.dedupKey, entry.item.contentHash);
  return result;
}
