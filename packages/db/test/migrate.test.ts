import { dropDatabase, freshDatabaseName, migrationsFolder, testServerUrl } from '@regwatch/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../src/index.ts';

const name = freshDatabaseName('migrate');
afterAll(() => dropDatabase(name));

describe('migrateDatabase', () => {
  it('creates the database, and concurrent runs apply each migration exactly once', async () => {
    const url = testServerUrl(name);
    const results = await Promise.all([1, 2, 3].map(() => migrateDatabase(url, migrationsFolder)));

    expect(results.filter((result) => result.createdDatabase)).toHaveLength(1);
    const total = results[0]?.total ?? 0;
    expect(total).toBeGreaterThan(0);
    expect(results.map((result) => result.applied).sort()).toEqual([0, 0, total]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const applied = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(applied.rows[0].n).toBe(total);
      const tables = await client.query(
        `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual([
        'api_keys',
        'article_pages',
        'audit_log',
        'cluster_keys',
        'corrections',
        'edition_notes',
        'editors',
        'entries',
        'items',
        'pending_entries',
        'roundup_deliveries',
        'roundup_editions',
        'sources',
        'stories',
        'subscribers',
        'term_counts',
        'webhook_attempts',
        'webhook_deliveries',
        'webhooks',
      ]);
    } finally {
      await client.end();
    }

    const again = await migrateDatabase(url, migrationsFolder);
    expect(again).toEqual({ createdDatabase: false, applied: 0, total });
  });
});
