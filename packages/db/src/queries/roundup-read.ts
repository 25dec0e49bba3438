import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import type { EditionStatus } from '../schema/roundup.ts';

/** An edition as the list of editions shows it. */
export interface RoundupEditionSummary {
  week: string;
  since: Date;
  until: Date;
  builtAt: Date;
  storyCount: number;
  status: EditionStatus;
}

/** A stored edition in full. `content` is the EditionContent it was built as. */
export interface StoredRoundupEdition extends RoundupEditionSummary {
  content: unknown;
  html: string;
  text: string;
}

function summary(row: Record<string, unknown>): RoundupEditionSummary {
  return {
    week: row.week as string,
    since: new Date(row.period_start as string),
    until: new Date(row.period_end as string),
    builtAt: new Date(row.built_at as string),
    storyCount: Number(row.story_count),
    status: row.status as EditionStatus,
  };
}

/** Every stored edition, newest week first (ISO week names sort as their weeks do). */
export async function listRoundupEditions(db: DbOrTx): Promise<RoundupEditionSummary[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select week, period_start, period_end, built_at, story_count, status
    from roundup_editions order by week desc`);
  return result.rows.map(summary);
}

export async function getRoundupEdition(db: DbOrTx, week: string): Promise<StoredRoundupEdition | undefined> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select week, period_start, period_end, built_at, story_count, status, content, html, text
    from roundup_editions where week = ${week}`);
  const row = result.rows[0];
  return row
    ? { ...summary(row), content: row.content, html: row.html as string, text: row.text as string }
    : undefined;
}

/** The newest stored edition's content (what the manage page previews), or undefined when none is stored. */
export async function latestRoundupContent(db: DbOrTx): Promise<{ week: string; content: unknown } | undefined> {
  const result = await db.execute<{ week: string; content: unknown }>(sql`
    select week, content from roundup_editions order by week desc limit 1`);
  return result.rows[0];
}
