import { attemptVerdict, isRegwatchError, webhookRetryDelayMs } from '@regwatch/core';
import {
  type ClaimedWebhookDelivery,
  claimWebhookDeliveries,
  type Db,
  recordDeliveredAttempt,
  recordFailedAttempt,
} from '@regwatch/db';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import type { FetchDispatcher } from '../fetch/dispatcher.ts';
import { type FetchLimits, fetchDocument } from '../fetch/fetch-document.ts';

export interface SendSettings {
  maxAttempts: number;
  retryBaseMs: number;
  disableAfter: number;
  concurrency: number;
}

export interface SendDeps {
  db: Db;
  dispatcher: FetchDispatcher;
  /** The fetcher's limits for a delivery: the webhook timeout, no redirects followed. */
  limits: FetchLimits;
  settings: SendSettings;
  log: Logger;
}

export interface SendReport {
  delivered: number;
  failed: number;
  retrying: number;
  disabled: number;
}

/** Deliveries one tick sends at most, so a tick ends and the next dispatch is not held up. */
const deliveriesPerTick = 500;

/**
 * Claims due deliveries one at a time per lane (`for update skip locked`, committed before the
 * POST) and POSTs each through the fetcher's client, signed the Standard Webhooks way, in
 * `concurrency` lanes; records every attempt. A sender that dies mid-POST leaves the delivery due again once its lease (twice
 * the timeout) runs out: at least once, with the same `webhook-id`.
 */
export async function sendDueDeliveries(deps: SendDeps): Promise<SendReport> {
  const report: SendReport = { delivered: 0, failed: 0, retrying: 0, disabled: 0 };
  const leaseMs = deps.limits.timeoutMs * 2;
  let budget = deliveriesPerTick;
  // Lanes, each claiming its next delivery when its last one is done: a slow receiver holds up
  // one lane, not a whole batch.
  const lane = async () => {
    while (budget > 0) {
      budget -= 1;
      const [delivery] = await claimWebhookDeliveries(deps.db, 1, leaseMs);
      if (!delivery) return;
      await sendOne(deps, delivery, report);
    }
  };
  await Promise.all(Array.from({ length: deps.settings.concurrency }, lane));
  return report;
}

/** The signed headers of one attempt (the timestamp is the attempt's, as the scheme wants). */
export function signedHeaders(delivery: Pick<ClaimedWebhookDelivery, 'messageId' | 'secret' | 'body'>, at: Date) {
  const signature = new Webhook(delivery.secret).sign(delivery.messageId, at, delivery.body);
  return {
    'webhook-id': delivery.messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1_000)),
    'webhook-signature': signature,
    accept: '*/*',
  };
}

/** One POST: its status code, or what went wrong in one line (never the URL's path or a body). */
async function post(
  deps: SendDeps,
  delivery: ClaimedWebhookDelivery,
): Promise<{ statusCode: number | null; error: string | null }> {
  try {
    const result = await fetchDocument(
      { url: delivery.url, method: 'POST', body: delivery.body, headers: signedHeaders(delivery, new Date()) },
      deps.limits,
      deps.dispatcher,
    );
    return { statusCode: result.kind === 'ok' ? result.status : 304, error: null };
  } catch (error) {
    if (!isRegwatchError(error)) return { statusCode: null, error: 'unexpected error' };
    const status = error.details?.status;
    if (typeof status === 'number') return { statusCode: status, error: null };
    return { statusCode: null, error: `${error.code}: ${error.message}`.replace(/\s+/g, ' ').slice(0, 200) };
  }
}

async function sendOne(deps: SendDeps, delivery: ClaimedWebhookDelivery, report: SendReport): Promise<void> {
  const started = performance.now();
  const { statusCode, error } = await post(deps, delivery);
  const durationMs = Math.round(performance.now() - started);
  const verdict = attemptVerdict(statusCode);
  const attempt = { deliveryId: delivery.id, webhookId: delivery.webhookId, statusCode, error, durationMs };
  const facts = { webhook: delivery.webhookId, delivery: delivery.id, attempt: delivery.attempts, statusCode, error };
  if (verdict === 'delivered') {
    await recordDeliveredAttempt(deps.db, attempt);
    report.delivered += 1;
    deps.log.debug(facts, 'webhook delivered');
    return;
  }
  const settings = deps.settings;
  const retryAt =
    verdict === 'retry' && delivery.attempts < settings.maxAttempts
      ? new Date(Date.now() + webhookRetryDelayMs(delivery.attempts, settings.retryBaseMs))
      : null;
  const outcome = verdict === 'gone' ? { verdict } : { verdict, retryAt, disableAfter: settings.disableAfter };
  const { disabled } = await deps.db.transaction((tx) => recordFailedAttempt(tx, attempt, outcome));
  if (retryAt !== null && !disabled) report.retrying += 1;
  else report.failed += 1;
  if (disabled) report.disabled += 1;
  // Ids and outcomes only: the URL and the secret stay in PostgreSQL.
  deps.log.info({ ...facts, disabled }, 'webhook attempt failed');
}
