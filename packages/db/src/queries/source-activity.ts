import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';

/** Items a source published in the last 7 and 28 days. */
export interface SourceActivity {
  lastWeek: number;
  last28Days: number;
}

/** Recent item counts per source, by publication date, in one grouped query (sources with none are left out). */
export async function recentItemsBySource(db: DbOrTx, now: Date): Promise<Map<string, SourceActivity>> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const fourWeeksAgo = new Date(now.getTime() - 28 * 86_400_000).toISOString();
  const result = await db.execute<{ source_id: string; week: number; four_weeks: number }>(sql`
    select source_id,
      count(*) filter (where published_at >= ${weekAgo}::timestamptz)::int as week,
      count(*)::int as four_weeks
    from items
    where published_at >= ${fourWeeksAgo}::timestamptz and published_at <= ${now.toISOString()}::timestamptz
    group by source_id`);
  return new Map(result.rows.map((row) => [row.source_id, { lastWeek: row.week, last28Days: row.four_weeks }]));
}
