import type { NewsFilter, WebhookEventType, WebhookFilter } from '@regwatch/core';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import type { WebhookDeliveryStatus, WebhookStatus } from '../schema/webhooks.ts';
import { storyConditions } from './news-filter.ts';

/** A webhook as its key sees it: everything but the secret and the dispatcher's cursor. */
export type WebhookView = {
  id: string;
  url: string;
  filter: WebhookFilter;
  description: string | null;
  status: WebhookStatus;
  disabledReason: string | null;
  disabledAt: string | null;
  consecutiveFailures: number;
  createdAt: string;
};

const isoInstant = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const webhookColumns = sql`
  w.id::text as id, w.url, w.filter, w.description, w.status, w.disabled_reason as "disabledReason",
  ${isoInstant(sql`w.disabled_at`)} as "disabledAt", w.consecutive_failures as "consecutiveFailures",
  ${isoInstant(sql`w.created_at`)} as "createdAt"`;

const isId = (id: string) => /^\d{1,18}$/.test(id);

/** Registers a webhook; its cursor starts now, so it gets what changes from now on, never the archive. */
export async function createWebhook(
  db: DbOrTx,
  webhook: { apiKeyId: number; url: string; filter: WebhookFilter; description: string | null; secret: string },
): Promise<WebhookView> {
  const result = await db.execute<WebhookView>(sql`
    with w as (
      insert into webhooks (api_key_id, url, filter, description, secret)
      values (${webhook.apiKeyId}, ${webhook.url}, ${JSON.stringify(webhook.filter)}::jsonb, ${webhook.description},
        ${webhook.secret})
      returning *)
    select ${webhookColumns} from w`);
  const row = result.rows[0];
  if (!row) throw new Error('insert into webhooks returned no row');
  return row;
}

/** The webhooks of one API key, oldest first. */
export async function listWebhooks(db: DbOrTx, apiKeyId: number): Promise<WebhookView[]> {
  const result = await db.execute<WebhookView>(sql`
    select ${webhookColumns} from webhooks w where w.api_key_id = ${apiKeyId} order by w.id`);
  return result.rows;
}

/** One webhook of one API key; undefined when it does not exist or belongs to another key. */
export async function getWebhook(db: DbOrTx, apiKeyId: number, id: string): Promise<WebhookView | undefined> {
  if (!isId(id)) return undefined;
  const result = await db.execute<WebhookView>(sql`
    select ${webhookColumns} from webhooks w where w.id = ${id}::bigint and w.api_key_id = ${apiKeyId}`);
  return result.rows[0];
}

/** Deletes a webhook of one API key with its deliveries; false when it is not that key's. */
export async function deleteWebhook(db: DbOrTx, apiKeyId: number, id: string): Promise<boolean> {
  if (!isId(id)) return false;
  const result = await db.execute(sql`delete from webhooks where id = ${id}::bigint and api_key_id = ${apiKeyId}`);
  return (result.rowCount ?? 0) > 0;
}

export type WebhookAttemptView = {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
};

export type WebhookDeliveryView = {
  id: string;
  messageId: string;
  eventType: WebhookEventType;
  storyId: string;
  status: WebhookDeliveryStatus;
  createdAt: string;
  /** When the next attempt is due; null once settled. */
  nextAttemptAt: string | null;
  attempts: WebhookAttemptView[];
};

/** A webhook's deliveries, newest first, each with its attempts in order. */
export async function listWebhookDeliveries(
  db: DbOrTx,
  webhookId: string,
  limit: number,
): Promise<WebhookDeliveryView[]> {
  const result = await db.execute<WebhookDeliveryView>(sql`
    select d.id::text as id, d.message_id as "messageId", d.event_type as "eventType", d.story_id::text as "storyId",
      d.status, ${isoInstant(sql`d.created_at`)} as "createdAt",
      case when d.status = 'pending' then ${isoInstant(sql`d.next_attempt_at`)} end as "nextAttemptAt",
      coalesce((
        select json_agg(json_build_object('at', ${isoInstant(sql`a.attempted_at`)}, 'statusCode', a.status_code,
          'error', a.error, 'durationMs', a.duration_ms) order by a.id)
        from webhook_attempts a where a.delivery_id = d.id), '[]'::json) as attempts
    from webhook_deliveries d
    where d.webhook_id = ${webhookId}::bigint
    order by d.id desc
    limit ${limit}`);
  return result.rows;
}

/** What the dispatcher needs of an active webhook. */
export type WebhookCursor = {
  id: string;
  filter: WebhookFilter;
  createdAt: string;
  cursorUpdatedAt: string;
  cursorStoryId: string;
};

export async function activeWebhookCursors(db: DbOrTx): Promise<WebhookCursor[]> {
  const result = await db.execute<WebhookCursor>(sql`
    select id::text as id, filter, ${isoInstant(sql`created_at`)} as "createdAt",
      ${isoInstant(sql`cursor_updated_at`)} as "cursorUpdatedAt", cursor_story_id::text as "cursorStoryId"
    from webhooks w where status = 'active'
      -- A key revoked within API_KEY_CACHE_SECONDS of registering one (revoking disables the rest).
      and not exists (select 1 from api_keys k where k.id = w.api_key_id and k.revoked_at is not null)
    order by id`);
  return result.rows;
}

/** A story changed after a webhook's cursor: its version, and whether it is one the webhook wants. */
export type ChangedStory = {
  id: string;
  version: string;
  matches: boolean;
  /** First seen after the webhook was registered and never delivered to it before. */
  created: boolean;
};

/**
 * Stories changed after `cursor` in (updated_at, id) order, at most `limit`, read through
 * stories_updated_id_idx. Only versions older than every transaction still open are read
 * (pg_stat_activity's oldest `xact_start` in this database, less a millisecond for updated_at's
 * rounding): `updated_at` is set to its transaction's start time, so a story a slow transaction
 * is still writing would otherwise commit behind a cursor that has already passed it. Merged and
 * emptied stories never match (the survivor's change is the event).
 */
export async function storiesChangedSince(
  db: DbOrTx,
  webhook: Pick<WebhookCursor, 'id' | 'createdAt' | 'cursorUpdatedAt' | 'cursorStoryId'>,
  filter: NewsFilter,
  limit: number,
): Promise<ChangedStory[]> {
  const conditions = storyConditions(filter);
  const matches = sql.join(
    [sql`st.merged_into_id is null`, sql`st.emptied_at is null`, sql`st.item_count > 0`, ...conditions],
    sql` and `,
  );
  const result = await db.execute<ChangedStory>(sql`
    with horizon as (
      select coalesce(min(xact_start), now()) - interval '1 millisecond' as at
      from pg_stat_activity where datname = current_database() and xact_start is not null
    )
    select st.id::text as id, ${isoInstant(sql`st.updated_at`)} as version, (${matches}) as matches,
      st.created_at >= ${webhook.createdAt}::timestamptz and not exists (
        select 1 from webhook_deliveries d where d.webhook_id = ${webhook.id}::bigint and d.story_id = st.id
      ) as created
    from stories st, horizon
    where (st.updated_at, st.id) > (${webhook.cursorUpdatedAt}::timestamptz, ${webhook.cursorStoryId}::bigint)
      and st.updated_at < horizon.at
    order by st.updated_at, st.id
    limit ${limit}`);
  return result.rows;
}

/**
 * Locks a webhook's row till the caller's transaction ends and says whether it is still active.
 * The dispatcher takes it before recording deliveries (and moving the cursor, the same lock), so
 * a webhook disabled meanwhile either stops the batch or fails the deliveries it added once they
 * are committed. Two dispatchers take turns per webhook.
 */
export async function lockActiveWebhook(tx: DbOrTx, webhookId: string): Promise<boolean> {
  const result = await tx.execute<{ status: string }>(
    sql`select status from webhooks where id = ${webhookId}::bigint for no key update`,
  );
  return result.rows[0]?.status === 'active';
}

export interface NewDelivery {
  storyId: string;
  storyVersion: string;
  eventType: WebhookEventType;
  messageId: string;
  payload: unknown;
}

/**
 * Records deliveries and moves the webhook's cursor to `cursor` (never back), in the caller's
 * transaction. A delivery of a version already recorded is left alone (the unique key on webhook,
 * story and version), so a dispatcher that runs twice adds nothing; so is a version whose story
 * reads exactly as in the webhook's last delivery of it (a rollup rewritten with nothing changed).
 * Returns how many were new.
 */
export async function recordDeliveries(
  tx: DbOrTx,
  webhookId: string,
  deliveries: readonly NewDelivery[],
  cursor: { updatedAt: string; storyId: string },
): Promise<number> {
  let added = 0;
  if (deliveries.length > 0) {
    const result = await tx.execute(sql`
      insert into webhook_deliveries (webhook_id, story_id, story_version, event_type, message_id, payload)
      select ${webhookId}::bigint, d.story_id::bigint, d.story_version::timestamptz, d.event_type, d.message_id, d.payload
      from jsonb_to_recordset(${JSON.stringify(deliveries.map((delivery) => ({ story_id: delivery.storyId, story_version: delivery.storyVersion, event_type: delivery.eventType, message_id: delivery.messageId, payload: delivery.payload })))}::jsonb)
        as d(story_id text, story_version text, event_type text, message_id text, payload jsonb)
      where d.payload->'data'->'story' is distinct from (
        select p.payload->'data'->'story' from webhook_deliveries p
        where p.webhook_id = ${webhookId}::bigint and p.story_id = d.story_id::bigint
        order by p.id desc limit 1)
      on conflict do nothing`);
    added = result.rowCount ?? 0;
  }
  await tx.execute(sql`
    update webhooks set cursor_updated_at = ${cursor.updatedAt}::timestamptz, cursor_story_id = ${cursor.storyId}::bigint
    where id = ${webhookId}::bigint
      and (cursor_updated_at, cursor_story_id) < (${cursor.updatedAt}::timestamptz, ${cursor.storyId}::bigint)`);
  return added;
}

/** A delivery claimed for one attempt, with what sending it needs. */
export type ClaimedWebhookDelivery = {
  id: string;
  webhookId: string;
  messageId: string;
  /** The frozen payload as JSON text: the exact bytes signed and sent. */
  body: string;
  /** Including this one. */
  attempts: number;
  url: string;
  secret: string;
};

/**
 * Claims up to `limit` due deliveries of active webhooks (skipping rows another sender holds),
 * counting the attempt and pushing `next_attempt_at` out by `leaseMs`: committed before any POST,
 * so a sender that dies mid-attempt leaves the delivery due again after the lease (at least once;
 * receivers drop a repeated `webhook-id`).
 */
export async function claimWebhookDeliveries(
  db: DbOrTx,
  limit: number,
  leaseMs: number,
): Promise<ClaimedWebhookDelivery[]> {
  // A claim that lands only on deliveries of a disabled webhook (a race with disabling) settles
  // them as failed and claims again, so they never stand in front of the due index.
  for (;;) {
    const result = await db.execute<ClaimedWebhookDelivery & { active: boolean }>(sql`
      with due as (
        -- One table, in the due index's order: the planner walks the index even before the table
        -- has statistics (joined to webhooks, or with an exists on it, it sorted every pending row
        -- for each claim: 100/s instead of 700/s in bench/webhooks.ts).
        select d.id from webhook_deliveries d
        where d.status = 'pending' and d.next_attempt_at <= now()
        order by d.next_attempt_at, d.id
        limit ${limit}
        for update skip locked
      )
      update webhook_deliveries d
      set attempts = case when w.status = 'active' then d.attempts + 1 else d.attempts end,
        next_attempt_at = now() + ${leaseMs} * interval '1 millisecond',
        status = case when w.status = 'active' then d.status else 'failed' end,
        settled_at = case when w.status = 'active' then d.settled_at else now() end
      from due, webhooks w
      where d.id = due.id and w.id = d.webhook_id
      returning d.id::text as id, d.webhook_id::text as "webhookId", d.message_id as "messageId",
        d.payload::text as body, d.attempts, w.url, w.secret, w.status = 'active' as active`);
    if (result.rows.length === 0) return [];
    const claimed = result.rows.filter((row) => row.active).map(({ active: _active, ...row }) => row);
    if (claimed.length > 0) return claimed;
  }
}

export interface AttemptRecord {
  deliveryId: string;
  webhookId: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * A delivered attempt, in one statement (the common case costs one round trip): the attempt's
 * row, the delivery settled, and the webhook's run of failures ended, only if it had one, so
 * concurrent deliveries to one webhook do not queue on its row.
 */
export async function recordDeliveredAttempt(db: DbOrTx, attempt: AttemptRecord): Promise<void> {
  await db.execute(sql`
    with attempt as (
      insert into webhook_attempts (delivery_id, status_code, error, duration_ms)
      values (${attempt.deliveryId}::bigint, ${attempt.statusCode}, ${attempt.error}, ${attempt.durationMs})
    ),
    delivered as (
      update webhook_deliveries set status = 'delivered', settled_at = now()
      where id = ${attempt.deliveryId}::bigint and status = 'pending'
    )
    update webhooks set consecutive_failures = 0
    where id = ${attempt.webhookId}::bigint and consecutive_failures > 0`);
}

/**
 * A failed attempt, in the caller's transaction: the attempt's row, then
 * - `retry`: due again at `retryAt`, or failed when `retryAt` is null (attempts used up);
 * - `gone` (410): the delivery fails and the webhook is disabled.
 * It lengthens the webhook's run of failures; at `disableAfter` the webhook is disabled. A
 * disabled webhook's pending deliveries fail with it.
 */
export async function recordFailedAttempt(
  tx: DbOrTx,
  attempt: AttemptRecord,
  outcome: { verdict: 'gone' } | { verdict: 'retry'; retryAt: Date | null; disableAfter: number },
): Promise<{ disabled: boolean }> {
  await tx.execute(sql`
    insert into webhook_attempts (delivery_id, status_code, error, duration_ms)
    values (${attempt.deliveryId}::bigint, ${attempt.statusCode}, ${attempt.error}, ${attempt.durationMs})`);
  const webhookId = sql`${attempt.webhookId}::bigint`;
  if (outcome.verdict === 'retry' && outcome.retryAt !== null) {
    await tx.execute(sql`
      update webhook_deliveries set next_attempt_at = ${outcome.retryAt.toISOString()}::timestamptz
      where id = ${attempt.deliveryId}::bigint and status = 'pending'`);
  } else {
    await tx.execute(sql`
      update webhook_deliveries set status = 'failed', settled_at = now()
      where id = ${attempt.deliveryId}::bigint and status = 'pending'`);
  }
  const reason =
    outcome.verdict === 'gone'
      ? sql`'the receiver answered 410 Gone'`
      : sql`case when consecutive_failures + 1 >= ${outcome.disableAfter}
          then (consecutive_failures + 1)::text || ' attempts failed in a row' end`;
  const disabled = await tx.execute(sql`
    update webhooks set consecutive_failures = consecutive_failures + 1,
      disabled_reason = coalesce(disabled_reason, ${reason}),
      status = case when coalesce(disabled_reason, ${reason}) is not null then 'disabled' else status end,
      disabled_at = case when coalesce(disabled_reason, ${reason}) is not null then coalesce(disabled_at, now()) end
    where id = ${webhookId}
    returning status`);
  const isDisabled = disabled.rows[0]?.status === 'disabled';
  if (isDisabled) {
    await tx.execute(sql`
      update webhook_deliveries set status = 'failed', settled_at = now()
      where webhook_id = ${webhookId} and status = 'pending'`);
  }
  return { disabled: isDisabled };
}

/**
 * Disables the webhooks of a revoked API key and fails their pending deliveries (in the caller's
 * transaction, after the key's revocation): a revoked key's partner is told nothing more.
 */
export async function disableWebhooksOfKey(tx: DbOrTx, apiKeyId: number): Promise<number> {
  const disabled = await tx.execute<{ id: string }>(sql`
    update webhooks set status = 'disabled', disabled_reason = 'its API key was revoked', disabled_at = now()
    where api_key_id = ${apiKeyId} and status = 'active'
    returning id::text as id`);
  await tx.execute(sql`
    update webhook_deliveries set status = 'failed', settled_at = now()
    where status = 'pending' and webhook_id in (select id from webhooks where api_key_id = ${apiKeyId})`);
  return disabled.rows.length;
}
