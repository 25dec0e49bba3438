import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listItems, schema } from '../src/index.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('items');
});
afterAll(() => test.drop());

/** The plan PostgreSQL picks for the SQL listItems sends, with sorts and sequential scans priced out. */
async function planOf(options: Parameters<typeof listItems>[1]): Promise<string> {
  let captured: { query: string; params: unknown[] } | undefined;
  const db = drizzle({
    client: test.database.pool,
    schema,
    logger: {
      logQuery: (query, params) => {
        captured = { query, params };
      },
    },
  });
  await listItems(db, options);
  if (!captured) throw new Error('listItems sent no query');
  const client = await test.database.pool.connect();
  try {
    await client.query('begin');
    // On an empty table any plan is cheap; disabled nodes keep a huge cost, so only an ORDER BY
    // the index can serve comes out without a Sort.
    await client.query('set local enable_sort = off');
    await client.query('set local enable_seqscan = off');
    const result = await client.query<{ 'QUERY PLAN': string }>(`explain ${captured.query}`, captured.params);
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
    client.release();
  }
}

// bench/api found every /v1/items page sorting the whole table: the ORDER BY said `desc` (nulls
// first) and the index is `desc nulls last`, so PostgreSQL could not walk it.
describe('listItems walks items_published_id_idx in order', () => {
  it('for the first page and for a page after a cursor, with no sort', async () => {
    for (const after of [undefined, { at: '2026-01-01T00:00:00.000Z', id: '42' }]) {
      const plan = await planOf({ limit: 25, after });
      expect(plan).toContain('items_published_id_idx');
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });
});
