import {
  createTestDatabase,
  launchBrowser,
  seriousAccessibilityViolations,
  type TestDatabase,
} from '@regwatch/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { subscriberByEmail, testRoundupSecret } from './roundup-fixtures.ts';

// Issue 14: the pages work in a real browser, without JavaScript, with no serious axe violation.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  test = await createTestDatabase('apisubbrowser');
  api = await buildTestApp(test.database, {
    config: { ROUNDUP_SECRET: testRoundupSecret, SUBSCRIBE_CLIENT_RATE: 1_000, SUBSCRIBE_DOMAIN_RATE: 1_000 },
  });
  origin = await api.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await test?.drop();
});

describe('the subscribe page in Chromium (issue 14)', () => {
  it('has no serious accessibility violation', async () => {
    const page = await browser.newPage();
    try {
      expect((await page.goto(`${origin}/subscribe`))?.status()).toBe(200);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('signs up through the form with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${origin}/subscribe`);
      expect(response?.status()).toBe(200);
      await page.getByLabel(/email/i).fill('browser.user@example.org');
      await page.getByRole('button', { name: /subscribe/i }).click();
      await page.waitForLoadState();
      expect(await page.locator('main').innerText()).toMatch(/check your inbox|confirm/i);
      expect((await subscriberByEmail(test.database.db, 'browser.user@example.org')).id).toBeTruthy();
    } finally {
      await context.close();
    }
  });
});
