import { asc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { sources } from '../schema/index.ts';
import type { SourceRow } from './sources.ts';

const weekMs = 7 * 24 * 60 * 60 * 1_000;

/** A source with its items per week, newest week first ([0]: the 7 days before `now`). */
export type SourceWithWeeklyItems = SourceRow & { weeklyItems: number[] };

/**
 * Every source with the items it published in each of the last `weeks` weeks before `now`
 * (by published date; one grouped query over the items of that span, not one per source).
 * Items an editor withdrew are left out: the counts are what reached readers, on the public
 * sources page and in the console alike.
 */
export async function listSourcesWithWeeklyItems(
  db: DbOrTx,
  options: { now: Date; weeks: number },
): Promise<SourceWithWeeklyItems[]> {
  const rows = await db.select().from(sources).orderBy(asc(sources.id));
  const from = new Date(options.now.getTime() - options.weeks * weekMs);
  const counts = await db.execute<{ source_id: string; week: number; count: number }>(sql`
    select source_id,
           floor(extract(epoch from (${options.now.toISOString()}::timestamptz - published_at)) / ${weekMs / 1_000})::int as week,
           count(*)::int as count
    from items
    where published_at > ${from.toISOString()}::timestamptz and published_at <= ${options.now.toISOString()}::timestamptz
      and withdrawn_at is null
    group by 1, 2`);
  const weekly = new Map<string, number[]>();
  for (const row of counts.rows) {
    const weeks = weekly.get(row.source_id) ?? Array.from({ length: options.weeks }, () => 0);
    if (row.week >= 0 && row.week < options.weeks) weeks[row.week] = Number(row.count);
    weekly.set(row.source_id, weeks);
  }
  return rows.map((row) => ({
    ...row,
    weeklyItems: weekly.get(row.id) ?? Array.from({ length: options.weeks }, () => 0),
  }));
}
