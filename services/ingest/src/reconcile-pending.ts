import { type Db, type PendingEntry, unsettledPendingEntries } from '@regwatch/db';
import { enqueueProcessJobs, type ProcessJob, processJobId, processJobValidator } from '@regwatch/queue';
import type { Queue } from 'bullmq';

export interface ReconcileReport {
  /** Pending rows whose entry was already stored (a crash between storing and clearing). */
  settled: number;
  /** Pending rows whose job Redis no longer had: enqueued again. */
  requeued: number;
  /** Pending rows whose job is still in Redis (waiting, active, delayed or failed). */
  inQueue: number;
}

/**
 * Makes Redis agree with PostgreSQL: every entry recorded as pending longer than `graceMs`
 * whose job the queue no longer holds is enqueued again with its own job id (so a job that
 * is still there is never doubled). Runs at boot and with the maintenance job; after a Redis
 * flush or a failover, everything a poll or an import read comes back.
 */
export async function reconcilePending(
  db: Db,
  queue: Queue<ProcessJob>,
  options: { graceMs: number; limit?: number; now?: Date },
): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const report: ReconcileReport = { settled: 0, requeued: 0, inQueue: 0 };
  const limit = options.limit ?? 1_000;
  const { settled, pending } = await unsettledPendingEntries(db, {
    before: new Date(now.getTime() - options.graceMs),
    limit,
  });
  report.settled = settled;
  const lost: ProcessJob[] = [];
  await Promise.all(
    pending.map(async (entry: PendingEntry) => {
      if (!processJobValidator.Check(entry.job)) return;
      const existing = await queue.getJob(processJobId(entry.job.item));
      if (existing) report.inQueue += 1;
      else lost.push(entry.job);
    }),
  );
  await enqueueProcessJobs(queue, lost);
  report.requeued = lost.length;
  return report;
}
