import { createDatabase } from '@regwatch/db';
import { sourceCatalog } from '@regwatch/sources';
import { testServerUrl, waitFor } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import journal from '../migrations/meta/_journal.json' with { type: 'json' };
import { exited, runCli, spawnCli } from './support/cli.ts';
import { freshProcessEnv } from './support/fresh-env.ts';

const { name, env } = freshProcessEnv('cli');
const migrationCount = journal.entries.length;

describe('regwatch migrate', () => {
  it('is safe when three processes run it at once', async () => {
    const results = await Promise.all([1, 2, 3].map(() => runCli(['migrate'], env)));
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    // Whichever process creates the database, and whichever gets the lock first, exactly one
    // creates it and exactly one applies the migration; all three end with it applied.
    const outputs = results.map((result) => result.stdout.trim());
    expect(outputs.filter((line) => line.includes('database created;'))).toHaveLength(1);
    expect(
      outputs.filter((line) => line.endsWith(`${migrationCount} migration(s) applied, ${migrationCount} in all`)),
    ).toHaveLength(1);
    expect(outputs.filter((line) => line.endsWith(` 0 migration(s) applied, ${migrationCount} in all`))).toHaveLength(
      2,
    );
    const database = createDatabase({
      url: testServerUrl(name),
      applicationName: 'check',
      onConnectionLost: () => undefined,
    });
    const applied = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    await database.close();
    expect(applied.rows[0]?.n).toBe(migrationCount);
  });
});

describe('configuration errors', () => {
  it('name every bad value on one line and exit non-zero', async () => {
    const result = await runCli(['migrate'], {
      ...env,
      DATABASE_URL: 'mysql://db/x',
      PORT: 'eighty',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'regwatch: invalid configuration: DATABASE_URL must use postgres: or postgresql:, got "mysql:"',
    ]);
    const start = await runCli(['start'], { ...env, PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(start.code).toBe(2);
    expect(start.stderr.trim().split('\n')).toEqual([
      'regwatch: invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"; PORT must be a whole number, got "eighty"',
    ]);
  });

  it('reports an unreachable database in an operator’s words', async () => {
    const result = await runCli(['migrate'], { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x' });
    expect(result.code).toBe(3);
    expect(result.stderr.trim()).toBe(
      'regwatch: PostgreSQL is not reachable at 127.0.0.1:1 (ECONNREFUSED): start it or set DATABASE_URL',
    );
  });
});

describe('regwatch sources add', () => {
  it('lists every problem with its options at once', async () => {
    const result = await runCli(
      [
        'sources',
        'add',
        '--id',
        'Bad Id',
        '--url',
        'ftp://x',
        '--kind',
        'blog',
        '--jurisdiction',
        'UK',
        '--interval',
        '5',
      ],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--id "Bad Id" must be a lower-case slug');
    expect(result.stderr).toContain('--url "ftp://x" must be an http or https URL');
    expect(result.stderr).toContain('--kind must be one of regulator, incident-db, press, not "blog"');
    expect(result.stderr).toContain('--jurisdiction "UK" is not an ISO 3166 code: use GB');
    expect(result.stderr).toContain('--interval must be a whole number of seconds, at least 30');
  });

  it('refuses a duplicate id and an unknown option', async () => {
    const add = ['sources', 'add', '--id', 'dup', '--url', 'https://example.org/feed'];
    expect((await runCli(add, env)).code).toBe(0);
    const again = await runCli(add, env);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe('regwatch: source "dup" already exists');
    const unknown = await runCli(['sources', 'add', '--colour', 'red'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--colour'/);
  });
});

describe('regwatch sources sync', () => {
  it('stores every catalog source once, and a second sync only updates them', async () => {
    const first = await runCli(['sources', 'sync'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^${sourceCatalog.length} catalog sources: ${sourceCatalog.length} added, 0 updated`),
    );
    const again = await runCli(['sources', 'sync'], env);
    expect(again.stdout).toMatch(
      new RegExp(`^${sourceCatalog.length} catalog sources: 0 added, ${sourceCatalog.length} updated`),
    );
    const list = await runCli(['sources', 'list', '--json'], env);
    const ids = (JSON.parse(list.stdout) as { id: string }[]).map((source) => source.id);
    for (const definition of sourceCatalog) expect(ids).toContain(definition.id);
  });
});

// Issue 12: what the last poll had to guess to read a source's bytes is shown with the source.
describe('regwatch sources list', () => {
  it('shows the decoding warning of a source, in the table and in --json', async () => {
    const warning = 'no declared encoding; decoded as KOI8-R (detected)';
    const database = createDatabase({
      url: testServerUrl(name),
      applicationName: 'check',
      onConnectionLost: () => undefined,
    });
    await database.db.execute(
      sql`update sources set last_warning = ${warning}, last_warning_at = '2026-11-30T08:00:00Z' where id = 'cnil'`,
    );
    await database.close();
    const table = await runCli(['sources', 'list'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/\bLAST ERROR\s+WARNING\s+URL$/);
    expect(table.stdout).toMatch(/^cnil\s.*\sno declared encoding; decoded as KOI8-R \(detected\)\s+https:/m);
    expect(table.stdout).toMatch(/^edpb\s.*\s-\s+https:/m);
    const json = JSON.parse((await runCli(['sources', 'list', '--json'], env)).stdout) as {
      id: string;
      lastWarning: string | null;
      lastWarningAt: string | null;
    }[];
    expect(json.find((source) => source.id === 'cnil')).toMatchObject({
      lastWarning: warning,
      lastWarningAt: '2026-11-30T08:00:00.000Z',
    });
    expect(json.find((source) => source.id === 'edpb')).toMatchObject({ lastWarning: null, lastWarningAt: null });
  });
});

describe('regwatch start', () => {
  it('serves, then shuts down cleanly on SIGTERM', async () => {
    const child = spawnCli(['start', '--no-migrate'], { ...env, LOG_LEVEL: 'info' });
    const url = await waitFor(
      () => /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"api listening"/.exec(child.output())?.[1],
      {
        what: 'the API to listen',
      },
    );
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    child.kill('SIGTERM');
    const { code } = await exited(child);
    expect(code, child.output()).toBe(0);
    expect(child.output()).toContain('"msg":"ingest workers stopped"');
    expect(child.output()).toContain('"msg":"stopped"');
  });
});
