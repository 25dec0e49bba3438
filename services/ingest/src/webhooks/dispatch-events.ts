import { type NewsFilter, webhookNewsFilter } from '@regwatch/core';
import {
  activeWebhookCursors,
  type Db,
  lockActiveWebhook,
  type NewDelivery,
  recordDeliveries,
  storiesByIds,
  storiesChangedSince,
  type WebhookCursor,
} from '@regwatch/db';
import { webhookPayload } from '@regwatch/render';
import type { Logger } from 'pino';

/** Stories read per webhook in one transaction; a busy webhook catches up over several. */
const storiesPerBatch = 200;
/** Batches per webhook in one tick, so one webhook far behind does not hold up the others. */
const batchesPerTick = 10;

export interface DispatchReport {
  webhooks: number;
  deliveries: number;
}

/** The Standard Webhooks `webhook-id` of one version of one story for one webhook: stable across retries. */
export function messageIdOf(webhookId: string, storyId: string, version: string): string {
  return `msg_${webhookId}_${storyId}_${Date.parse(version)}`;
}

/**
 * For every active webhook: reads the stories changed since its cursor, records a delivery for
 * each one its filter matches (the story's /v1 shape frozen in the payload) and moves the cursor
 * past every story read, matching or not, in one transaction. A delivery of a version already
 * recorded is not added again, so running this twice, or in two processes, is harmless.
 */
export async function dispatchWebhookEvents(db: Db, log: Logger): Promise<DispatchReport> {
  const webhooks = await activeWebhookCursors(db);
  let deliveries = 0;
  for (const webhook of webhooks) {
    let filter: NewsFilter;
    try {
      filter = webhookNewsFilter(webhook.filter);
    } catch (error) {
      // Checked at registration; only a catalog change (a platform renamed) can make it fail now.
      log.warn({ webhook: webhook.id, err: { message: (error as Error).message } }, 'webhook filter no longer valid');
      continue;
    }
    let cursor: WebhookCursor = webhook;
    for (let batch = 0; batch < batchesPerTick; batch += 1) {
      const step = await dispatchBatch(db, cursor, filter);
      deliveries += step.added;
      if (!step.next) break;
      cursor = { ...cursor, cursorUpdatedAt: step.next.updatedAt, cursorStoryId: step.next.storyId };
      if (step.read < storiesPerBatch) break;
    }
  }
  return { webhooks: webhooks.length, deliveries };
}

async function dispatchBatch(
  db: Db,
  webhook: WebhookCursor,
  filter: NewsFilter,
): Promise<{ added: number; read: number; next: { updatedAt: string; storyId: string } | null }> {
  return db.transaction(async (tx) => {
    if (!(await lockActiveWebhook(tx, webhook.id))) return { added: 0, read: 0, next: null };
    const changed = await storiesChangedSince(tx, webhook, filter, storiesPerBatch);
    const last = changed.at(-1);
    if (!last) return { added: 0, read: 0, next: null };
    const wanted = changed.filter((story) => story.matches);
    const views = new Map(
      (
        await storiesByIds(
          tx,
          wanted.map((story) => story.id),
        )
      ).map((view) => [view.id, view]),
    );
    const deliveries: NewDelivery[] = wanted.flatMap((story) => {
      const view = views.get(story.id);
      if (!view) return [];
      const eventType = story.created ? 'story.created' : 'story.updated';
      return [
        {
          storyId: story.id,
          storyVersion: story.version,
          eventType,
          messageId: messageIdOf(webhook.id, story.id, story.version),
          payload: webhookPayload(eventType, view, new Date(story.version)),
        },
      ];
    });
    const next = { updatedAt: last.version, storyId: last.id };
    const added = await recordDeliveries(tx, webhook.id, deliveries, next);
    return { added, read: changed.length, next };
  });
}
