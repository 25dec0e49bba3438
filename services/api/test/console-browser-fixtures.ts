import { launchBrowser } from '@regwatch/testing';
import type { Browser, Page } from 'playwright-core';
import { type CorrectionsPipeline, startCorrectionsPipeline } from '../../../test/support/corrections-pipeline.ts';
import { buildTestApp } from './build.ts';
import { addTestEditor, editorPassword, testConsoleSecret } from './console-fixtures.ts';

// What the console's Chromium tests share (issue 14): signing in through the form, and the
// console served over HTTP on a database the real ingest filled.

/**
 * Opens `path` (a console page, or the sign-in itself), expects the sign-in form there (a
 * protected page sends you to it) and signs in through it: the page is where the form led.
 */
export async function signInThroughForm(
  page: Page,
  origin: string,
  { path = '/console/login', email = 'ed@example.org' }: { path?: string; email?: string } = {},
): Promise<Page> {
  await page.goto(`${origin}${path}`);
  const at = new URL(page.url()).pathname;
  if (at !== '/console/login') throw new Error(`${path} led to ${at}, not the sign-in form`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(editorPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState();
  return page;
}

export interface ConsoleInBrowser {
  pipeline: CorrectionsPipeline;
  api: Awaited<ReturnType<typeof buildTestApp>>;
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

/**
 * The corrections pipeline (`name` its database and prefix), `fill` run on it, then the API on
 * it listening on loopback with the editor ed@example.org, and Chromium.
 */
export async function startConsoleInBrowser(
  name: string,
  fill: (pipeline: CorrectionsPipeline) => Promise<void>,
): Promise<ConsoleInBrowser> {
  const pipeline = await startCorrectionsPipeline(name);
  await fill(pipeline);
  const api = await buildTestApp(pipeline.test.database, {
    config: { CONSOLE_SECRET: testConsoleSecret, CONSOLE_LOGIN_RATE: 1_000 },
  });
  await addTestEditor(pipeline.db, 'ed@example.org');
  const origin = await api.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  return {
    pipeline,
    api,
    browser,
    origin,
    async close() {
      await browser.close();
      await api.close();
      await pipeline.close();
    },
  };
}
