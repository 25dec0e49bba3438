import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, freePort, freshDatabaseName, testServerUrl, waitFor } from '@regwatch/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, exited, runCli, spawnCli } from './support/cli.ts';
import { freshProcessEnv } from './support/fresh-env.ts';

// Issue 11, "The CLI right after npm start": whatever goes wrong, a command prints one line
// naming what to do (never SQL, parameters, a stack, a key or a password) and exits with the
// code README.md documents: 1 not possible as asked, 2 bad usage, 3 PostgreSQL/Redis not there.

const { name, prefix, env } = freshProcessEnv('clierrors');
const bare = freshDatabaseName('clierrorsbare');
const password = 's3cret-Passw0rd';
let port = 0;
let feedFile = '';

beforeAll(async () => {
  port = await freePort();
  feedFile = join(tmpdir(), `${prefix}-feed.xml`);
  await writeFile(feedFile, '<rss version="2.0"><channel><title>t</title></channel></rss>');
  // A database that exists but was never migrated.
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  await admin.query(`create database ${bare}`);
  await admin.end();
});
afterAll(() => dropDatabase(bare));

/** The one-line contract, checked on everything the process printed. */
function expectOneCleanLine(result: CliResult, exitCode: number, secrets: string[] = []): string {
  const output = `${result.stdout}${result.stderr}`.trim();
  expect(output.split('\n'), output).toHaveLength(1);
  expect(output).not.toMatch(/\b(select|insert|update|delete|from)\b|params/i);
  expect(output).not.toContain('    at ');
  expect(output).not.toMatch(/rwk_[0-9A-Za-z]{8}|[0-9a-f]{32}/);
  for (const secret of secrets) expect(output).not.toContain(secret);
  expect(result.code, output).toBe(exitCode);
  return output;
}

/** One command of each class that touches PostgreSQL: a read, a write holding a secret, one taking a source id, a one-shot job. */
const databaseCommands = (): string[][] => [
  ['sources', 'list'],
  ['apikey', 'create', '--name', 'Weekly digest'],
  ['sources', 'poll', 'ico-news'],
  ['import', '--source', 'ico-news', feedFile],
];

/** Runs several command lines at once (each is its own process): the machine waits on start-up more than on work. */
function runAll(commands: string[][], commandEnv: NodeJS.ProcessEnv): Promise<CliResult[]> {
  return Promise.all(commands.map((args) => runCli(args, commandEnv)));
}

describe('errors of a command whose dependency is not there (exit code 3)', () => {
  it('names a missing database and says to run regwatch migrate', async () => {
    for (const result of await runAll(databaseCommands(), env)) {
      const line = expectOneCleanLine(result, 3);
      expect(line).toBe(
        `regwatch: database "${name}" does not exist at 127.0.0.1:5432: create it with \`regwatch migrate\`, or set DATABASE_URL`,
      );
    }
  });

  it('says to run regwatch migrate on a database without the tables, and never shows the new key', async () => {
    const bareEnv = { ...env, DATABASE_URL: testServerUrl(bare) };
    for (const result of await runAll(databaseCommands(), bareEnv)) {
      const line = expectOneCleanLine(result, 3);
      expect(line).toBe(
        `regwatch: database "${bare}" is missing Regwatch's tables or is behind: run \`regwatch migrate\``,
      );
    }
  });

  it('names an unreachable PostgreSQL by host and port, never its password', async () => {
    const downEnv = { ...env, DATABASE_URL: `postgres://postgres:${password}@127.0.0.1:${port}/regwatch` };
    const commands = [['migrate'], ['demo'], ['start', '--only', 'ingest'], ['apikey', 'list'], ...databaseCommands()];
    for (const result of await runAll(commands, downEnv)) {
      const line = expectOneCleanLine(result, 3, [password]);
      expect(line).toBe(
        `regwatch: PostgreSQL is not reachable at 127.0.0.1:${port} (ECONNREFUSED): start it or set DATABASE_URL`,
      );
    }
  });

  it('says which user PostgreSQL refused, never the password', async () => {
    const refusedEnv = { ...env, DATABASE_URL: `postgres://regwatch_nobody:${password}@127.0.0.1:5432/${name}` };
    for (const result of await runAll(
      [['migrate'], ['sources', 'list'], ['apikey', 'create', '--name', 'x']],
      refusedEnv,
    )) {
      const line = expectOneCleanLine(result, 3, [password]);
      expect(line).toBe(
        'regwatch: PostgreSQL at 127.0.0.1:5432 refused user "regwatch_nobody": check the user and password in DATABASE_URL',
      );
    }
  });
});

describe('on a migrated database', () => {
  beforeAll(async () => {
    const migrated = await runCli(['migrate'], env);
    expect(migrated.code, migrated.stderr).toBe(0);
    const added = await runCli(['sources', 'add', '--id', 'local', '--url', 'https://example.org/feed'], env);
    expect(added.code, added.stderr).toBe(0);
  });

  it('a one-shot command needing Redis exits at once with one line when Redis is unreachable', async () => {
    const downEnv = { ...env, REDIS_URL: `redis://:${password}@127.0.0.1:${port}` };
    const commands = [
      ['sources', 'poll', 'local'],
      ['import', '--source', 'local', feedFile],
    ];
    for (const result of await runAll(commands, downEnv)) {
      const line = expectOneCleanLine(result, 3, [password]);
      expect(line).toBe(
        `regwatch: Redis is not reachable at 127.0.0.1:${port} (ECONNREFUSED): start it or set REDIS_URL`,
      );
    }
  });

  it('an unknown source is exit code 1 and the same line for every command taking a source id', async () => {
    const commands = [
      ['sources', 'poll', 'nope'],
      ['import', '--source', 'nope', feedFile],
      ['retag', '--source', 'nope'],
    ];
    for (const result of await runAll(commands, env)) {
      const line = expectOneCleanLine(result, 1);
      expect(line).toBe('regwatch: unknown source "nope": `regwatch sources list` shows the sources there are');
    }
  });

  it('bad usage is exit code 2, one line pointing at regwatch help', async () => {
    const commands = [
      ['frobnicate'],
      ['sources', 'poll'],
      ['sources', 'list', '--colour'],
      ['apikey', 'create'],
      ['start', '--only', 'everything'],
      ['import', '--source', 'local'],
    ];
    for (const result of await runAll(commands, env)) {
      const line = expectOneCleanLine(result, 2);
      expect(line).toMatch(/^regwatch: .+; run `regwatch help` for usage$/);
    }
  });

  it('--verbose adds the causes after the one line, still without the password', async () => {
    const downEnv = { ...env, DATABASE_URL: `postgres://postgres:${password}@127.0.0.1:${port}/regwatch` };
    const result = await runCli(['--verbose', 'sources', 'list'], downEnv);
    expect(result.code).toBe(3);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^regwatch: PostgreSQL is not reachable/);
    expect(lines.length).toBeGreaterThan(1);
    expect(result.stderr).toContain('ECONNREFUSED');
    expect(result.stderr).not.toContain(password);
  });

  it('the demo refuses a database whose sources poll real sites, in one line saying what to do', async () => {
    const line = expectOneCleanLine(await runCli(['demo'], env), 1);
    expect(line).toBe(
      `regwatch: database "${name}" holds 1 source(s) that poll real sites (local), so the demo will not load its recorded sources there: run it on another database, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/regwatch_demo npm start`,
    );
    const list = await runCli(['sources', 'list', '--json'], env);
    expect((JSON.parse(list.stdout) as { id: string; url: string }[]).map((source) => source.url)).toEqual([
      'https://example.org/feed',
    ]);
  });
});

describe('regwatch start --only ingest with Redis unreachable', () => {
  it('logs one line per reconnect attempt, each later than the last, and no stack', async () => {
    const child = spawnCli(['start', '--only', 'ingest'], {
      ...env,
      LOG_LEVEL: 'warn',
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    try {
      await waitFor(
        () => (child.output().match(/"msg":"ingest: Redis is not reachable/g)?.length ?? 0) >= 4 || undefined,
        {
          what: 'four reconnect lines',
          timeoutMs: 30_000,
        },
      );
    } finally {
      child.kill('SIGKILL');
    }
    await exited(child);
    const output = child.output();
    expect(output).not.toContain('    at ');
    const lines = output.trim().split('\n');
    const retries = lines.map((line) => JSON.parse(line) as { msg: string; attempt: number; retryInMs: number });
    for (const retry of retries) {
      expect(retry.msg).toMatch(
        new RegExp(
          `^ingest: Redis is not reachable at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\); retrying in [\\d.]+ s \\(start it or set REDIS_URL\\)$`,
        ),
      );
    }
    expect(retries.map((retry) => retry.attempt)).toEqual(retries.map((_, index) => index + 1));
    const delays = retries.map((retry) => retry.retryInMs);
    for (let index = 1; index < delays.length; index += 1)
      expect(delays[index]).toBeGreaterThan(delays[index - 1] ?? 0);
  });
});
