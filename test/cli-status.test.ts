import { insertSource, recordFetchFailure, recordFetchSuccess } from '@regwatch/db';
import { createRedis, createRoundupQueue } from '@regwatch/queue';
import {
  createTestDatabase,
  deletePrefix,
  type TestDatabase,
  testEnv,
  testRedisUrl,
  uniquePrefix,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { sampleEdition, storeAndStartSending } from './support/roundup.ts';

// Issue 14: `regwatch status`, the operator's one screen, on a real database and Redis.
let test: TestDatabase;
let env: NodeJS.ProcessEnv;
const prefix = uniquePrefix('clistatus');

const source = (id: string) => ({
  id,
  name: id.toUpperCase(),
  kind: 'regulator' as const,
  url: `https://${id}.example.org/rss`,
  jurisdictions: ['GB'],
  pollIntervalSeconds: 900,
});

beforeAll(async () => {
  test = await createTestDatabase('clistatus');
  env = testEnv({ databaseUrl: test.url, prefix });
  const { db } = test.database;
  const now = new Date();
  await insertSource(db, source('healthy'));
  await recordFetchSuccess(db, 'healthy', {
    checkedAt: now,
    nextCheckAt: new Date(now.getTime() + 900_000),
    etag: null,
    lastModified: null,
    bodyHash: 'x',
    entryCount: 1,
    rejectedCount: 0,
    filteredCount: 0,
    warning: null,
  });
  await insertSource(db, source('broken'));
  await recordFetchFailure(db, 'broken', {
    checkedAt: now,
    nextCheckAt: new Date(now.getTime() + 900_000),
    code: 'fetch_timeout',
    message: 'no complete response\nwithin 20000 ms',
  });
  await db.execute(sql`insert into subscribers (email, status) values ('a@example.org', 'active')`);
  await storeAndStartSending(db, sampleEdition('2024-W38'));
  const connection = createRedis(testRedisUrl, 'producer');
  const queue = createRoundupQueue({ connection, prefix });
  await queue.add('check', { task: 'check' }, { jobId: 'status-check', delay: 3_600_000 });
  await queue.close();
  await connection.quit();
});

afterAll(async () => {
  await deletePrefix(prefix);
  await test.drop();
});

describe('regwatch status', () => {
  it('shows sources by health (the failing one named, its error on one line), queues and roundups', async () => {
    const result = await runCli(['status'], env);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('sources: 1 ok, 1 failing');
    expect(lines).toContain('  broken (failing): fetch_timeout: no complete response within 20000 ms');
    expect(result.stdout).toMatch(/queues: waiting\/prioritized\/active\/delayed\/failed\n/);
    expect(result.stdout).toMatch(/ {2}roundup +0\/0\/0\/1\/0\n/);
    expect(result.stdout).toContain('last roundup: 2024-W38 (sending): 0 sent, 0 failed, 0 uncertain');
    expect(result.stdout).toMatch(
      /next roundup: \d{4}-W\d{2}, built Fri, \d{1,2} [A-Z][a-z]{2} \d{4}, 08:00 London time/,
    );
  });

  it('prints the same as JSON with --json', async () => {
    const result = await runCli(['status', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const view = JSON.parse(result.stdout);
    expect(view.sources.counts).toEqual({ ok: 1, failing: 1 });
    expect(view.queues.roundup).toEqual({ waiting: 0, prioritized: 0, active: 0, delayed: 1, failed: 0 });
    expect(view.lastEdition).toMatchObject({ week: '2024-W38', status: 'sending' });
  });

  it('with Redis down, says so in one line and still shows what PostgreSQL holds', async () => {
    const result = await runCli(['status'], { ...env, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.code, result.stderr).toBe(0);
    const queueLines = result.stdout.split('\n').filter((line) => line.startsWith('queues:'));
    expect(queueLines).toHaveLength(1);
    expect(queueLines[0]).toMatch(/^queues: unknown \(Redis is not reachable at 127\.0\.0\.1:1/);
    expect(result.stdout).toContain('sources: 1 ok, 1 failing');
    expect(result.stdout).toContain('last roundup: 2024-W38');
  });

  it('with PostgreSQL down, one line saying what to do and a non-zero exit', async () => {
    const result = await runCli(['status'], { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/regwatch' });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'regwatch: PostgreSQL is not reachable at 127.0.0.1:1 (ECONNREFUSED): start it or set DATABASE_URL',
    ]);
  });

  it('is in the help', async () => {
    const result = await runCli(['help'], env);
    expect(result.stdout).toContain('regwatch status [--json]');
  });
});
