import { seriousAccessibilityViolations } from '@regwatch/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../test/support/corrections-pipeline.ts';
import { type ConsoleInBrowser, signInThroughForm, startConsoleInBrowser } from './console-browser-fixtures.ts';

// Issue 14: an editor corrects the newsfeed in Chromium through the console's forms, and the
// corrections hold when the same feeds are read again.
let served: ConsoleInBrowser;
let pipeline: ConsoleInBrowser['pipeline'];
let api: ConsoleInBrowser['api'];
let browser: ConsoleInBrowser['browser'];
let origin: string;

const alpha: FeedEntry = {
  guid: 'alpha-1',
  title: 'Alpha Widgets recalls smart kettles',
  summary: 'Alpha Widgets recalls its smart kettles after a flaw let anyone nearby read owners’ home network details.',
  link: 'https://register.example/alpha',
  published: '2026-04-01T08:00:00Z',
};
const beta: FeedEntry = {
  guid: 'beta-1',
  title: 'Beta Gadgets sued over doorbell cameras',
  summary: 'A class action says Beta Gadgets doorbell cameras sent neighbours’ faces to an analytics firm.',
  link: 'https://record.example/beta',
  published: '2026-04-01T09:00:00Z',
};

beforeAll(async () => {
  served = await startConsoleInBrowser('corrbrowser', async (pipeline) => {
    await pipeline.addFeed('register', 'press', [alpha]);
    await pipeline.addFeed('record', 'press', [beta]);
    await pipeline.poll('register');
    await pipeline.poll('record');
  });
  ({ pipeline, api, browser, origin } = served);
});
afterAll(async () => {
  await served?.close();
});
async function storyIdOf(title: string): Promise<string> {
  const response = await api.app.inject({ method: 'GET', url: '/v1/items?limit=100' });
  const item = response.json<{ data: { title: string; storyId: string }[] }>().data.find((one) => one.title === title);
  if (!item) throw new Error(`no item titled ${title}`);
  return item.storyId;
}

async function signIn(page: Page): Promise<void> {
  await signInThroughForm(page, origin);
  expect(page.url()).toBe(`${origin}/console`);
}

describe('issue 14: corrections through the console in Chromium', () => {
  it('merges two stories through the form; the merge holds when the same feeds are imported again', async () => {
    const into = await storyIdOf(alpha.title);
    const other = await storyIdOf(beta.title);
    expect(into).not.toBe(other);
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signIn(page);
      await page.goto(`${origin}/console/stories/${into}`);
      await page.getByLabel('Story to merge into this one (its id)').fill(other);
      await page.getByRole('button', { name: 'Merge' }).click();
      await page.waitForURL(`${origin}/console/stories/${into}`);
      expect(await page.getByRole('status').innerText()).toContain(`Story ${other} merged into this one.`);
      expect(await page.locator('main').innerText()).toContain(beta.title);
    } finally {
      await context.close();
    }

    await pipeline.poll('register');
    await pipeline.poll('record');
    const survivor = await api.app.inject({ method: 'GET', url: `/v1/stories/${into}` });
    expect(
      survivor
        .json<{ items: { title: string }[] }>()
        .items.map((item) => item.title)
        .sort(),
    ).toEqual([alpha.title, beta.title].sort());
    const absorbed = await api.app.inject({ method: 'GET', url: `/v1/stories/${other}` });
    expect(absorbed.statusCode).toBe(301);
  });

  it('takes an item down through the form; it stays down after a re-poll of a changed feed', async () => {
    const storyId = await storyIdOf(beta.title);
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signIn(page);
      await page.goto(`${origin}/console/stories/${storyId}`);
      const item = page.locator('li.story', { hasText: beta.title });
      await item.getByRole('button', { name: 'Take down' }).click();
      expect(await page.getByRole('status').innerText()).toContain('taken down');
      expect(await page.locator('main').innerText()).not.toContain(beta.title);
    } finally {
      await context.close();
    }

    pipeline.serve('record', [{ ...beta, summary: `${beta.summary} The company denies it.` }]);
    await pipeline.poll('record');
    const listed = await api.app.inject({ method: 'GET', url: '/v1/items?limit=100' });
    expect(listed.json<{ data: { title: string }[] }>().data.map((item) => item.title)).not.toContain(beta.title);
  });

  it('has no serious accessibility violation on the story page', async () => {
    const storyId = await storyIdOf(alpha.title);
    const page = await browser.newPage();
    try {
      await signIn(page);
      expect((await page.goto(`${origin}/console/stories/${storyId}`))?.status()).toBe(200);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
