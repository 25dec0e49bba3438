import { type Db, unsettledPendingEntries } from '@regwatch/db';
import {
  enqueueProcessJobsAs,
  type ProcessEntryJob,
  type ProcessJob,
  processEntryJobValidator,
  processJobId,
} from '@regwatch/queue';
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
 * whose job (the batch it was queued in) the queue no longer holds is enqueued again, with the
 * other still-pending entries of that batch, under the batch's own id (so a job that is still
 * there is never doubled). Requeued batches take the backfill lane: after a Redis flush, the
 * next live polls go first. Runs at boot and with the maintenance job; after a Redis flush or a
 * failover, everything a poll or an import read comes back.
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
  const byJob = groupByJob(pending.map((entry) => entry.job));
  const lost: { jobId: string; data: ProcessJob }[] = [];
  await Promise.all(
    [...byJob].map(async ([jobId, entries]) => {
      if (await queue.getJob(jobId)) report.inQueue += entries.length;
      else lost.push({ jobId, data: jobOf(jobId, entries) });
    }),
  );
  await enqueueProcessJobsAs(queue, lost, 'backfill');
  report.requeued = lost.reduce((sum, job) => sum + ('entries' in job.data ? job.data.entries.length : 1), 0);
  return report;
}

/** Pending entries by the job they were queued in (rows from before batches: the entry's own job). */
export function groupByJob(jobs: readonly unknown[]): Map<string, ProcessEntryJob[]> {
  const byJob = new Map<string, ProcessEntryJob[]>();
  for (const job of jobs) {
    if (!processEntryJobValidator.Check(job)) continue;
    const jobId = job.queuedAs ?? processJobId(job.item);
    const { queuedAs: _queuedAs, ...entry } = job;
    byJob.set(jobId, [...(byJob.get(jobId) ?? []), entry]);
  }
  return byJob;
}

/** The job that carries these entries under `jobId`: a batch, or (an entry's own id) the entry alone. */
export function jobOf(jobId: string, entries: readonly ProcessEntryJob[]): ProcessJob {
  const [only] = entries;
  if (only && entries.length === 1 && jobId === processJobId(only.item)) return only;
  return { entries: [...entries] };
}
