import type { Db } from '@regwatch/db';
import { listSources } from '@regwatch/db';
import { type PollJob, pollIfDue, scheduledSourceIds, schedulePoll, unschedulePoll } from '@regwatch/queue';
import type { Queue } from 'bullmq';

/**
 * Makes the poll schedulers match the sources table: one per enabled source, at its interval;
 * none for disabled or deleted ones; and a poll now for any source that is due (new, or
 * overdue after downtime). Idempotent, so every ingest process runs it at boot and once a
 * minute, and a source added or disabled by SQL is picked up.
 */
export async function syncPollSchedules(
  db: Db,
  pollQueue: Queue<PollJob>,
  now: Date = new Date(),
): Promise<{ scheduled: number; removed: number }> {
  const rows = await listSources(db);
  const enabled = rows.filter((source) => source.enabled);
  const wanted = new Set(enabled.map((source) => source.id));
  const existing = await scheduledSourceIds(pollQueue);
  // Upserting an unchanged scheduler would reset its next run; only touch what differs.
  const schedulers = new Map((await pollQueue.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  let scheduled = 0;
  for (const source of enabled) {
    if (source.nextCheckAt <= now) await pollIfDue(pollQueue, source.id);
    const current = schedulers.get(`poll-${source.id}`);
    if (current && Number(current.every) === source.pollIntervalSeconds * 1_000) continue;
    await schedulePoll(pollQueue, source);
    scheduled += 1;
  }
  let removed = 0;
  for (const id of existing) {
    if (!wanted.has(id)) {
      await unschedulePoll(pollQueue, id);
      removed += 1;
    }
  }
  return { scheduled, removed };
}
