import { nextEditionWeek } from '@regwatch/core';
import { getEditionNote, listAudit } from '@regwatch/db';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { addTestEditor, consoleClient, testConsoleSecret } from './console-fixtures.ts';

// Issue 14: the next edition's preview and the editor's note, in the console.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let client: ReturnType<typeof consoleClient>;
const week = nextEditionWeek(new Date());

beforeAll(async () => {
  test = await createTestDatabase('apiconsoleroundup');
  api = await buildTestApp(test.database, { config: { CONSOLE_SECRET: testConsoleSecret } });
  await addTestEditor(test.database.db, 'ed@example.org');
  client = consoleClient(api.app);
  await client.signIn('ed@example.org');
});
afterAll(async () => {
  await api?.close();
  await test?.drop();
});

describe('console roundup (issue 14)', () => {
  it('shows the coming Friday’s edition with a framed preview', async () => {
    const page = await client.get('/console/roundup');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Next edition: ${week}`);
    expect(page.body).toContain(`src="/console/roundup/preview?week=${week}"`);
    const preview = await client.get(`/console/roundup/preview?week=${week}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(preview.headers['content-security-policy']).not.toContain('script-src');
  });

  it('saves the note (audited before → after) and shows it in the preview; an empty note removes it', async () => {
    const saved = await client.submit('/console/roundup', '/console/roundup/note', { week, note: 'Welcome back.' });
    expect(saved.statusCode).toBe(303);
    expect((await getEditionNote(test.database.db, week))?.note).toBe('Welcome back.');
    expect((await listAudit(test.database.db, { limit: 1 }))[0]).toMatchObject({
      action: 'edition.note',
      subject: `edition:${week}`,
      before: { note: null },
      after: { note: 'Welcome back.' },
    });
    expect((await client.get(`/console/roundup/preview?week=${week}`)).body).toContain('Welcome back.');
    expect((await client.get('/console/roundup')).body).toContain('>Welcome back.</textarea>');
    await client.submit('/console/roundup', '/console/roundup/note', { week, note: '' });
    expect(await getEditionNote(test.database.db, week)).toBeNull();
    expect((await listAudit(test.database.db, { limit: 1 }))[0]).toMatchObject({
      before: { note: 'Welcome back.' },
      after: { note: null },
    });
  });

  it('refuses a note without a valid CSRF token, saving nothing', async () => {
    const refused = await client.post('/console/roundup/note', { week, note: 'Forged', _csrf: 'nope' });
    expect(refused.statusCode).toBe(403);
    expect(await getEditionNote(test.database.db, week)).toBeNull();
  });
});
