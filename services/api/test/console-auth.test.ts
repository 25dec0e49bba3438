import { hashPassword } from '@regwatch/core';
import { listAudit, setEditorPassword } from '@regwatch/db';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { addTestEditor, consoleClient, testConsoleSecret } from './console-fixtures.ts';

// Issue 14: the console's sign-in, sessions and CSRF protection.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
/** The same console with a sign-in limit of 5 attempts. */
let limited: Awaited<ReturnType<typeof buildTestApp>>;
// The app's clock runs this far ahead of the real one (sessions expire in test time).
let ahead = 0;

beforeAll(async () => {
  test = await createTestDatabase('apiconsoleauth');
  api = await buildTestApp(test.database, {
    config: { CONSOLE_SECRET: testConsoleSecret, CONSOLE_SESSION_HOURS: 2, CONSOLE_LOGIN_RATE: 1_000 },
    now: () => Date.now() + ahead,
  });
  limited = await buildTestApp(test.database, { config: { CONSOLE_SECRET: testConsoleSecret, CONSOLE_LOGIN_RATE: 5 } });
  await addTestEditor(test.database.db, 'ed@example.org');
});
afterAll(async () => {
  await api?.close();
  await limited?.close();
  await test?.drop();
});

describe('console sign-in (issue 14)', () => {
  it('is closed, saying what to set, without CONSOLE_SECRET', async () => {
    const closed = await buildTestApp(test.database, { config: { CONSOLE_SECRET: '' } });
    try {
      for (const url of ['/console', '/console/login', '/console/queues']) {
        const response = await closed.app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(503);
        expect(response.body).toContain('set CONSOLE_SECRET');
      }
    } finally {
      await closed.close();
    }
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    const response = await consoleClient(api.app).get('/console');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/console/login?next=%2Fconsole');
  });

  it('signs in with the right password, sets a hardened cookie and audits it', async () => {
    const client = consoleClient(api.app);
    const response = await client.signIn('ED@example.org');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/console');
    const cookie = response.cookies.find((one) => one.name === 'regwatch_console');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/console', maxAge: 7_200 });
    expect((await client.get('/console')).statusCode).toBe(200);
    const [entry] = await listAudit(test.database.db, { limit: 1 });
    expect(entry).toMatchObject({ actor: 'editor:ed@example.org', action: 'editor.sign-in' });
  });

  it('answers a wrong password and an unknown address alike, audited without the password', async () => {
    const wrong = await consoleClient(api.app).signIn('ed@example.org', 'not the password at all');
    const unknown = await consoleClient(api.app).signIn('nobody@example.org', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const message = (body: string) => /<p class="error" role="alert">([^<]+)<\/p>/.exec(body)?.[1];
    expect(message(wrong.body)).toBe(message(unknown.body));
    expect(wrong.cookies.some((one) => one.name === 'regwatch_console')).toBe(false);
    const entries = await listAudit(test.database.db, { limit: 2 });
    expect(entries.map((entry) => entry.action)).toEqual(['editor.sign-in-failed', 'editor.sign-in-failed']);
    expect(JSON.stringify(entries)).not.toContain('not the password');
  });

  it('refuses a tampered session cookie', async () => {
    const client = consoleClient(api.app);
    await client.signIn('ed@example.org');
    const signed = client.jar.cookies.get('regwatch_console') ?? '';
    // Another editor id under the same signature.
    client.jar.cookies.set('regwatch_console', signed.replace(/^\d+/, '999'));
    expect((await client.get('/console')).statusCode).toBe(303);
    client.jar.cookies.set('regwatch_console', `${signed.slice(0, -2)}xx`);
    expect((await client.get('/console')).statusCode).toBe(303);
  });

  it('refuses an expired session', async () => {
    const client = consoleClient(api.app);
    await client.signIn('ed@example.org');
    expect((await client.get('/console')).statusCode).toBe(200);
    ahead = 2 * 3_600_000;
    expect((await client.get('/console')).statusCode).toBe(303);
    ahead = 0;
  });

  it('refuses a session issued before a new password', async () => {
    const client = consoleClient(api.app);
    await client.signIn('ed@example.org');
    expect((await client.get('/console')).statusCode).toBe(200);
    await setEditorPassword(test.database.db, 'ed@example.org', await hashPassword('another long password'));
    expect((await client.get('/console')).statusCode).toBe(303);
    await setEditorPassword(test.database.db, 'ed@example.org', await hashPassword('correct horse battery staple'));
  });

  it('refuses a POST without a valid CSRF token with a 403 page, and signs no one out', async () => {
    const client = consoleClient(api.app);
    await client.signIn('ed@example.org');
    const before = await listAudit(test.database.db, { limit: 100 });
    const missing = await client.post('/console/logout', {});
    const wrong = await client.post('/console/logout', { _csrf: 'forged-token' });
    expect([missing.statusCode, wrong.statusCode]).toEqual([403, 403]);
    expect(wrong.headers['content-type']).toMatch(/text\/html/);
    expect(wrong.body).toContain('reload the page');
    expect(await listAudit(test.database.db, { limit: 100 })).toHaveLength(before.length);
    expect((await client.get('/console')).statusCode).toBe(200);
  });

  it('signs out through the form', async () => {
    const client = consoleClient(api.app);
    await client.signIn('ed@example.org');
    const response = await client.submit('/console', '/console/logout', {});
    expect(response.statusCode).toBe(303);
    expect((await client.get('/console')).statusCode).toBe(303);
    const [entry] = await listAudit(test.database.db, { limit: 1 });
    expect(entry?.action).toBe('editor.sign-out');
  });

  it('limits sign-in attempts per account, whatever the address', async () => {
    await addTestEditor(test.database.db, 'limited@example.org');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await consoleClient(limited.app).signIn('limited@example.org', 'wrong password here')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // The right password is refused too while the window lasts.
    expect((await consoleClient(limited.app).signIn('limited@example.org')).statusCode).toBe(429);
  });

  it('limits sign-in attempts per client address, whatever the account', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const client = consoleClient(limited.app, undefined, '10.9.9.9');
      statuses.push((await client.signIn(`guess${attempt}@example.org`, 'wrong password here')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await consoleClient(limited.app, undefined, '10.9.9.9').signIn('ed@example.org')).statusCode).toBe(429);
  });
});
