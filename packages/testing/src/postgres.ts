import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database, migrateDatabase } from '@regwatch/db';
import pg from 'pg';

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/** The server tests use; CI and this machine run PostgreSQL there with trust auth. */
export function testServerUrl(database = 'postgres'): string {
  return `postgres://postgres@127.0.0.1:5432/${database}`;
}

/** Named after the migrations' content, so a changed migration gets a fresh template. */
export function templateName(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder)
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  return `regwatch_tpl_${hash.digest('hex').slice(0, 12)}`;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const templateLock = 7264381902;

/** Runs `work` holding the template lock, so no checkout drops a template another is cloning. */
async function withTemplateLock<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  return withAdmin(async (admin) => {
    await admin.query('select pg_advisory_lock($1)', [templateLock]);
    try {
      return await work(admin);
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [templateLock]);
    }
  });
}

/**
 * The migrated template for the current migrations, built if missing. Call it holding the
 * template lock. Templates of other migrations are dropped: two checkouts on one machine then
 * rebuild in turn, which is slow but never breaks a clone, as clones take the same lock.
 */
async function ensureTemplateLocked(admin: pg.Client): Promise<string> {
  const name = templateName();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) {
    const building = `${name}_building`;
    await admin.query(`drop database if exists ${building} with (force)`);
    await migrateDatabase(testServerUrl(building), migrationsFolder);
    await admin.query(`alter database ${building} rename to ${name}`);
    const stale = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'regwatch\\_tpl\\_%' and datname <> $1`,
      [name],
    );
    for (const row of stale.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
  }
  return name;
}

/** Creates the migrated template database once (vitest global setup); concurrent runs take turns. */
export async function ensureTemplate(): Promise<string> {
  return withTemplateLock(ensureTemplateLocked);
}

export interface TestDatabase {
  name: string;
  url: string;
  database: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the template (fast, isolated). */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `rwt_${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  await withTemplateLock(async (admin) => {
    const template = await ensureTemplateLocked(admin);
    await admin.query(`create database ${name} template ${template}`);
  });
  const url = testServerUrl(name);
  const database = createDatabase({ url, applicationName: 'regwatch-test', onConnectionLost: () => undefined });
  return {
    name,
    url,
    database,
    async drop() {
      await database.close().catch(() => undefined);
      await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** An empty database name that does not exist yet (for migration tests). */
export function freshDatabaseName(label: string): string {
  return `rwt_${label}_${randomBytes(4).toString('hex')}`;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
}
