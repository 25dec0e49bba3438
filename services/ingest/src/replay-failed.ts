import { permanentPrefix } from '@regwatch/runtime';
import type { Queue } from 'bullmq';

/** A job is replayed at most this many times, so a poison entry cannot loop forever. */
export const maxReplays = 10;

/**
 * Moves failed jobs back to waiting when their failure was transient. BullMQ fails a job
 * whose worker died more than `maxStalledCount` times, or that exhausted its attempts while
 * the database was down; at-least-once delivery needs those replayed. Permanent failures
 * (bad data) are left in the failed set for an editor to inspect.
 */
export async function replayFailedJobs(queue: Queue): Promise<number> {
  const pageSize = 200;
  let replayed = 0;
  let offset = 0;
  for (;;) {
    const page = await queue.getFailed(offset, offset + pageSize - 1);
    let kept = 0;
    for (const job of page) {
      const replays = Number((job.data as { replays?: unknown }).replays ?? 0);
      if (job.failedReason?.startsWith(permanentPrefix) || replays >= maxReplays) {
        kept += 1;
        continue;
      }
      await job.updateData({ ...(job.data as object), replays: replays + 1 });
      await job.retry('failed');
      replayed += 1;
    }
    // Replayed jobs left the failed set; only the kept ones still sit before the next page.
    offset += kept;
    if (page.length < pageSize) return replayed;
  }
}
