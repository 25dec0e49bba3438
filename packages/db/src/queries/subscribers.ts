import type { RoundupPreferences } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { isConnectionError, sqlStateOf } from '../connection-errors.ts';
import type { SubscriberStatus } from '../schema/roundup.ts';

/** What the pages need to know about a subscriber a link names (never the address). */
export interface SubscriberView {
  id: string;
  status: SubscriberStatus;
  preferences: RoundupPreferences;
  /** Links issued before this no longer work. */
  tokensValidAfter: Date;
}

function view(row: Record<string, unknown>): SubscriberView {
  return {
    id: String(row.id),
    status: row.status as SubscriberStatus,
    preferences: row.preferences as RoundupPreferences,
    tokensValidAfter: new Date(row.tokens_valid_after as string),
  };
}

/**
 * A sign-up, in one statement (the unique index on `lower(email)` decides, so two sign-ups at
 * once cannot make two rows):
 * - a new address: a `pending` row asking for a confirmation;
 * - `pending`: its preferences replaced, a confirmation asked for again;
 * - `unsubscribed` or `bouncing`: back to `pending` with the new preferences, and every link
 *   sent before dies (`tokens_valid_after`);
 * - `active`: nothing changes.
 * Returns the id of a subscriber now waiting for a confirmation email, or null (active).
 */
export async function signUpSubscriber(
  db: DbOrTx,
  signUp: { email: string; preferences: RoundupPreferences },
): Promise<string | null> {
  const result = await withoutAddress(
    db.execute<{ id: string }>(sql`
    insert into subscribers (email, status, preferences, confirmation_requested_at)
    values (${signUp.email}, 'pending', ${JSON.stringify(signUp.preferences)}::jsonb, now())
    on conflict (lower(email)) do update set
      status = 'pending',
      preferences = excluded.preferences,
      confirmation_requested_at = now(),
      updated_at = now(),
      tokens_valid_after = case
        when subscribers.status in ('unsubscribed', 'bouncing') then now()
        else subscribers.tokens_valid_after
      end
    where subscribers.status <> 'active'
    returning id::text as id`),
  );
  return result.rows[0]?.id ?? null;
}

/**
 * A failed statement that held an address, with the address left out of the error: drizzle's
 * message repeats the parameters and PostgreSQL's detail the row, and errors are logged.
 * Connection errors pass as they are (the API logs them by their code alone, and answers 503).
 */
async function withoutAddress<T>(statement: Promise<T>): Promise<T> {
  try {
    return await statement;
  } catch (error) {
    if (isConnectionError(error)) throw error;
    throw new Error(`the sign-up statement failed (SQLSTATE ${sqlStateOf(error) ?? 'unknown'})`);
  }
}

export async function findSubscriber(db: DbOrTx, id: string): Promise<SubscriberView | undefined> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select id::text as id, status, preferences, tokens_valid_after from subscribers where id = ${id}::bigint`);
  const row = result.rows[0];
  return row ? view(row) : undefined;
}

/**
 * Activates a pending subscriber. `confirmed` when this call did it, otherwise the status it
 * found (`active`: already confirmed); undefined when there is no such subscriber.
 */
export async function confirmSubscriber(db: DbOrTx, id: string): Promise<'confirmed' | SubscriberStatus | undefined> {
  const updated = await db.execute(sql`
    update subscribers set status = 'active', confirmed_at = now(), updated_at = now()
    where id = ${id}::bigint and status = 'pending'
    returning id`);
  if (updated.rows.length > 0) return 'confirmed';
  return (await findSubscriber(db, id))?.status;
}

/**
 * Replaces the preferences of a pending or active subscriber; false when there is none in
 * either state (one who left must sign up again).
 */
export async function saveSubscriberPreferences(
  db: DbOrTx,
  id: string,
  preferences: RoundupPreferences,
): Promise<boolean> {
  const updated = await db.execute(sql`
    update subscribers set preferences = ${JSON.stringify(preferences)}::jsonb, updated_at = now()
    where id = ${id}::bigint and status in ('pending', 'active')
    returning id`);
  return updated.rows.length > 0;
}

/**
 * Unsubscribes at once, whatever the status; a second call changes nothing (its first time is
 * kept). Links are left valid so a repeated one-click POST still answers "unsubscribed".
 * False when there is no such subscriber.
 */
export async function unsubscribeSubscriber(db: DbOrTx, id: string): Promise<boolean> {
  const result = await db.execute(sql`
    update subscribers set
      status = 'unsubscribed',
      unsubscribed_at = case when status = 'unsubscribed' then unsubscribed_at else now() end,
      updated_at = case when status = 'unsubscribed' then updated_at else now() end
    where id = ${id}::bigint
    returning id`);
  return result.rows.length > 0;
}
