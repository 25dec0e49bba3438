import { type Db, pendingVersionKey, stillPendingVersions } from '@regwatch/db';
import { enqueueProcessJobsAs, entriesOfJob, type ProcessJob } from '@regwatch/queue';
import type { Queue } from 'bullmq';
import { jobOf } from './reconcile-pending.ts';

export interface LostJobs {
  /** Jobs Redis no longer held with entries PostgreSQL still records as pending: enqueued again (those entries). */
  requeued: string[];
  /** Jobs Redis no longer held whose entries are all no longer pending: stored, their completion event lost with Redis. */
  stored: string[];
}

/**
 * The import's own reconciler, for the jobs it waits on: a job Redis no longer holds (flushed,
 * restarted empty) is enqueued again under its own id with those of its entries PostgreSQL
 * still records as pending. It needs no grace period, unlike the ingest's reconciler: the
 * import knows these jobs were enqueued, so "not in Redis, still pending" can only mean lost.
 */
export async function requeueLostJobs(
  db: Db,
  queue: Queue<ProcessJob>,
  waiting: ReadonlyMap<string, ProcessJob>,
): Promise<LostJobs> {
  const ids = [...waiting.keys()];
  const missing: string[] = [];
  for (let start = 0; start < ids.length; start += 100) {
    const chunk = ids.slice(start, start + 100);
    const states = await Promise.all(chunk.map((id) => queue.getJobState(id)));
    chunk.forEach((id, index) => {
      if (states[index] === 'unknown') missing.push(id);
    });
  }
  if (missing.length === 0) return { requeued: [], stored: [] };
  // Redis first, then PostgreSQL: an entry stored after we looked is no longer pending, never requeued twice.
  const entriesOf = (id: string) => entriesOfJob(waiting.get(id) as ProcessJob);
  const pending = await stillPendingVersions(
    db,
    missing.flatMap((id) => entriesOf(id).map((entry) => entry.item)),
  );
  const again = missing.flatMap((id) => {
    const left = entriesOf(id).filter((entry) => pending.has(pendingVersionKey(entry.item)));
    return left.length === 0 ? [] : [{ jobId: id, data: jobOf(id, left) }];
  });
  await enqueueProcessJobsAs(queue, again, 'backfill');
  const requeued = new Set(again.map((job) => job.jobId));
  return { requeued: [...requeued], stored: missing.filter((id) => !requeued.has(id)) };
}
