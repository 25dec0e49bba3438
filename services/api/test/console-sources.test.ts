import { getSource, listAudit, saveSource } from '@regwatch/db';
import { createPollQueue, pollSchedulerId } from '@regwatch/queue';
import { createTestDatabase, type TestDatabase, testSource } from '@regwatch/testing';
import type { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { addTestEditor, consoleClient, testConsoleSecret } from './console-fixtures.ts';

// Issue 14: the console's source actions, each audited with before → after.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let client: ReturnType<typeof consoleClient>;
let pollQueue: Queue;

beforeAll(async () => {
  test = await createTestDatabase('apiconsolesources');
  api = await buildTestApp(test.database, { config: { CONSOLE_SECRET: testConsoleSecret } });
  // The same queue the app uses (its prefix): what the actions added is read back from Redis.
  const { createRedis } = await import('@regwatch/queue');
  const redis = createRedis('redis://127.0.0.1:6379', 'client');
  pollQueue = createPollQueue({ connection: redis, prefix: api.config.QUEUE_PREFIX });
  await saveSource(test.database.db, testSource('ico', { name: 'ICO', kind: 'regulator' }));
  await addTestEditor(test.database.db, 'ed@example.org');
  client = consoleClient(api.app);
  expect((await client.signIn('ed@example.org')).statusCode).toBe(303);
});
afterAll(async () => {
  await pollQueue?.close();
  await api?.close();
  await test?.drop();
});

const latestAudit = async () => (await listAudit(test.database.db, { limit: 1 }))[0];

describe('console sources (issue 14)', () => {
  it('lists each source with its health, items per week and actions', async () => {
    await test.database.db.execute(sql`update sources set consecutive_failures = 3, last_error = 'HTTP 503 from the server
second line', last_checked_at = now(), last_success_at = now() - interval '2 days' where id = 'ico'`);
    const page = await client.get('/console/sources');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('HTTP 503 from the server');
    expect(page.body).not.toContain('second line');
    expect(page.body).toMatch(/ICO<\/a>: dead: no successful fetch since/);
    expect(page.body).toContain('action="/console/sources/ico/pause"');
    expect(page.headers['content-security-policy']).toContain("style-src 'sha256-");
  });

  it('pauses a source: disabled, unscheduled, audited before → after', async () => {
    await pollQueue.upsertJobScheduler(
      pollSchedulerId('ico'),
      { every: 900_000 },
      { name: 'poll', data: { sourceId: 'ico' } },
    );
    const response = await client.submit('/console/sources', '/console/sources/ico/pause', {});
    expect(response.statusCode).toBe(303);
    expect((await getSource(test.database.db, 'ico'))?.enabled).toBe(false);
    expect(await pollQueue.getJobScheduler(pollSchedulerId('ico'))).toBeUndefined();
    expect(await latestAudit()).toMatchObject({
      actor: 'editor:ed@example.org',
      action: 'source.pause',
      subject: 'source:ico',
      before: { enabled: true },
      after: { enabled: false, disabledReason: 'paused in the console by ed@example.org' },
    });
    const page = await client.get('/console/sources');
    expect(page.body).toContain('Paused ICO.');
    expect(page.body).toContain('action="/console/sources/ico/resume"');
  });

  it('resumes a source: enabled, scheduled again, audited', async () => {
    const response = await client.submit('/console/sources', '/console/sources/ico/resume', {});
    expect(response.statusCode).toBe(303);
    expect((await getSource(test.database.db, 'ico'))?.enabled).toBe(true);
    expect(await pollQueue.getJobScheduler(pollSchedulerId('ico'))).toBeDefined();
    expect(await latestAudit()).toMatchObject({
      action: 'source.resume',
      before: { enabled: false },
      after: { enabled: true },
    });
  });

  it('polls a source now: a forced poll job, audited', async () => {
    const response = await client.submit('/console/sources', '/console/sources/ico/poll', {});
    expect(response.statusCode).toBe(303);
    const job = await pollQueue.getJob('poll-now-ico');
    expect(job?.data).toEqual({ sourceId: 'ico', force: true });
    expect(await latestAudit()).toMatchObject({ action: 'source.poll', subject: 'source:ico' });
  });

  it('adds a source as `regwatch sources add` does, and shows the form again with every problem', async () => {
    const refused = await client.submit('/console/sources', '/console/sources', {
      id: 'Bad Id',
      url: 'ftp://x',
      jurisdiction: 'UK',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id &quot;Bad Id&quot; must be a lower-case slug');
    expect(refused.body).toContain('url &quot;ftp://x&quot; must be an http or https URL');
    expect(refused.body).toContain('value="Bad Id"');
    const added = await client.submit('/console/sources', '/console/sources', {
      id: 'cnil',
      url: 'https://www.cnil.fr/fr/rss.xml',
      name: 'CNIL',
      kind: 'regulator',
      jurisdiction: 'FR, EU',
      interval: '',
    });
    expect(added.statusCode).toBe(303);
    expect(await getSource(test.database.db, 'cnil')).toMatchObject({
      name: 'CNIL',
      kind: 'regulator',
      jurisdictions: ['FR', 'EU'],
      pollIntervalSeconds: 900,
    });
    expect(await pollQueue.getJobScheduler(pollSchedulerId('cnil'))).toBeDefined();
    expect(await latestAudit()).toMatchObject({ action: 'source.add', subject: 'source:cnil', after: { id: 'cnil' } });
    const again = await client.submit('/console/sources', '/console/sources', {
      id: 'cnil',
      url: 'https://x.example/',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('exists already');
  });

  it('refuses a source action without a valid CSRF token: 403, nothing changed, nothing audited', async () => {
    const before = await listAudit(test.database.db, { limit: 1_000 });
    const response = await client.post('/console/sources/ico/pause', { _csrf: 'forged' });
    expect(response.statusCode).toBe(403);
    expect((await getSource(test.database.db, 'ico'))?.enabled).toBe(true);
    expect(await listAudit(test.database.db, { limit: 1_000 })).toHaveLength(before.length);
  });

  it('shows the audit log newest first', async () => {
    const page = await client.get('/console/audit');
    expect(page.statusCode).toBe(200);
    expect(page.body.indexOf('source.add')).toBeLessThan(page.body.indexOf('source.pause'));
  });
});
