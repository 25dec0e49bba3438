import { type Db, pendingVersionKey, stillPendingVersions } from '@regwatch/db';
import { enqueueProcessJobs, type ProcessJob } from '@regwatch/queue';
import type { Queue } from 'bullmq';

export interface LostJobs {
  /** Jobs Redis no longer held whose entry PostgreSQL still records as pending: enqueued again. */
  requeued: string[];
  /** Jobs Redis no longer held whose entry is no longer pending: stored, their completion event lost with Redis. */
  stored: string[];
}

/**
 * The import's own reconciler, for the jobs it waits on: a job Redis no longer holds (flushed,
 * restarted empty) is enqueued again from its payload, under its own id, if PostgreSQL still
 * records its entry as pending. It needs no grace period, unlike the ingest's reconciler: the
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
  // Redis first, then PostgreSQL: a job stored after we looked is no longer pending, never requeued twice.
  const pending = await stillPendingVersions(
    db,
    missing.map((id) => (waiting.get(id) as ProcessJob).item),
  );
  const requeued = missing.filter((id) => pending.has(pendingVersionKey((waiting.get(id) as ProcessJob).item)));
  await enqueueProcessJobs(
    queue,
    requeued.map((id) => waiting.get(id) as ProcessJob),
  );
  const again = new Set(requeued);
  return { requeued, stored: missing.filter((id) => !again.has(id)) };
}
