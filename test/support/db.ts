import type { Database } from '@regwatch/db';
import { sql } from 'drizzle-orm';

export async function scalar<T = number>(database: Database, query: ReturnType<typeof sql>): Promise<T> {
  const result = await database.db.execute<{ value: T }>(query);
  return result.rows[0]?.value as T;
}

export const countItems = (database: Database) =>
  scalar<number>(database, sql`select count(*)::int as value from items`);
