import { type AuditRow, listAudit } from '@regwatch/db';
import { createPollQueue, createRedis } from '@regwatch/queue';
import { seriousAccessibilityViolations, testRedisUrl } from '@regwatch/testing';
import type { Queue } from 'bullmq';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../test/support/corrections-pipeline.ts';
import { type ConsoleInBrowser, signInThroughForm, startConsoleInBrowser } from './console-browser-fixtures.ts';
import { addTestEditor } from './console-fixtures.ts';

// Issue 14: every console action not covered by console-browser and corrections-browser, in
// Chromium through its form with JavaScript off, checked on the page the redirect leads to, on
// the public pages, and in the audit log; then axe on the pages those redirects show.
let served: ConsoleInBrowser;
let pollQueue: Queue;

const entry = (guid: string, title: string, summary: string, published: string): FeedEntry => ({
  guid,
  title,
  summary,
  link: `https://wire.example/${guid}`,
  published,
});
const tiktok = entry(
  'tiktok',
  'Ireland’s DPC hits TikTok with €530 million fine over data transfers to China',
  'The Data Protection Commission said TikTok failed to guarantee that European users’ data sent to China was protected.',
  '2025-05-02T08:00:00Z',
);
const agenda = entry(
  'agenda',
  'Board meeting of the privacy council, 12 June',
  'The privacy council meets on 12 June to discuss its budget and the minutes of its previous meeting.',
  '2026-06-11T08:00:00Z',
);
const linkedin = entry(
  'linkedin',
  'Dutch court orders LinkedIn to stop scraping-based recruiter profiles',
  'A court in Amsterdam told LinkedIn to stop building recruiter profiles of people who never signed up.',
  '2024-02-14T08:00:00Z',
);
// The axe walk's own items, so its corrections leave the others' alone.
const kettle = entry(
  'kettle',
  'Alpha Widgets recalls smart kettles that leaked home network details',
  'Alpha Widgets recalls its smart kettles after a flaw let anyone nearby read owners’ home network details.',
  '2023-03-01T08:00:00Z',
);
const doorbell = entry(
  'doorbell',
  'Beta Gadgets sued over doorbell cameras sending faces to an analytics firm',
  'A class action says Beta Gadgets doorbell cameras sent neighbours’ faces to an analytics firm.',
  '2022-09-01T08:00:00Z',
);

beforeAll(async () => {
  served = await startConsoleInBrowser('consoleactions', async (pipeline) => {
    await pipeline.addFeed('wire', 'press', [tiktok, agenda, linkedin, kettle, doorbell]);
    await pipeline.poll('wire');
  });
  // Sign-out ends every session of its editor: a second one keeps the others' contexts signed in.
  await addTestEditor(served.pipeline.db, 'out@example.org');
  // The app's own poll queue (its prefix): what "Poll now" added is read back from Redis.
  pollQueue = createPollQueue({
    connection: createRedis(testRedisUrl, 'client'),
    prefix: served.api.config.QUEUE_PREFIX,
  });
});
afterAll(async () => {
  await pollQueue?.close();
  await served?.close();
});

/** A context with JavaScript off (the forms must work without it) or on (axe needs it). */
async function withContext<T>(javaScriptEnabled: boolean, use: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await served.browser.newContext({ javaScriptEnabled });
  try {
    return await use(context);
  } finally {
    await context.close();
  }
}

async function signedIn(context: BrowserContext, path: string, email?: string): Promise<Page> {
  const page = await signInThroughForm(await context.newPage(), served.origin, {
    path,
    ...(email ? { email } : {}),
  });
  expect(new URL(page.url()).pathname).toBe(path);
  return page;
}

/** Submits a form by its button and waits for the page its redirect (or refusal) shows. */
async function submit(page: Page, button: Locator): Promise<Page> {
  await Promise.all([page.waitForEvent('load'), button.click()]);
  return page;
}

/** A public page as an anonymous reader sees it: a context of its own, so nothing is cached. */
async function publicText(path: string, selector = 'main'): Promise<string> {
  return withContext(false, async (context) => {
    const page = await context.newPage();
    expect((await page.goto(`${served.origin}${path}`))?.status(), path).toBe(200);
    return page.locator(selector).innerText();
  });
}

async function item(title: string): Promise<{ id: string; storyId: string }> {
  const response = await served.api.app.inject({ method: 'GET', url: '/v1/items?limit=100' });
  const found = response
    .json<{ data: { id: string; title: string; storyId: string }[] }>()
    .data.find((one) => one.title === title);
  if (!found) throw new Error(`no item ${title}`);
  return found;
}

/** The newest audit rows, sign-ins left out (each test signs in). */
async function latestActions(limit: number): Promise<AuditRow[]> {
  const rows = await listAudit(served.pipeline.db, { limit: 200 });
  return rows.filter((row) => row.action !== 'editor.sign-in').slice(0, limit);
}

const status = (page: Page) => page.getByRole('status').innerText();
const storyPath = (id: string) => `/console/stories/${id}`;
const itemRow = (page: Page, title: string) => page.locator('li.story', { hasText: title });

describe('issue 14: the console’s source actions in Chromium, JavaScript off', () => {
  it('shows every problem of a bad source at once, then adds a good one through the form', async () => {
    await withContext(false, async (context) => {
      const page = await signedIn(context, '/console/sources');
      await page.getByLabel('Id', { exact: true }).fill('Bad Id');
      await page.getByLabel('Feed URL').fill('ftp://x');
      await page.getByLabel('Jurisdictions').fill('UK');
      await page.getByLabel('Format').fill('xml');
      await submit(page, page.getByRole('button', { name: 'Add the source' }));
      const problems = await page.getByRole('alert').locator('li').allInnerTexts();
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toContain('id "Bad Id" must be a lower-case slug');
      expect(problems.join('\n')).toContain('url "ftp://x" must be an http or https URL');
      expect(problems.join('\n')).toContain('jurisdiction');
      expect(problems.join('\n')).toContain('format must be one of');
      // What was typed is still there to correct.
      expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe('Bad Id');

      await page.getByLabel('Id', { exact: true }).fill('cnil');
      await page.getByLabel('Feed URL').fill('https://cnil.example/rss.xml');
      await page.getByLabel('Name').fill('CNIL');
      await page.getByLabel('Kind').selectOption('regulator');
      await page.getByLabel('Jurisdictions').fill('FR, EU');
      await page.getByLabel('Format').fill('');
      await submit(page, page.getByRole('button', { name: 'Add the source' }));
      expect(new URL(page.url()).pathname).toBe('/console/sources');
      expect(await status(page)).toContain('Added CNIL');
      expect(await page.locator('#source-cnil').innerText()).toContain('cnil · regulator');
    });
    const [added] = await latestActions(1);
    expect(added).toMatchObject({
      actor: 'editor:ed@example.org',
      action: 'source.add',
      subject: 'source:cnil',
      after: { id: 'cnil', name: 'CNIL', jurisdictions: ['FR', 'EU'] },
    });
    expect(await publicText('/sources')).toContain('CNIL');
  });

  it('polls a source now: the job is in the poll queue', async () => {
    await withContext(false, async (context) => {
      const page = await signedIn(context, '/console/sources');
      await submit(page, page.getByRole('button', { name: 'Poll now: Source wire' }));
      expect(await status(page)).toContain('Poll of Source wire queued.');
    });
    expect((await pollQueue.getJob('poll-now-wire'))?.data).toEqual({ sourceId: 'wire', force: true });
    expect((await latestActions(1))[0]).toMatchObject({ action: 'source.poll', subject: 'source:wire' });
  });

  it('signs out: the console then sends you to the sign-in', async () => {
    await withContext(false, async (context) => {
      const page = await signedIn(context, '/console/sources', 'out@example.org');
      await submit(page, page.getByRole('button', { name: 'Sign out' }));
      expect(new URL(page.url()).pathname).toBe('/console/login');
      await page.goto(`${served.origin}/console/sources`);
      expect(new URL(page.url()).pathname).toBe('/console/login');
      expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    });
    expect((await latestActions(1))[0]).toMatchObject({ actor: 'editor:out@example.org', action: 'editor.sign-out' });
  });
});

describe('issue 14: the console’s story actions in Chromium, JavaScript off', () => {
  it('moves an item into another story; the public story page lists it there', async () => {
    const moved = await item(linkedin.title);
    const target = await item(tiktok.title);
    expect(moved.storyId).not.toBe(target.storyId);
    await withContext(false, async (context) => {
      const page = await signedIn(context, storyPath(moved.storyId));
      const row = itemRow(page, linkedin.title);
      await row.getByLabel('Move to story (its id)').fill(target.storyId);
      await submit(page, row.getByRole('button', { name: 'Move', exact: true }));
      expect(new URL(page.url()).pathname).toBe(storyPath(target.storyId));
      expect(await status(page)).toContain(`Item ${moved.id} moved here.`);
      expect(await page.locator('main').innerText()).toContain(linkedin.title);
    });
    expect(await publicText(`/stories/${target.storyId}`)).toContain(linkedin.title);
    expect((await latestActions(1))[0]).toMatchObject({
      action: 'item.move',
      subject: `item:${moved.id}`,
      after: { storyId: target.storyId },
    });
  });

  it('moves an item out into a story of its own', async () => {
    const moved = await item(linkedin.title);
    const from = moved.storyId;
    let ownStory = '';
    await withContext(false, async (context) => {
      const page = await signedIn(context, storyPath(from));
      await submit(
        page,
        itemRow(page, linkedin.title).getByRole('button', { name: 'Move out into a story of its own' }),
      );
      ownStory = new URL(page.url()).pathname.replace('/console/stories/', '');
      expect(ownStory).toMatch(/^[0-9]+$/);
      expect(ownStory).not.toBe(from);
      expect(await status(page)).toContain(`Item ${moved.id} moved here.`);
    });
    expect(await publicText(`/stories/${ownStory}`)).toContain(linkedin.title);
    expect(await publicText(`/stories/${from}`)).not.toContain(linkedin.title);
    expect((await latestActions(1))[0]).toMatchObject({ action: 'item.move', after: { storyId: ownStory } });
  });

  it('adds a tag and removes it; the public story page shows it, as an editor’s, then not', async () => {
    const { storyId } = await item(tiktok.title);
    // France: a tag the taggers did not give this Irish story.
    expect(await publicText(`/stories/${storyId}`, 'ul.tags')).not.toContain('France');
    await withContext(false, async (context) => {
      const page = await signedIn(context, storyPath(storyId));
      await page.getByLabel('Kind of tag').selectOption('jurisdictions');
      await page.getByLabel('Tag', { exact: true }).fill('FR');
      await submit(page, page.getByRole('button', { name: 'Add tag' }));
      expect(await status(page)).toContain('Tag FR added.');
      expect(await page.locator('main').innerText()).toContain('FR: added by ed@example.org');
    });
    expect(await publicText(`/stories/${storyId}`, 'ul.tags')).toContain('France');
    const evidence = await publicText(`/stories/${storyId}`, 'section[aria-labelledby=tags-heading]');
    expect(evidence).toMatch(/\(FR\)\s+Added by an editor on \d{1,2} [A-Z][a-z]{2} \d{4}/);
    expect(evidence).not.toContain('ed@example.org');
    expect((await latestActions(1))[0]).toMatchObject({
      action: 'story.tag',
      subject: `story:${storyId}`,
      after: { jurisdictions: expect.arrayContaining(['FR']) },
    });

    await withContext(false, async (context) => {
      const page = await signedIn(context, storyPath(storyId));
      await submit(page, page.getByRole('button', { name: 'Remove FR' }));
      expect(await status(page)).toContain('Tag FR removed.');
    });
    expect(await publicText(`/stories/${storyId}`, 'ul.tags')).not.toContain('France');
    expect(await publicText(`/stories/${storyId}`)).not.toContain('(FR)');
    expect((await latestActions(1))[0]).toMatchObject({
      action: 'story.tag',
      subject: `story:${storyId}`,
      after: { jurisdictions: expect.not.arrayContaining(['FR']) },
    });
  });

  it('writes a story’s title and summary; the newsfeed and the story page show them', async () => {
    const { storyId } = await item(tiktok.title);
    const title = 'TikTok fined €530m over transfers of European users’ data to China';
    const summary = 'The editor’s summary: the DPC’s largest fine after Meta’s.';
    await withContext(false, async (context) => {
      const page = await signedIn(context, storyPath(storyId));
      await page.getByLabel('Title', { exact: true }).fill(title);
      await page.getByLabel('Summary', { exact: true }).fill(summary);
      await submit(page, page.getByRole('button', { name: 'Save title and summary' }));
      expect(await status(page)).toContain('Title and summary saved.');
      expect(await page.locator('h1').innerText()).toBe(title);
    });
    expect(await publicText('/')).toContain(title);
    expect(await publicText(`/stories/${storyId}`, 'h1')).toBe(title);
    expect(await publicText(`/stories/${storyId}`)).toContain(summary);
    expect((await latestActions(1))[0]).toMatchObject({ action: 'story.text', after: { title, summary } });
  });

  it('marks an entry not news: it leaves the public newsfeed', async () => {
    const marked = await item(agenda.title);
    expect(await publicText('/')).toContain(agenda.title);
    await withContext(false, async (context) => {
      const page = await signedIn(context, storyPath(marked.storyId));
      await submit(page, itemRow(page, agenda.title).getByRole('button', { name: 'Mark not news' }));
      // Its story had no other item: the list of stories then.
      expect(new URL(page.url()).pathname).toBe('/console/stories');
      expect(await status(page)).toContain(`Item ${marked.id} marked not news`);
    });
    expect(await publicText('/')).not.toContain(agenda.title);
    expect((await latestActions(1))[0]).toMatchObject({ action: 'item.not-news', subject: `item:${marked.id}` });
  });

  it('lists what was done on the audit page, newest first', async () => {
    const whats = await withContext(false, async (context) => {
      const page = await signedIn(context, '/console/audit');
      return page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    });
    expect(whats.filter((what) => what !== 'editor.sign-in')).toEqual([
      'item.not-news',
      'story.text',
      'story.tag',
      'story.tag',
      'item.move',
      'item.move',
      'editor.sign-out',
      'source.poll',
      'source.add',
    ]);
  });
});

describe('issue 14: no serious accessibility violation on the console’s pages after its actions', () => {
  it('passes axe on the list of stories and after each redirect with a message', async () => {
    const kettleItem = await item(kettle.title);
    const doorbellItem = await item(doorbell.title);
    await withContext(true, async (context) => {
      const page = await signedIn(context, '/console/stories');
      const checked: string[] = [];
      // After an action the page shows its message (a status, or the alert of a refusal): axe checks it too.
      const expectNoViolation = async (after: string, withMessage = true) => {
        checked.push(after);
        if (withMessage) expect(await page.locator('[role=status], [role=alert]').count(), after).toBe(1);
        expect(await seriousAccessibilityViolations(page), after).toEqual([]);
      };
      await expectNoViolation('the list of stories', false);

      await page.goto(`${served.origin}/console/sources`);
      await page.getByLabel('Id', { exact: true }).fill('Bad Id');
      await page.getByLabel('Feed URL').fill('ftp://x');
      await submit(page, page.getByRole('button', { name: 'Add the source' }));
      expect(await page.getByRole('alert').count()).toBe(1);
      await expectNoViolation('a refused source');
      await page.getByLabel('Id', { exact: true }).fill('edpb');
      await page.getByLabel('Feed URL').fill('https://edpb.example/rss.xml');
      await submit(page, page.getByRole('button', { name: 'Add the source' }));
      await expectNoViolation('a source added');
      await submit(page, page.getByRole('button', { name: 'Poll now: Source wire' }));
      await expectNoViolation('a poll queued');

      await page.goto(`${served.origin}${storyPath(kettleItem.storyId)}`);
      await page.getByLabel('Kind of tag').selectOption('topics');
      await page.getByLabel('Tag', { exact: true }).fill('recall');
      await submit(page, page.getByRole('button', { name: 'Add tag' }));
      await expectNoViolation('a tag added');
      await submit(page, page.getByRole('button', { name: 'Remove recall' }));
      await expectNoViolation('a tag removed');
      await page.getByLabel('Title', { exact: true }).fill('Smart kettles recalled');
      await submit(page, page.getByRole('button', { name: 'Save title and summary' }));
      await expectNoViolation('title and summary saved');
      await page.getByLabel('Story to merge into this one (its id)').fill('999999');
      await submit(page, page.getByRole('button', { name: 'Merge' }));
      expect(await status(page)).toContain('Story 999999 does not exist.');
      await expectNoViolation('a refused merge');
      const row = itemRow(page, kettle.title);
      await row.getByLabel('Move to story (its id)').fill(doorbellItem.storyId);
      await submit(page, row.getByRole('button', { name: 'Move', exact: true }));
      await expectNoViolation('an item moved');
      await submit(page, itemRow(page, kettle.title).getByRole('button', { name: 'Move out into a story of its own' }));
      await expectNoViolation('an item moved out');
      await submit(page, itemRow(page, kettle.title).getByRole('button', { name: 'Take down' }));
      await expectNoViolation('an item taken down');
      await page.goto(`${served.origin}${storyPath(doorbellItem.storyId)}`);
      await submit(page, itemRow(page, doorbell.title).getByRole('button', { name: 'Mark not news' }));
      expect(new URL(page.url()).pathname).toBe('/console/stories');
      await expectNoViolation('an item marked not news');
      expect(checked).toHaveLength(12);
    });
  });
});
