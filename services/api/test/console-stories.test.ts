import { listAudit } from '@regwatch/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CorrectionsPipeline,
  type FeedEntry,
  startCorrectionsPipeline,
} from '../../../test/support/corrections-pipeline.ts';
import { buildTestApp } from './build.ts';
import { addTestEditor, consoleClient, testConsoleSecret } from './console-fixtures.ts';

// Issue 14: every correction form of the console's story page, its CSRF refusal and its audit row.
let pipeline: CorrectionsPipeline;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let client: ReturnType<typeof consoleClient>;

const entry = (guid: string, title: string, summary: string, published: string): FeedEntry => ({
  guid,
  title,
  summary,
  link: `https://wire.example/${guid}`,
  published,
});

beforeAll(async () => {
  pipeline = await startCorrectionsPipeline('consolestories');
  await pipeline.addFeed('wire', 'press', [
    entry(
      'tiktok',
      'Ireland’s DPC hits TikTok with €530 million fine over data transfers to China',
      'The Data Protection Commission said TikTok failed to guarantee that European users’ data sent to China was protected.',
      '2025-05-02T08:00:00Z',
    ),
    entry(
      'agenda',
      'Board meeting of the privacy council, 12 June',
      'The privacy council meets on 12 June to discuss its budget and the minutes of its previous meeting.',
      '2026-06-11T08:00:00Z',
    ),
  ]);
  await pipeline.poll('wire');
  api = await buildTestApp(pipeline.test.database, {
    config: { CONSOLE_SECRET: testConsoleSecret, CONSOLE_LOGIN_RATE: 1_000 },
  });
  await addTestEditor(pipeline.db, 'ed@example.org');
  client = consoleClient(api.app);
  expect((await client.signIn('ed@example.org')).statusCode).toBe(303);
});
afterAll(async () => {
  await api?.close();
  await pipeline?.close();
});

async function item(title: string): Promise<{ id: string; storyId: string }> {
  const response = await api.app.inject({ method: 'GET', url: '/v1/items?limit=100' });
  const found = response
    .json<{ data: { id: string; title: string; storyId: string }[] }>()
    .data.find((one) => one.title.startsWith(title));
  if (!found) throw new Error(`no item ${title}`);
  return found;
}

async function publicStory(id: string) {
  return (await api.app.inject({ method: 'GET', url: `/v1/stories/${id}` })).json<{
    title: string;
    summary: string;
    platforms: string[];
    items: { id: string }[];
  }>();
}

describe('issue 14: the console story page’s forms', () => {
  it('shows the story with its items and tags to a signed-in editor, and sends others to sign in', async () => {
    const { storyId } = await item('Ireland’s DPC');
    const page = await client.get(`/console/stories/${storyId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('tiktok');
    expect(page.body).toContain('from its items (taggers)');
    expect((await consoleClient(api.app).get(`/console/stories/${storyId}`)).statusCode).toBe(303);
    expect((await client.get('/console/stories/999999')).statusCode).toBe(404);
  });

  it('refuses a correction without a valid CSRF token and changes nothing', async () => {
    const { storyId } = await item('Ireland’s DPC');
    const refused = await client.post(`/console/stories/${storyId}/text`, { title: 'Hacked', summary: 'x' });
    expect(refused.statusCode).toBe(403);
    expect((await publicStory(storyId)).title).not.toBe('Hacked');
  });

  it('writes the title and summary, removes and adds tags, each audited as the editor', async () => {
    const { storyId } = await item('Ireland’s DPC');
    const page = `/console/stories/${storyId}`;
    const saved = await client.submit(page, `${page}/text`, {
      title: 'TikTok fined €530m',
      summary: 'Editor’s words.',
    });
    expect(saved.statusCode).toBe(303);
    await client.submit(page, `${page}/tags`, { change: 'remove', dimension: 'platforms', tag: 'tiktok' });
    await client.submit(page, `${page}/tags`, { change: 'add', dimension: 'platforms', tag: 'bytedance' });
    const story = await publicStory(storyId);
    expect(story).toMatchObject({ title: 'TikTok fined €530m', summary: 'Editor’s words.' });
    expect(story.platforms).toContain('bytedance');
    expect(story.platforms).not.toContain('tiktok');
    const shown = await client.get(page);
    expect(shown.body).toContain('added by ed@example.org');
    const audit = await listAudit(pipeline.db, { subject: `story:${storyId}`, limit: 10 });
    expect(audit.map((row) => row.action).sort()).toEqual(['story.tag', 'story.tag', 'story.text']);
    expect(new Set(audit.map((row) => row.actor))).toEqual(new Set(['editor:ed@example.org']));
  });

  it('says in one line why a correction cannot apply', async () => {
    const { storyId } = await item('Ireland’s DPC');
    const page = `/console/stories/${storyId}`;
    const refused = await client.submit(page, `${page}/merge`, { other: '999999' });
    expect(refused.statusCode).toBe(303);
    const shown = await client.get(page);
    expect(shown.body).toContain('Story 999999 does not exist.');
  });

  it('moves an item out into its own story, and marks one not news', async () => {
    const agenda = await item('Board meeting');
    const tiktok = await item('Ireland’s DPC');
    const page = `/console/stories/${tiktok.storyId}`;
    const moved = await client.submit(page, `${page}/items/${tiktok.id}/move`, { to: agenda.storyId });
    expect(moved.headers.location).toBe(`/console/stories/${agenda.storyId}`);
    expect((await publicStory(agenda.storyId)).items.map((one) => one.id)).toContain(tiktok.id);
    const out = await client.submit(page, `/console/stories/${agenda.storyId}/items/${tiktok.id}/move`, {});
    expect(out.headers.location).not.toBe(`/console/stories/${agenda.storyId}`);
    const marked = await client.submit(
      `/console/stories/${agenda.storyId}`,
      `/console/stories/${agenda.storyId}/items/${agenda.id}/not-news`,
      {},
    );
    expect(marked.statusCode).toBe(303);
    const again = await pipeline.poll('wire');
    expect(again).toMatchObject({ status: 'fetched', filtered: 1 });
    const listed = await api.app.inject({ method: 'GET', url: '/v1/items?limit=100' });
    expect(listed.json<{ data: { id: string }[] }>().data.map((one) => one.id)).not.toContain(agenda.id);
  });
});
