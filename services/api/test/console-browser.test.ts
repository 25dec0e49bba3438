import { getSource, saveSource } from '@regwatch/db';
import {
  createTestDatabase,
  launchBrowser,
  seriousAccessibilityViolations,
  type TestDatabase,
  testSource,
} from '@regwatch/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { signInThroughForm } from './console-browser-fixtures.ts';
import { addTestEditor, testConsoleSecret } from './console-fixtures.ts';

// Issue 14: the editor's console in a real browser, through its forms.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  test = await createTestDatabase('apiconsolebrowser');
  api = await buildTestApp(test.database, { config: { CONSOLE_SECRET: testConsoleSecret } });
  await saveSource(test.database.db, testSource('ico', { name: 'ICO', kind: 'regulator' }));
  await addTestEditor(test.database.db, 'ed@example.org');
  origin = await api.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await test?.drop();
});

async function signIn(context: BrowserContext, next = '/console'): Promise<Page> {
  return signInThroughForm(await context.newPage(), origin, { path: next });
}

describe('the console in Chromium (issue 14)', () => {
  it('signs in through the form and works through pause and resume with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await signIn(context, '/console/sources');
      expect(new URL(page.url()).pathname).toBe('/console/sources');
      await page.getByRole('button', { name: 'Pause ICO' }).click();
      await page.waitForLoadState();
      expect(await page.getByRole('status').innerText()).toContain('Paused ICO.');
      expect((await getSource(test.database.db, 'ico'))?.enabled).toBe(false);
      await page.getByRole('button', { name: 'Resume ICO' }).click();
      await page.waitForLoadState();
      expect(await page.getByRole('status').innerText()).toContain('Resumed ICO.');
      expect((await getSource(test.database.db, 'ico'))?.enabled).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('has no serious accessibility violation on any console page', async () => {
    const context = await browser.newContext();
    try {
      const login = await context.newPage();
      await login.goto(`${origin}/console/login`);
      expect(await seriousAccessibilityViolations(login)).toEqual([]);
      const page = await signIn(context);
      for (const path of ['/console', '/console/sources', '/console/roundup', '/console/audit']) {
        expect((await page.goto(`${origin}${path}`))?.status(), path).toBe(200);
        expect(await seriousAccessibilityViolations(page), path).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it('refuses a form posted with a wrong CSRF token, and changes nothing', async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, '/console/sources');
      await page
        .locator('form[action="/console/sources/ico/pause"] input[name="_csrf"]')
        .evaluate((input) => input.setAttribute('value', 'forged-token'));
      const [response] = await Promise.all([
        page.waitForResponse((answer) => answer.url().endsWith('/console/sources/ico/pause')),
        page.getByRole('button', { name: 'Pause ICO' }).click(),
      ]);
      expect(response.status()).toBe(403);
      await page.waitForLoadState();
      expect(await page.locator('main').innerText()).toContain('reload the page');
      expect((await getSource(test.database.db, 'ico'))?.enabled).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('saves the editor’s note and shows it in the preview', async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, '/console/roundup');
      await page.getByLabel(/Note at the top of/).fill('A word from the editor this week.');
      await page.getByRole('button', { name: 'Save the note' }).click();
      await page.waitForLoadState();
      expect(await page.getByRole('status').innerText()).toMatch(/The note of \d{4}-W\d{2} is saved\./);
      const preview = page.frameLocator('iframe[title^="Preview of the"]');
      await expect.poll(() => preview.locator('body').innerText()).toContain('A word from the editor this week.');
    } finally {
      await context.close();
    }
  });

  it('loads Bull Board for a signed-in editor', async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, '/console/queues');
      expect(new URL(page.url()).pathname).toMatch(/^\/console\/queues/);
      await page.getByText('process', { exact: true }).first().waitFor();
      expect(await page.getByText('roundup', { exact: true }).count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
