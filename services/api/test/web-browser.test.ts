import {
  createTestDatabase,
  launchBrowser,
  seriousAccessibilityViolations,
  type TestDatabase,
} from '@regwatch/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { testRoundupSecret } from './roundup-fixtures.ts';
import { insertWebSources, storeEntry } from './web-fixtures.ts';

// Issue 14: the newsfeed pages in Chromium: accessible, usable without JavaScript and by keyboard, phone-sized.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let browser: Browser;
let origin: string;
let storyId: string;

beforeAll(async () => {
  test = await createTestDatabase('apiwebbrowser');
  const { db } = test.database;
  await insertWebSources(db);
  storyId = (
    await storeEntry(db, 'ico', {
      guid: 'n1',
      title: 'ICO fines Brightmart £3m for unlawful facial recognition in shops',
      summary: 'We have fined Brightmart Ltd £3m for scanning the faces of shoppers in 35 stores.',
      published: '2026-05-04T11:00:00Z',
    })
  ).storyId;
  await storeEntry(db, 'cnil', {
    guid: 'c1',
    title: 'Sanction de 150 000 euros à l’encontre de la société Quillon',
    summary: 'La formation restreinte de la CNIL a prononcé une amende.',
    published: '2026-05-03T08:00:00Z',
  });
  api = await buildTestApp(test.database, {
    now: () => Date.parse('2026-05-06T12:00:00Z'),
    config: { ROUNDUP_SECRET: testRoundupSecret },
  });
  origin = await api.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await test?.drop();
});

const pages = () => [
  '/',
  '/?jurisdiction=GB',
  `/stories/${storyId}`,
  '/sources',
  '/roundups',
  '/subscribe',
  '/feeds/stories.rss',
];

async function withPage<T>(options: Parameters<Browser['newContext']>[0], use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

describe('the newsfeed pages in Chromium (issue 14)', () => {
  it('loads every page with no serious accessibility violation', async () => {
    await withPage({}, async (page) => {
      for (const path of pages()) {
        expect((await page.goto(`${origin}${path}`))?.status(), path).toBe(200);
        expect(await seriousAccessibilityViolations(page), path).toEqual([]);
      }
    });
  });

  it('filters with JavaScript off: the form produces the filter language’s URL and the filtered list', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(`${origin}/`);
      expect(await page.locator('main').innerText()).toContain('Quillon');
      await page.getByLabel('Jurisdiction').selectOption('GB');
      await page.getByRole('button', { name: 'Show stories' }).click();
      await page.waitForURL(`${origin}/?jurisdiction=GB`);
      const main = await page.locator('main').innerText();
      expect(main).toContain('ICO fines Brightmart');
      expect(main).not.toContain('Quillon');
    });
  });

  it('reaches the skip link first and the filter form by Tab', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${origin}/`);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(new URL(page.url()).hash).toBe('#content');
      let reached = false;
      for (let presses = 0; presses < 10 && !reached; presses++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.id === 'jurisdiction');
      }
      expect(reached).toBe(true);
    });
  });

  it('has no horizontal scroll on a 390 px wide phone', async () => {
    await withPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, async (page) => {
      for (const path of pages()) {
        await page.goto(`${origin}${path}`);
        const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(widths[0], path).toBeLessThanOrEqual(widths[1] ?? 0);
      }
    });
  });

  it('shows a feed URL navigated to as a page with the address to copy', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      const response = await page.goto(`${origin}/feeds/stories.rss?jurisdiction=GB`);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Regwatch stories: United Kingdom (GB)');
      expect(await page.getByLabel('Feed address').inputValue()).toBe(
        `${origin}/feeds/stories.rss?jurisdiction=GB&limit=50`,
      );
      expect(await page.locator('main').innerText()).toContain('ICO fines Brightmart');
    });
  });
});
