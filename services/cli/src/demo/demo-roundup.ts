import type { RoundupConfig } from '@regwatch/config';
import { nextEditionBuildAt, weekOf } from '@regwatch/core';
import { type Db, deliveryCounts, startSending, upsertActiveSubscriber } from '@regwatch/db';
import type { Queues } from '@regwatch/queue';
import { buildEdition, createMailer, directContext, editionUrl, sendEdition } from '@regwatch/roundup';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';

/** The demo's subscriber: a reserved example.org address (RFC 2606), confirmed. */
export const demoSubscriber = 'demo-subscriber@example.org';

/** Waits until the recorded sources' polls and the entries they enqueued are done (article pages aside: they need the network). */
export async function untilIngested(queues: Queues, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let idleTwice = 0;
  while (Date.now() < deadline && idleTwice < 2) {
    const busy = await Promise.all(
      [queues.poll, queues.process].map(async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
        return Object.values(counts).reduce((sum, count) => sum + count, 0);
      }),
    );
    idleTwice = busy.every((count) => count === 0) ? idleTwice + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Builds the edition of the week of the newest recorded story (recordings are dated in the
 * past, so it is not the current week's), and sends it to the demo subscriber.
 */
export async function demoRoundup(db: Db, config: RoundupConfig, logger: Logger) {
  const newest = await db.execute<{ at: Date | null }>(sql`select max(published_at) as at from items`);
  const at = newest.rows[0]?.at;
  if (!at) return undefined;
  // The edition whose period holds the newest story is the first built after it.
  const week = weekOf(nextEditionBuildAt(new Date(at)));
  // Built and sent afresh on every run (the demo's own database: see database-guard.ts), so the
  // receiver gets this run's message, its links signed with this run's secret.
  await db.execute(sql`delete from roundup_editions where week = ${week}`);
  const { edition } = await buildEdition(db, { week, now: new Date(), publicUrl: config.PUBLIC_URL });
  // Its stories may all be outreach (left out) or dated only to a month: then there is no edition.
  if (edition === null) return undefined;
  await upsertActiveSubscriber(db, demoSubscriber, {});
  await startSending(db, week);
  const mailer = createMailer(config);
  if (!mailer) throw new Error('the demo mail receiver is not configured');
  try {
    const context = directContext(config, db, mailer, logger);
    await sendEdition(context, week, mailer, { maxWaitMs: Number.POSITIVE_INFINITY });
  } finally {
    mailer.close();
  }
  return {
    week,
    stories: edition.storyCount,
    url: editionUrl(config.PUBLIC_URL, week),
    counts: await deliveryCounts(db, week),
  };
}
