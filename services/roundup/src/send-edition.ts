import type { EditionWeek } from '@regwatch/core';
import {
  type ClaimedDelivery,
  claimDeliveries,
  deliveryCounts,
  expireStaleSending,
  finishEditionIfSettled,
  getEdition,
  markSubscriberBouncing,
  retryDelivery,
  settleDelivery,
  unsettledDeliveries,
} from '@regwatch/db';
import type { RoundupContext } from './context.ts';
import type { Mailer } from './mail-transport.ts';
import { PersonalRenderings } from './personal-rendering.ts';
import { roundupMessageId, subscriberLink } from './roundup-links.ts';
import { classifySmtpFailure, maxDeliveryAttempts, retryDelayMs, type SmtpFailure } from './smtp-outcome.ts';

export type SendResult =
  | { status: 'sent'; counts: Awaited<ReturnType<typeof deliveryCounts>> }
  /** Rows wait on a retry (or a lease) further off than a job should sleep: send again then. */
  | { status: 'waiting'; waitMs: number }
  /** No such edition, or not `sending`. */
  | { status: 'not-sending' };

/** Longest a send job sleeps in place for a retry or a lease to come due; longer, it asks to be run again later. */
export const maxInPlaceWaitMs = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Works through an edition's delivery ledger until every row is settled (PostgreSQL is the
 * truth, DESIGN.md example 12): expire stale `sending` rows to `uncertain`, then in each of
 * ROUNDUP_SEND_CONCURRENCY lanes claim one due `pending` row as `sending` (committed before any
 * SMTP), hand it to SMTP, record the outcome.
 * Any number of senders may run at once over one edition; each row is claimed by one.
 */
export async function sendEdition(
  context: RoundupContext,
  week: EditionWeek,
  mailer: Mailer,
  options: { maxWaitMs?: number } = {},
): Promise<SendResult> {
  const { db, config, log } = context;
  const edition = await getEdition(db, week);
  if (edition?.status !== 'sending') return { status: 'not-sending' };
  const leaseMs = 2 * config.SMTP_TIMEOUT_MS;
  const concurrency = config.ROUNDUP_SEND_CONCURRENCY;
  const renderings = new PersonalRenderings(edition.content, config.PUBLIC_URL);
  const maxWaitMs = options.maxWaitMs ?? maxInPlaceWaitMs;
  for (;;) {
    const expired = await expireStaleSending(db, leaseMs, week);
    if (expired > 0) log.warn({ week, expired }, 'deliveries left sending by a lost sender are uncertain (not resent)');
    // Each lane claims one row at a time, just before handing it to SMTP: a row waiting its turn
    // stays `pending`, so a crash leaves at most one `sending` row (uncertain) per lane.
    let claimedAny = false;
    const lane = async () => {
      for (;;) {
        const [row] = await claimDeliveries(db, week, 1);
        if (row === undefined) return;
        claimedAny = true;
        await deliver(context, mailer, renderings, row);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    if (claimedAny) continue;
    const { remaining, waitMs } = await unsettledDeliveries(db, week, leaseMs);
    if (remaining === 0) {
      await finishEditionIfSettled(db, week);
      const counts = await deliveryCounts(db, week);
      log.info({ week, ...counts, renders: renderings.renders }, 'roundup edition sent');
      return { status: 'sent', counts };
    }
    if (waitMs > maxWaitMs) return { status: 'waiting', waitMs };
    await sleep(Math.max(waitMs, 20));
  }
}

async function deliver(
  context: RoundupContext,
  mailer: Mailer,
  renderings: PersonalRenderings,
  row: ClaimedDelivery,
): Promise<void> {
  const { db, config, log } = context;
  const sends = context.metrics?.roundup.sends;
  const subscriber = { subscriber: row.subscriberId, week: row.week };
  if (row.subscriberStatus !== 'active') {
    await settleDelivery(db, row, { status: 'skipped', lastError: `subscriber ${row.subscriberStatus}` });
    sends?.inc({ outcome: 'skipped' });
    return;
  }
  const now = context.now();
  const manageUrl = subscriberLink(config, row.subscriberId, 'manage', now);
  const unsubscribeUrl = subscriberLink(config, row.subscriberId, 'unsubscribe', now);
  let personal: ReturnType<PersonalRenderings['for']>;
  try {
    personal = renderings.for(row.preferences, { manageUrl, unsubscribeUrl });
  } catch (error) {
    log.error({ ...subscriber, err: error }, 'could not render a roundup for these preferences');
    await settleDelivery(db, row, { status: 'failed', lastError: 'preferences not readable' });
    sends?.inc({ outcome: 'failed' });
    return;
  }
  if (personal === null) {
    await settleDelivery(db, row, { status: 'empty', storyCount: 0 });
    sends?.inc({ outcome: 'empty' });
    return;
  }
  try {
    await mailer.send({
      to: row.email,
      ...personal.email,
      messageId: roundupMessageId(config.PUBLIC_URL, row.week, row.subscriberId),
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  } catch (error) {
    const outcome = classifySmtpFailure(error as SmtpFailure);
    if (outcome.kind === 'retry' && row.attempts < maxDeliveryAttempts) {
      const waitMs = retryDelayMs(row.attempts, context.retryBaseMs);
      await retryDelivery(db, row, new Date(Date.now() + waitMs), outcome.reason);
      sends?.inc({ outcome: 'deferred' });
      log.warn(
        { ...subscriber, reason: outcome.reason, attempts: row.attempts, retryInMs: waitMs },
        'roundup deferred',
      );
    } else if (outcome.kind === 'uncertain') {
      await settleDelivery(db, row, { status: 'uncertain', lastError: outcome.reason });
      sends?.inc({ outcome: 'uncertain' });
      log.warn({ ...subscriber, reason: outcome.reason }, 'roundup delivery uncertain (not resent)');
    } else {
      await settleDelivery(db, row, { status: 'failed', lastError: outcome.reason });
      if (outcome.kind === 'bounce') await markSubscriberBouncing(db, row.subscriberId);
      sends?.inc({ outcome: outcome.kind === 'bounce' ? 'bounced' : 'failed' });
      log.warn({ ...subscriber, reason: outcome.reason, bounce: outcome.kind === 'bounce' }, 'roundup delivery failed');
    }
    return;
  }
  await settleDelivery(db, row, { status: 'sent', storyCount: personal.storyCount });
  sends?.inc({ outcome: 'sent' });
}
