import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

/** Arbitrary but fixed: every Regwatch process migrating a database takes this advisory lock. */
const migrationLockKey = 7_264_381_901;

export interface MigrationResult {
  createdDatabase: boolean;
  applied: number;
  total: number;
}

/**
 * Applies the SQL migrations in `migrationsFolder` to the database at `url`, creating the
 * database first if it does not exist. drizzle's migrator takes no lock, so concurrent
 * callers (several replicas starting at once) are serialised with a session advisory lock:
 * the first applies, the others wait and then find nothing to do.
 */
export async function migrateDatabase(url: string, migrationsFolder: string): Promise<MigrationResult> {
  const createdDatabase = await ensureDatabaseExists(url);
  const client = new pg.Client({ connectionString: url, application_name: 'regwatch-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    try {
      const before = await countApplied(client);
      await migrate(drizzle({ client }), { migrationsFolder, migrationsSchema: 'drizzle' });
      const after = await countApplied(client);
      return { createdDatabase, applied: after - before, total: after };
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    await client.end();
  }
}

async function countApplied(client: pg.Client): Promise<number> {
  const exists = await client.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists.rows[0]?.present) return 0;
  const result = await client.query<{ count: string }>('select count(*) as count from drizzle.__drizzle_migrations');
  return Number(result.rows[0]?.count ?? 0);
}

/** Creates the database named in `url` when it is missing; true when it was created here. */
async function ensureDatabaseExists(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) return false;
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error; // 3D000: invalid_catalog_name
  } finally {
    await probe.end().catch(() => undefined);
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.href });
  await admin.connect();
  try {
    await admin.query(`create database ${quoteIdentifier(name)}`);
    return true;
  } catch (error) {
    // Another process created it between our probe and now: that is what we wanted.
    const code = (error as { code?: string }).code;
    if (code === '42P04' || code === '23505') return false;
    throw error;
  } finally {
    await admin.end();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
