import { roundupCron, roundupZone } from '@regwatch/core';
import type { RoundupJob } from '@regwatch/queue';
import type { Queue } from 'bullmq';

export const buildSchedulerId = 'roundup-build';
export const checkSchedulerId = 'roundup-check';
export const checkEveryMs = 5 * 60_000;

/**
 * The build every Friday at 08:00 London time: BullMQ reads the cron pattern in `tz`, so it runs
 * at 08:00Z in winter and 07:00Z in summer. The check every five minutes catches what the
 * schedule missed (a Friday the workers were down).
 */
export async function upsertRoundupSchedules(queue: Queue<RoundupJob>): Promise<void> {
  await queue.upsertJobScheduler(
    buildSchedulerId,
    { pattern: roundupCron, tz: roundupZone },
    { name: 'build', data: { task: 'build' } },
  );
  await queue.upsertJobScheduler(checkSchedulerId, { every: checkEveryMs }, { name: 'check', data: { task: 'check' } });
}
