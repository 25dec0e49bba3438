import type { EditionWeek, RoundupPreferences } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import type { DeliveryStatus, SubscriberStatus } from '../schema/roundup.ts';

/** A delivery claimed for sending (now `sending`), with what sending it needs of its subscriber. */
export interface ClaimedDelivery {
  week: EditionWeek;
  subscriberId: string;
  /** Including this one. */
  attempts: number;
  email: string;
  subscriberStatus: SubscriberStatus;
  preferences: RoundupPreferences;
}

/**
 * Rows `sending` whose lease has run out (their sender crashed, or is stuck past twice the SMTP
 * timeout) become `uncertain`: the message may have been handed over, so it is never resent.
 */
export async function expireStaleSending(db: DbOrTx, leaseMs: number, week?: EditionWeek): Promise<number> {
  const result = await db.execute(sql`
    update roundup_deliveries
    set status = 'uncertain', settled_at = now(), last_error = 'sender lost mid-send'
    where status = 'sending' and sending_at < now() - ${leaseMs} * interval '1 millisecond'
      ${week === undefined ? sql`` : sql`and week = ${week}`}`);
  return result.rowCount ?? 0;
}

/**
 * Claims up to `limit` due `pending` deliveries of a week (skipping rows another sender holds)
 * and marks them `sending`; committed before any of them is handed to SMTP.
 */
export async function claimDeliveries(db: DbOrTx, week: EditionWeek, limit: number): Promise<ClaimedDelivery[]> {
  const result = await db.execute<{
    subscriber_id: string;
    attempts: number;
    email: string;
    status: SubscriberStatus;
    preferences: RoundupPreferences;
  }>(sql`
    with due as (
      select week, subscriber_id from roundup_deliveries
      where week = ${week} and status = 'pending' and next_attempt_at <= now()
      order by next_attempt_at, subscriber_id
      limit ${limit}
      for update skip locked
    )
    update roundup_deliveries d
    set status = 'sending', sending_at = now(), attempts = d.attempts + 1
    from due join subscribers s on s.id = due.subscriber_id
    where d.week = due.week and d.subscriber_id = due.subscriber_id
    returning d.subscriber_id::text, d.attempts, s.email, s.status, s.preferences`);
  return result.rows.map((row) => ({
    week,
    subscriberId: row.subscriber_id,
    attempts: row.attempts,
    email: row.email,
    subscriberStatus: row.status,
    preferences: row.preferences,
  }));
}

export type SettledStatus = Extract<DeliveryStatus, 'sent' | 'empty' | 'failed' | 'skipped' | 'uncertain'>;

/** A claimed delivery's outcome. Only a row still `sending` moves (an expired lease already made it `uncertain`). */
export async function settleDelivery(
  db: DbOrTx,
  delivery: { week: EditionWeek; subscriberId: string },
  outcome: { status: SettledStatus; storyCount?: number | undefined; lastError?: string | undefined },
): Promise<boolean> {
  const result = await db.execute(sql`
    update roundup_deliveries
    set status = ${outcome.status}, settled_at = now(), story_count = ${outcome.storyCount ?? null},
      last_error = ${outcome.lastError ?? null}
    where week = ${delivery.week} and subscriber_id = ${delivery.subscriberId}::bigint and status = 'sending'`);
  return (result.rowCount ?? 0) > 0;
}

/** A claimed delivery that failed before its message was handed over: `pending` again, due at `nextAttemptAt`. */
export async function retryDelivery(
  db: DbOrTx,
  delivery: { week: EditionWeek; subscriberId: string },
  nextAttemptAt: Date,
  lastError: string,
): Promise<boolean> {
  const result = await db.execute(sql`
    update roundup_deliveries
    set status = 'pending', sending_at = null, next_attempt_at = ${nextAttemptAt.toISOString()}::timestamptz,
      last_error = ${lastError}
    where week = ${delivery.week} and subscriber_id = ${delivery.subscriberId}::bigint and status = 'sending'`);
  return (result.rowCount ?? 0) > 0;
}

/** A permanent SMTP failure: the address gets no more mail until it signs up again. */
export async function markSubscriberBouncing(db: DbOrTx, subscriberId: string): Promise<void> {
  await db.execute(sql`
    update subscribers set status = 'bouncing', bounced_at = now(), updated_at = now()
    where id = ${subscriberId}::bigint and status = 'active'`);
}

/** What is left of a week's sending: rows not settled, and how soon the next of them can move (a due retry, a lease running out). */
export async function unsettledDeliveries(
  db: DbOrTx,
  week: EditionWeek,
  leaseMs: number,
): Promise<{ remaining: number; waitMs: number }> {
  const result = await db.execute<{ remaining: number; wait_ms: number | null }>(sql`
    select count(*)::int as remaining,
      greatest(0, ceil(extract(epoch from min(case when status = 'pending' then next_attempt_at
        else sending_at + ${leaseMs} * interval '1 millisecond' end) - now()) * 1000))::int as wait_ms
    from roundup_deliveries where week = ${week} and status in ('pending', 'sending')`);
  const row = result.rows[0];
  return { remaining: row?.remaining ?? 0, waitMs: row?.wait_ms ?? 0 };
}

/** An edition superseded by a newer week: deliveries not yet tried are `skipped`. */
export async function skipPendingDeliveries(db: DbOrTx, week: EditionWeek): Promise<number> {
  const result = await db.execute(sql`
    update roundup_deliveries set status = 'skipped', settled_at = now(), last_error = 'superseded by a newer edition'
    where week = ${week} and status = 'pending'`);
  return result.rowCount ?? 0;
}

export type DeliveryCounts = Record<DeliveryStatus, number> & { audience: number; bouncing: number };

/** A week's deliveries by status; `bouncing`: of its audience, addresses now bouncing. */
export async function deliveryCounts(db: DbOrTx, week: EditionWeek): Promise<DeliveryCounts> {
  const result = await db.execute<{ status: DeliveryStatus; count: number; bouncing: number }>(sql`
    select d.status, count(*)::int as count, count(*) filter (where s.status = 'bouncing')::int as bouncing
    from roundup_deliveries d join subscribers s on s.id = d.subscriber_id
    where d.week = ${week} group by d.status`);
  const counts: DeliveryCounts = {
    audience: 0,
    bouncing: 0,
    pending: 0,
    sending: 0,
    sent: 0,
    empty: 0,
    failed: 0,
    skipped: 0,
    uncertain: 0,
  };
  for (const row of result.rows) {
    counts[row.status] = row.count;
    counts.audience += row.count;
    counts.bouncing += row.bouncing;
  }
  return counts;
}

/** A pending subscriber whose confirmation email the roundup service is to send. */
export interface ConfirmationClaim {
  subscriberId: string;
  email: string;
  preferences: RoundupPreferences;
}

/**
 * Marks a confirmation as sent before it is sent (at most once; at most one a day per address,
 * paths.md): the subscriber if one is due, else undefined.
 */
export async function claimConfirmation(db: DbOrTx, subscriberId: string): Promise<ConfirmationClaim | undefined> {
  const result = await db.execute<{ id: string; email: string; preferences: RoundupPreferences }>(sql`
    update subscribers set confirmation_sent_at = now()
    where id = ${subscriberId}::bigint and status = 'pending' and confirmation_requested_at is not null
      and (confirmation_sent_at is null
        or (confirmation_requested_at > confirmation_sent_at and confirmation_sent_at < now() - interval '1 day'))
    returning id::text, email, preferences`);
  const row = result.rows[0];
  return row ? { subscriberId: row.id, email: row.email, preferences: row.preferences } : undefined;
}

/** Pending subscribers whose requested confirmation has not been sent (its job lost with Redis), ids only. */
export async function confirmationsDue(db: DbOrTx, olderThanMs: number): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    select id::text from subscribers
    where status = 'pending' and confirmation_requested_at is not null
      and confirmation_requested_at < now() - ${olderThanMs} * interval '1 millisecond'
      and (confirmation_sent_at is null
        or (confirmation_requested_at > confirmation_sent_at and confirmation_sent_at < now() - interval '1 day'))
    order by id limit 1000`);
  return result.rows.map((row) => row.id);
}

/** Deletes a subscriber by address (their deliveries cascade). What was deleted, if anything. */
export async function eraseSubscriber(
  db: DbOrTx,
  email: string,
): Promise<{ subscriberId: string; status: SubscriberStatus; deliveries: number } | undefined> {
  const result = await db.execute<{ id: string; status: SubscriberStatus; deliveries: number }>(sql`
    with gone as (delete from subscribers where lower(email) = lower(${email.trim()}) returning id, status)
    select gone.id::text, gone.status,
      (select count(*)::int from roundup_deliveries d where d.subscriber_id = gone.id) as deliveries
    from gone`);
  const row = result.rows[0];
  return row ? { subscriberId: row.id, status: row.status, deliveries: row.deliveries } : undefined;
}

/** Adds (or reactivates) a confirmed subscriber: the demo's, and tests'. Its id. */
export async function upsertActiveSubscriber(
  db: DbOrTx,
  email: string,
  preferences: RoundupPreferences = {},
): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`
    insert into subscribers (email, status, preferences, confirmed_at)
    values (${email}, 'active', ${JSON.stringify(preferences)}::jsonb, now())
    on conflict (lower(email)) do update set status = 'active', preferences = excluded.preferences,
      confirmed_at = now(), updated_at = now()
    returning id::text`);
  const id = result.rows[0]?.id;
  if (!id) throw new Error('subscriber upsert returned no row');
  return id;
}
