import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { addTestEditor, consoleClient, testConsoleSecret } from './console-fixtures.ts';

// Issue 14: Bull Board behind the editor's sign-in.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  test = await createTestDatabase('apiconsolequeues');
  api = await buildTestApp(test.database, { config: { CONSOLE_SECRET: testConsoleSecret } });
  await addTestEditor(test.database.db, 'ed@example.org');
});
afterAll(async () => {
  await api?.close();
  await test?.drop();
});

describe('the queue dashboard (issue 14)', () => {
  it('loads for a signed-in editor, with a CSP that allows its own scripts only', async () => {
    const client = consoleClient(api.app);
    await client.signIn('ed@example.org');
    const page = await client.get('/console/queues');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<base href="/console/queues/"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const script = /src="(static\/js\/main[^"]+)"/.exec(page.body)?.[1];
    expect((await client.get(`/console/queues/${script}`)).statusCode).toBe(200);
    const queues = await client.get('/console/queues/api/queues');
    expect(queues.statusCode).toBe(200);
    const names = (JSON.parse(queues.body) as { queues: { name: string }[] }).queues.map((queue) => queue.name);
    expect(names.sort()).toEqual(['article', 'maintenance', 'poll', 'process', 'roundup']);
  });

  it('sends anyone else to the sign-in, for the page, its assets and its API', async () => {
    const visitor = consoleClient(api.app);
    const page = await visitor.get('/console/queues');
    for (const url of ['/console/queues', '/console/queues/static/js/anything.js', '/console/queues/api/queues']) {
      const response = await visitor.get(url);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toMatch(/^\/console\/login\?next=/);
    }
    expect(page.body).not.toContain('__UI_CONFIG__');
    const put = await api.app.inject({ method: 'PUT', url: '/console/queues/api/queues/poll/retry/failed' });
    expect(put.statusCode).toBe(303);
  });
});
