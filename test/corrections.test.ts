import { type AuditActor, applyCorrection, getSource, listAudit } from '@regwatch/db';
import { retagItems } from '@regwatch/ingest';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../services/api/test/build.ts';
import { type CorrectionsPipeline, type FeedEntry, startCorrectionsPipeline } from './support/corrections-pipeline.ts';

// Issue 14: an editor's corrections stick through re-ingest, `retag` and re-clustering. Every
// item comes through the real poll → queue → processing step; every check reads the API.
let pipeline: CorrectionsPipeline;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let editor: AuditActor;

beforeAll(async () => {
  pipeline = await startCorrectionsPipeline('corrections');
  for (const id of ['register', 'record', 'wire', 'daily']) await pipeline.addFeed(id, 'press', []);
  await pipeline.addFeed('ico', 'regulator', []);
  api = await buildTestApp(pipeline.test.database);
  const created = await pipeline.db.execute<{ id: string }>(
    sql`insert into editors (email, password_hash) values ('ed@example.org', 'x') returning id::text`,
  );
  editor = { kind: 'editor', editorId: created.rows[0]?.id ?? '', email: 'ed@example.org' };
});
afterAll(async () => {
  await api?.close();
  await pipeline?.close();
});

let serial = 0;
function entry(source: string, title: string, summary: string, published: string): FeedEntry {
  serial += 1;
  return { guid: `${source}-${serial}`, title, summary, link: `https://${source}.example/a/${serial}`, published };
}

interface ApiItem {
  id: string;
  title: string;
  storyId: string | null;
}
interface ApiStory {
  id: string;
  title: string;
  summary: string;
  platforms: string[];
  jurisdictions: string[];
  topics: string[];
  items: ApiItem[];
}

async function story(id: string): Promise<{ status: number; location?: string; body?: ApiStory }> {
  const response = await api.app.inject({ method: 'GET', url: `/v1/stories/${id}` });
  const location = response.headers.location;
  if (response.statusCode !== 200) {
    return { status: response.statusCode, ...(typeof location === 'string' ? { location } : {}) };
  }
  return { status: 200, body: response.json<ApiStory>() };
}

async function items(): Promise<ApiItem[]> {
  const response = await api.app.inject({ method: 'GET', url: '/v1/items?limit=100' });
  expect(response.statusCode).toBe(200);
  return response.json<{ data: ApiItem[] }>().data;
}

async function storyOfItem(itemId: string): Promise<string | null | undefined> {
  return (await items()).find((item) => item.id === itemId)?.storyId;
}

async function itemIdByTitle(title: string): Promise<string> {
  const found = (await items()).find((item) => item.title === title);
  if (!found) throw new Error(`no item titled ${title}`);
  return found.id;
}

describe('issue 14: corrections that stick', () => {
  it('a merge of two stories holds through a re-import and a changed feed; the absorbed id answers 301', async () => {
    const alpha = entry(
      'register',
      'Alpha Widgets recalls smart kettles',
      'Alpha Widgets recalls its smart kettles after a flaw let anyone nearby read owners’ home network details.',
      '2026-04-01T08:00:00Z',
    );
    const beta = entry(
      'record',
      'Beta Gadgets sued over doorbell cameras',
      'A class action says Beta Gadgets doorbell cameras sent neighbours’ faces to an analytics firm.',
      '2026-04-01T09:00:00Z',
    );
    pipeline.serve('register', [alpha]);
    pipeline.serve('record', [beta]);
    await pipeline.poll('register');
    await pipeline.poll('record');
    const a = await storyOfItem(await itemIdByTitle(alpha.title));
    const b = await storyOfItem(await itemIdByTitle(beta.title));
    expect(a).toBeTruthy();
    expect(b).toBeTruthy();
    expect(a).not.toBe(b);

    const merged = await applyCorrection(pipeline.db, editor, {
      kind: 'merge-stories',
      storyId: String(b),
      intoStoryId: String(a),
    });
    expect(merged.after).toMatchObject({ story: { id: a }, absorbed: b });

    // The same feeds read again, then one entry edited at its source.
    await pipeline.poll('register');
    await pipeline.poll('record');
    pipeline.serve('record', [{ ...beta, summary: `${beta.summary} The company denies it.` }]);
    await pipeline.poll('record');

    const survivor = await story(String(a));
    expect(survivor.body?.items.map((item) => item.title).sort()).toEqual([alpha.title, beta.title].sort());
    expect(await story(String(b))).toMatchObject({ status: 301 });
    expect((await story(String(b))).location).toContain(`/v1/stories/${a}`);
    const audit = await listAudit(pipeline.db, { subject: `story:${b}`, limit: 5 });
    expect(audit[0]).toMatchObject({ actor: 'editor:ed@example.org', action: 'story.merge' });
  });

  it('an item moved out into its own story stays there through re-polls, retag and a later item matching both', async () => {
    const a = entry(
      'register',
      'Kettleworks fined by ICO',
      'The Information Commissioner fined Kettleworks for its smart kettle app.',
      '2026-03-01T08:00:00Z',
    );
    const b = entry(
      'record',
      'Kettleworks app leak',
      'The Kettleworks smart kettle app leaked the home addresses of its users.',
      '2026-03-01T08:30:00Z',
    );
    const bridge = entry(
      'wire',
      'ICO fines Kettleworks after app leak',
      'The ICO fined Kettleworks after its smart kettle app leaked users’ home addresses.',
      '2026-03-01T12:00:00Z',
    );
    pipeline.serve('register', [a]);
    pipeline.serve('record', [b]);
    pipeline.serve('wire', [bridge]);
    await pipeline.poll('register');
    await pipeline.poll('record');
    await pipeline.poll('wire');
    const bId = await itemIdByTitle(b.title);
    const aId = await itemIdByTitle(a.title);
    const before = await storyOfItem(bId);

    const moved = await applyCorrection(pipeline.db, editor, { kind: 'move-item', itemId: bId });
    const own = (moved.after as { storyId: string }).storyId;
    expect(own).not.toBe(before);

    // A later article of the same event that matches both stories, the same feeds re-read, a retag.
    pipeline.serve('daily', [
      entry(
        'daily',
        'Kettleworks app leak brings ICO fine',
        'The ICO fined Kettleworks after the smart kettle app leak exposed users’ home addresses.',
        '2026-03-01T15:00:00Z',
      ),
    ]);
    await pipeline.poll('daily');
    for (const id of ['register', 'record', 'wire']) await pipeline.poll(id);
    await retagItems(pipeline.db);

    expect(await storyOfItem(bId)).toBe(own);
    expect(await storyOfItem(aId)).not.toBe(own);
    expect((await story(own)).body?.items.map((item) => item.id)).toEqual([bId]);
  });

  it('an item moved to another story stays there; new items still join the story it is in', async () => {
    const first = entry(
      'register',
      'Gamma Bank fined for cookie walls',
      'Gamma Bank was fined for cookie walls on its online banking pages.',
      '2026-05-04T08:00:00Z',
    );
    const other = entry(
      'record',
      'Delta Health loses patient records',
      'Delta Health lost thousands of patient records in a ransomware attack on its clinics.',
      '2026-05-04T09:00:00Z',
    );
    pipeline.serve('register', [first]);
    pipeline.serve('record', [other]);
    await pipeline.poll('register');
    await pipeline.poll('record');
    const otherId = await itemIdByTitle(other.title);
    const target = String(await storyOfItem(await itemIdByTitle(first.title)));
    await applyCorrection(pipeline.db, editor, { kind: 'move-item', itemId: otherId, toStoryId: target });

    pipeline.serve('wire', [
      entry(
        'wire',
        'Gamma Bank fined over cookie walls on banking site',
        'Gamma Bank was fined over the cookie walls on its online banking pages, the regulator said.',
        '2026-05-04T11:00:00Z',
      ),
    ]);
    await pipeline.poll('wire');
    await pipeline.poll('record');
    await retagItems(pipeline.db);
    expect(await storyOfItem(otherId)).toBe(target);
    expect((await story(target)).body?.items.length).toBe(3);
  });

  it('an editor’s tags hold through retag, a changed entry and a new item; the evidence names the editor', async () => {
    const press = entry(
      'register',
      'Ireland’s DPC hits TikTok with €530 million fine over data transfers to China',
      'The Data Protection Commission said TikTok failed to guarantee that European users’ data sent to China was protected.',
      '2025-05-02T08:00:00Z',
    );
    pipeline.serve('register', [press]);
    await pipeline.poll('register');
    const storyId = String(await storyOfItem(await itemIdByTitle(press.title)));
    const tagged = (await story(storyId)).body;
    expect(tagged?.platforms).toContain('tiktok');

    await applyCorrection(pipeline.db, editor, {
      kind: 'change-tag',
      storyId,
      dimension: 'platforms',
      tag: 'tiktok',
      change: 'remove',
    });
    await applyCorrection(pipeline.db, editor, {
      kind: 'change-tag',
      storyId,
      dimension: 'jurisdictions',
      tag: 'EEA',
      change: 'add',
    });

    await retagItems(pipeline.db);
    pipeline.serve('register', [{ ...press, summary: `${press.summary} TikTok will appeal.` }]);
    await pipeline.poll('register');
    pipeline.serve('ico', [
      entry(
        'ico',
        'DPC announces €530 million fine of TikTok',
        'The Data Protection Commission has fined TikTok Technology Limited €530 million over transfers of EEA users’ personal data to China.',
        '2025-05-02T10:00:00Z',
      ),
    ]);
    await pipeline.poll('ico');

    const after = (await story(storyId)).body;
    expect(after?.items.length).toBe(2);
    expect(after?.platforms).not.toContain('tiktok');
    expect(after?.jurisdictions).toContain('EEA');
    const evidence = await pipeline.db.execute<{ editor_tags: unknown }>(
      sql`select editor_tags from stories where id = ${storyId}::bigint`,
    );
    expect(evidence.rows[0]?.editor_tags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          dimension: 'platforms',
          id: 'tiktok',
          change: 'remove',
          editor: 'editor:ed@example.org',
        }),
      ]),
    );
  });

  it('an editor’s title and summary hold when items join and the primary changes', async () => {
    const press = entry(
      'record',
      'ICO fines 23andMe £2.31m over genetic data breach',
      'The Information Commissioner fined the genetic testing company after a 2023 cyber attack exposed the personal data of 155,592 UK users.',
      '2025-06-17T09:00:00Z',
    );
    pipeline.serve('record', [press]);
    await pipeline.poll('record');
    const storyId = String(await storyOfItem(await itemIdByTitle(press.title)));
    await applyCorrection(pipeline.db, editor, {
      kind: 'write-story-text',
      storyId,
      title: '23andMe fined £2.31m by the ICO',
      summary: 'The editor’s summary.',
    });

    // The regulator's own notice joins and becomes the primary item.
    pipeline.serve('ico', [
      entry(
        'ico',
        '23andMe fined £2.31 million for failing to protect UK users’ genetic data',
        'We have fined genetic testing company 23andMe £2.31 million after a 2023 cyber attack exposed the personal data of 155,592 UK users.',
        '2025-06-17T10:00:00Z',
      ),
    ]);
    await pipeline.poll('ico');
    await retagItems(pipeline.db);
    const after = (await story(storyId)).body;
    expect(after?.items.length).toBe(2);
    expect(after?.items[0]?.title).toContain('23andMe fined £2.31 million');
    expect(after).toMatchObject({ title: '23andMe fined £2.31m by the ICO', summary: 'The editor’s summary.' });
  });

  it('a story whose text an editor wrote is never absorbed by an automatic merge: its id keeps the editor’s text', async () => {
    const a = entry('register', 'Brewmatic fined by ICO', '', '2026-08-01T08:00:00Z');
    const b = entry('record', 'Brewmatic app leak', '', '2026-08-01T08:30:00Z');
    pipeline.serve('register', [a]);
    pipeline.serve('record', [b]);
    await pipeline.poll('register');
    await pipeline.poll('record');
    const edited = String(await storyOfItem(await itemIdByTitle(b.title)));
    expect(await storyOfItem(await itemIdByTitle(a.title))).not.toBe(edited);
    await applyCorrection(pipeline.db, editor, {
      kind: 'write-story-text',
      storyId: edited,
      title: 'Brewmatic’s app leaked addresses',
      summary: 'Written by an editor.',
    });

    // An article of the same event that matches both stories.
    pipeline.serve('wire', [entry('wire', 'ICO fines Brewmatic after app leak', '', '2026-08-01T12:00:00Z')]);
    await pipeline.poll('wire');
    expect(await story(edited)).toMatchObject({
      status: 200,
      body: { id: edited, title: 'Brewmatic’s app leaked addresses', summary: 'Written by an editor.' },
    });
  });

  it('a taken-down item never comes back: same entry, same URL, same text, from a re-poll or another source', async () => {
    const gone = entry(
      'wire',
      'Omega Labs accused of selling location data',
      'A report says Omega Labs sold the precise location histories of millions of app users to brokers without consent.',
      '2026-06-10T08:00:00Z',
    );
    pipeline.serve('wire', [gone]);
    await pipeline.poll('wire');
    const itemId = await itemIdByTitle(gone.title);
    const storyId = String(await storyOfItem(itemId));
    await applyCorrection(pipeline.db, editor, { kind: 'take-down-item', itemId });

    // Re-poll; the entry edited at its source; a new guid with the same link; the same text elsewhere.
    await pipeline.poll('wire');
    pipeline.serve('wire', [
      { ...gone, summary: `${gone.summary} Omega Labs did not reply.` },
      { ...gone, guid: 'wire-again', title: 'Omega Labs sold location data, report says' },
    ]);
    await pipeline.poll('wire');
    pipeline.serve('daily', [{ ...gone, guid: 'daily-copy', link: 'https://daily.example/omega' }]);
    await pipeline.poll('daily');

    expect((await items()).filter((item) => item.title.includes('Omega Labs'))).toEqual([]);
    expect((await api.app.inject({ method: 'GET', url: `/v1/items/${itemId}` })).statusCode).toBe(404);
    expect((await story(storyId)).status).toBe(404);
    const listed = await api.app.inject({ method: 'GET', url: '/v1/stories?limit=100' });
    expect(listed.json<{ data: ApiStory[] }>().data.map((s) => s.id)).not.toContain(storyId);
    for (const url of ['/feeds/items.json', '/feeds/stories.rss']) {
      const feed = await api.app.inject({ method: 'GET', url });
      expect(feed.statusCode, url).toBe(200);
      expect(feed.body, url).not.toContain('Omega Labs');
    }
    const digest = await api.app.inject({
      method: 'GET',
      url: '/v1/digest?since=2026-06-08T00:00:00Z&until=2026-06-15T00:00:00Z',
    });
    expect(digest.statusCode).toBe(200);
    expect(digest.body).not.toContain('Omega Labs');
  });

  it('an entry marked not news leaves the newsfeed and is set aside, counted as filtered, when it comes back', async () => {
    const agenda = entry(
      'daily',
      'Board meeting of the privacy council, 12 June',
      'The privacy council meets on 12 June to discuss its budget and the minutes of its previous meeting.',
      '2026-06-11T08:00:00Z',
    );
    pipeline.serve('daily', [agenda]);
    await pipeline.poll('daily');
    const itemId = await itemIdByTitle(agenda.title);
    await applyCorrection(pipeline.db, editor, { kind: 'mark-not-news', itemId });
    expect((await items()).map((item) => item.id)).not.toContain(itemId);

    const again = await pipeline.poll('daily');
    expect(again).toMatchObject({ status: 'fetched', filtered: 1 });
    expect(again.status === 'fetched' ? again.dropped.map((drop) => drop.reason) : []).toEqual(['editor-not-news']);
    expect((await getSource(pipeline.db, 'daily'))?.lastFilteredCount).toBe(1);
    expect((await items()).map((item) => item.id)).not.toContain(itemId);
  });

  it('refuses a correction that is not well formed, with a one-line message', async () => {
    await expect(
      applyCorrection(pipeline.db, editor, { kind: 'merge-stories', storyId: 'x', intoStoryId: '1' }),
    ).rejects.toThrow(/not well formed/);
  });
});
