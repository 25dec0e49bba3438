import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '@regwatch/db';
import pg from 'pg';
import { serverUrl, withClient } from '../api/seed.ts';

export { withClient };

const migrations = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Runs one statement on the server's maintenance database (create and drop the bench's own). */
export async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database holding one source for the feed, disabled so no process polls it. */
export async function freshDatabase(name: string): Promise<string> {
  const url = `${serverUrl}/${name}`;
  await admin(`drop database if exists ${name} with (force)`);
  await migrateDatabase(url, migrations);
  await withClient(url, async (client) => {
    // Nothing here may fetch a real site: every source is off, the bench's own included.
    await client.query('update sources set enabled = false');
    await client.query(
      `insert into sources (id, name, kind, url, jurisdictions, poll_interval_seconds, enabled)
       values ('bench', 'Bench privacy news', 'press', 'https://bench.example/feed', '{}', 86400, false)`,
    );
  });
  return url;
}
