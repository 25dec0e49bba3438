import type { EditionContent, EditionWeek } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.ts';
import type { EditionStatus } from '../schema/roundup.ts';

export interface StoredEdition {
  week: EditionWeek;
  status: EditionStatus;
  content: EditionContent;
  html: string;
  text: string;
  storyCount: number;
  builtAt: Date;
  sendingStartedAt: Date | null;
  sentAt: Date | null;
}

type EditionRow = {
  week: string;
  status: EditionStatus;
  content: EditionContent;
  html: string;
  text: string;
  story_count: number;
  built_at: Date;
  sending_started_at: Date | null;
  sent_at: Date | null;
};

const fromRow = (row: EditionRow): StoredEdition => ({
  week: row.week,
  status: row.status,
  content: row.content,
  html: row.html,
  text: row.text,
  storyCount: row.story_count,
  builtAt: new Date(row.built_at),
  sendingStartedAt: row.sending_started_at === null ? null : new Date(row.sending_started_at),
  sentAt: row.sent_at === null ? null : new Date(row.sent_at),
});

export async function getEdition(db: DbOrTx, week: EditionWeek): Promise<StoredEdition | undefined> {
  const result = await db.execute<EditionRow>(sql`
    select week, status, content, html, text, story_count, built_at, sending_started_at, sent_at
    from roundup_editions where week = ${week}`);
  const row = result.rows[0];
  return row ? fromRow(row) : undefined;
}

/** Stores a built edition; a second build of the same week (a race, a retried job) changes nothing. Whether this one was stored. */
export async function insertEdition(
  db: DbOrTx,
  edition: { content: EditionContent; html: string; text: string },
): Promise<boolean> {
  const { content } = edition;
  const result = await db.execute(sql`
    insert into roundup_editions (week, period_start, period_end, content, html, text, story_count, built_at)
    values (${content.week}, ${content.since}::timestamptz, ${content.until}::timestamptz,
      ${JSON.stringify(content)}::jsonb, ${edition.html}, ${edition.text}, ${content.storyCount},
      ${content.builtAt}::timestamptz)
    on conflict (week) do nothing`);
  return (result.rowCount ?? 0) > 0;
}

/**
 * Moves an edition from `built` to `sending` and freezes its audience in the same transaction:
 * a `pending` delivery for every subscriber active now. Someone who confirms later gets the next
 * edition. The audience frozen (0 when the edition was not `built`).
 */
export async function startSending(db: Db, week: EditionWeek): Promise<{ started: boolean; audience: number }> {
  return db.transaction(async (tx) => {
    const moved = await tx.execute(sql`
      update roundup_editions set status = 'sending', sending_started_at = now()
      where week = ${week} and status = 'built'`);
    if ((moved.rowCount ?? 0) === 0) return { started: false, audience: 0 };
    const frozen = await tx.execute(sql`
      insert into roundup_deliveries (week, subscriber_id)
      select ${week}, id from subscribers where status = 'active'
      on conflict do nothing`);
    return { started: true, audience: frozen.rowCount ?? 0 };
  });
}

/** `sending` → `sent` once no delivery of it is `pending` or `sending`. Whether it moved. */
export async function finishEditionIfSettled(db: DbOrTx, week: EditionWeek): Promise<boolean> {
  const result = await db.execute(sql`
    update roundup_editions set status = 'sent', sent_at = now()
    where week = ${week} and status = 'sending'
      and not exists (
        select 1 from roundup_deliveries
        where week = ${week} and status in ('pending', 'sending'))`);
  return (result.rowCount ?? 0) > 0;
}

/** Weeks of the editions now `sending`, oldest first. */
export async function sendingEditionWeeks(db: DbOrTx): Promise<EditionWeek[]> {
  const result = await db.execute<{ week: string }>(
    sql`select week from roundup_editions where status = 'sending' order by week`,
  );
  return result.rows.map((row) => row.week);
}

/** Published editions, newest first (what `/roundups` lists). */
export async function listEditionWeeks(db: DbOrTx): Promise<{ week: EditionWeek; status: EditionStatus }[]> {
  const result = await db.execute<{ week: string; status: EditionStatus }>(
    sql`select week, status from roundup_editions order by week desc`,
  );
  return result.rows;
}
