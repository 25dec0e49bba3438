import type { IngestConfig } from '@regwatch/config';
import type { Db } from '@regwatch/db';
import type { Logger } from 'pino';
import type { FetchDispatcher } from '../fetch/dispatcher.ts';
import type { FetchLimits } from '../fetch/fetch-document.ts';
import { type DispatchReport, dispatchWebhookEvents } from './dispatch-events.ts';
import { type SendReport, sendDueDeliveries } from './send-deliveries.ts';

/** A receiver's answer is read only to its end: a short acknowledgement, not a document. */
const maxResponseBytes = 64 * 1024;

/** The fetcher's limits for a webhook delivery: its own timeout, and a redirect is a failure (the URL was checked, its target was not). */
export function webhookLimits(config: IngestConfig): FetchLimits {
  return {
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    maxBytes: maxResponseBytes,
    maxRedirects: 0,
    userAgent: config.FETCH_USER_AGENT,
  };
}

/** One tick of the webhooks scheduler: new deliveries from changed stories, then what is due. */
export async function runWebhookTick(deps: {
  config: IngestConfig;
  db: Db;
  dispatcher: FetchDispatcher;
  log: Logger;
}): Promise<DispatchReport & SendReport> {
  const dispatched = await dispatchWebhookEvents(deps.db, deps.log);
  const sent = await sendDueDeliveries({
    db: deps.db,
    dispatcher: deps.dispatcher,
    limits: webhookLimits(deps.config),
    settings: {
      maxAttempts: deps.config.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: deps.config.WEBHOOK_RETRY_BASE_MS,
      disableAfter: deps.config.WEBHOOK_DISABLE_AFTER_FAILURES,
      concurrency: deps.config.WEBHOOK_SEND_CONCURRENCY,
    },
    log: deps.log,
  });
  return { ...dispatched, ...sent };
}
