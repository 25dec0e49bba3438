import { currentEditionWeek, type EditionWeek, editionBuildAt } from '@regwatch/core';
import {
  claimConfirmation,
  confirmationsDue,
  expireStaleSending,
  finishEditionIfSettled,
  getEdition,
  sendingEditionWeeks,
  skipPendingDeliveries,
  startSending,
} from '@regwatch/db';
import { renderConfirmationEmail } from '@regwatch/render';
import { buildEdition } from './build-edition.ts';
import { canMail, type RoundupContext, sendJobId } from './context.ts';
import { preferencesInWords } from './preferences-in-words.ts';
import { publicBase, subscriberLink } from './roundup-links.ts';
import { sendEdition } from './send-edition.ts';

/**
 * build: the edition of `week` (default: the one due now) stored if it is not; then, for the
 * current week only and when this instance mails, the audience frozen and sending started.
 */
export async function buildTask(context: RoundupContext, week?: EditionWeek) {
  const now = context.now();
  const current = currentEditionWeek(now);
  const target = week ?? current;
  const { edition, built } = await buildEdition(context.db, {
    week: target,
    now,
    publicUrl: context.config.PUBLIC_URL,
  });
  if (edition === null) {
    // Debug only: the check asks again every few minutes until the week is over.
    context.log.debug({ week: target }, 'no stories in the week yet: no roundup edition');
    return { week: target, built: false, sending: false };
  }
  if (built) {
    context.metrics?.roundup.editionsBuilt.inc();
    context.log.info({ week: target, stories: edition.storyCount }, 'roundup edition built');
  }
  if (target !== current || !canMail(context)) return { week: target, built, sending: false };
  const started = await startSending(context.db, target);
  if (started.started) context.log.info({ week: target, audience: started.audience }, 'roundup sending started');
  if (started.started || edition.status === 'sending') await addSendJob(context, target);
  return { week: target, built, sending: true, audience: started.audience };
}

export async function addSendJob(context: RoundupContext, week: EditionWeek, delayMs = 0): Promise<void> {
  // BullMQ ignores an add whose job id it still holds (finished ones too): one per minute, or per due time.
  const at = Math.floor((Date.now() + delayMs) / 60_000);
  const jobId = `${sendJobId(week)}-${at}`;
  await context.queue?.add('send', { task: 'send', week }, { jobId, ...(delayMs > 0 ? { delay: delayMs } : {}) });
}

/** send: the ledger of `week` worked through; when retries are due later than a job should sleep, a delayed job. */
export async function sendTask(context: RoundupContext, week: EditionWeek) {
  // Without a secret no link could be signed: the edition waits in `sending` until one is set.
  if (!canMail(context) || !context.mailer) return { status: 'no-smtp' as const };
  const result = await sendEdition(context, week, context.mailer);
  if (result.status === 'waiting') await addSendJob(context, week, result.waitMs);
  return result;
}

/** confirm: the claim of paths.md (marked before sending: at most once), then the email. */
export async function confirmTask(context: RoundupContext, subscriberId: string) {
  if (!canMail(context) || !context.mailer) return { status: 'no-smtp' as const };
  const claim = await claimConfirmation(context.db, subscriberId);
  if (!claim) return { status: 'not-due' as const };
  const now = context.now();
  const email = renderConfirmationEmail({
    confirmUrl: subscriberLink(context.config, claim.subscriberId, 'confirm', now),
    preferencesInWords: preferencesInWords(claim.preferences),
    siteUrl: publicBase(context.config.PUBLIC_URL),
  });
  try {
    await context.mailer.send({
      to: claim.email,
      ...email,
      messageId: `<confirm-${claim.subscriberId}-${now.getTime()}@${new URL(publicBase(context.config.PUBLIC_URL)).hostname}>`,
    });
  } catch (error) {
    // Already marked sent: retrying blindly could mail twice. The next sign-up asks again.
    context.log.warn(
      { subscriber: claim.subscriberId, reason: (error as { code?: string }).code ?? 'unknown' },
      'confirmation email not sent',
    );
    return { status: 'failed' as const };
  }
  context.log.info({ subscriber: claim.subscriberId }, 'confirmation email sent');
  return { status: 'sent' as const };
}

/** How long a requested confirmation may wait for its job before the check mails it. */
const confirmationGraceMs = 60_000;

/**
 * check: what a lost Redis, stopped workers or a crashed sender left undone. The current
 * week's edition built once its time has passed (the missed Friday); its sending resumed;
 * editions of earlier weeks still sending are closed (pending rows skipped: only the current
 * edition is sent late); stale `sending` rows made uncertain; confirmations re-queued.
 */
export async function checkTask(context: RoundupContext) {
  const { db } = context;
  const now = context.now();
  const current = currentEditionWeek(now);
  const report = { built: false, resumed: [] as string[], superseded: [] as string[], uncertain: 0, confirms: 0 };
  if (editionBuildAt(current) <= now && !(await getEdition(db, current))) {
    const built = await buildTask(context, current);
    report.built = built.built;
  }
  report.uncertain = await expireStaleSending(db, 2 * context.config.SMTP_TIMEOUT_MS);
  for (const week of await sendingEditionWeeks(db)) {
    if (week === current) {
      if (context.mailer) await addSendJob(context, week);
      report.resumed.push(week);
    } else {
      await skipPendingDeliveries(db, week);
      await finishEditionIfSettled(db, week);
      report.superseded.push(week);
    }
  }
  if (canMail(context)) {
    for (const subscriberId of await confirmationsDue(db, confirmationGraceMs)) {
      const minute = Math.floor(now.getTime() / 60_000);
      await context.queue?.add(
        'confirm',
        { task: 'confirm', subscriberId },
        { jobId: `confirm-${subscriberId}-${minute}` },
      );
      report.confirms += 1;
    }
  }
  return report;
}
