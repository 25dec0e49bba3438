import { normaliseEntry, type SourceKind } from '@regwatch/core';
import { insertSource } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

// Issue 6: /v1/digest ranks a period's stories for a newsletter.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
const storyOf: Record<string, string> = {};

const sources: { id: string; kind: SourceKind; publisher?: string }[] = [
  { id: 'ico', kind: 'regulator' },
  { id: 'opc-en', kind: 'regulator', publisher: 'opc' },
  { id: 'opc-fr', kind: 'regulator', publisher: 'opc' },
  { id: 'register', kind: 'press' },
  { id: 'record', kind: 'press' },
  { id: 'iapp', kind: 'press' },
  { id: 'aiaaic', kind: 'incident-db' },
];

async function store(key: string, sourceId: string, title: string, published: string): Promise<string> {
  const result = normaliseEntry(
    { guid: key, link: `https://${sourceId}.example/${key}`, title, published },
    { sourceId, baseUrl: null, now: new Date('2026-11-01T00:00:00Z') },
  );
  if (!result.ok) throw new Error(result.reason);
  return (await storeItem(test.database.db, result.item, { jurisdictions: [] })).itemId;
}

/** Puts items in one story, whatever the clustering decided: the ranking is under test here. */
async function oneStory(name: string, itemIds: string[]) {
  const [first, ...rest] = itemIds;
  const story = await test.database.db.execute<{ story_id: string }>(
    sql`select story_id::text from items where id = ${first}::bigint`,
  );
  const storyId = story.rows[0]?.story_id ?? '';
  for (const id of rest) {
    const old = await test.database.db.execute<{ story_id: string }>(
      sql`select story_id::text from items where id = ${id}::bigint`,
    );
    if (old.rows[0]?.story_id === storyId) continue;
    await test.database.db.execute(sql`update items set story_id = ${storyId}::bigint where id = ${id}::bigint`);
    await test.database.db.execute(
      sql`update stories set merged_into_id = ${storyId}::bigint, item_count = 0 where id = ${old.rows[0]?.story_id}::bigint`,
    );
  }
  storyOf[name] = storyId;
}

beforeAll(async () => {
  test = await createTestDatabase('apidigest');
  for (const source of sources) {
    await insertSource(test.database.db, {
      ...source,
      name: source.id,
      url: `https://${source.id}.example/feed`,
      jurisdictions: [],
      pollIntervalSeconds: 900,
    });
  }
  // Three outlets on one event; two on another, one of them the regulator; one outlet alone.
  await oneStory('three', [
    await store('a1', 'register', 'Alpha Corp breach exposes millions', '2026-06-02T08:00:00Z'),
    await store('a2', 'record', 'Millions hit by Alpha Corp breach', '2026-06-02T09:00:00Z'),
    await store('a3', 'iapp', 'Alpha Corp confirms data breach', '2026-06-03T09:00:00Z'),
  ]);
  await oneStory('regulator', [
    await store('b1', 'ico', 'ICO reprimands Beta Ltd', '2026-06-04T08:00:00Z'),
    await store('b2', 'register', 'Beta Ltd gets ICO reprimand', '2026-06-04T10:00:00Z'),
  ]);
  await oneStory('press', [
    await store('c1', 'record', 'Gamma app leaks location data', '2026-06-05T08:00:00Z'),
    await store('c2', 'iapp', 'Gamma location leak', '2026-06-05T09:00:00Z'),
  ]);
  await oneStory('single', [await store('d1', 'iapp', 'Delta publishes transparency report', '2026-06-06T08:00:00Z')]);
  await oneStory('outside', [await store('e1', 'ico', 'Epsilon fined', '2026-07-20T08:00:00Z')]);
  // Dated only to a month and a year: 00:00 UTC of 1 June and 1 January, the start of their period.
  await oneStory('june', [await store('f1', 'aiaaic', 'Zeta chatbot incident', '2026-06')]);
  await oneStory('year', [await store('g1', 'aiaaic', 'Eta scoring incident', '2026')]);
  // September: one office's English and French notices; two outlets on one breach; a campaign day.
  await oneStory('bilingual', [
    await store('h1', 'opc-en', 'Commissioner releases findings on Theta Inc', '2026-09-02T08:00:00Z'),
    await store('h2', 'opc-fr', 'Le commissaire publie ses conclusions sur Theta Inc', '2026-09-02T08:00:00Z'),
  ]);
  await oneStory('two-outlets', [
    await store('i1', 'record', 'Iota breach exposes patients', '2026-09-03T08:00:00Z'),
    await store('i2', 'iapp', 'Iota confirms breach', '2026-09-03T09:00:00Z'),
  ]);
  await oneStory('campaign', [
    await store('j1', 'ico', 'Data Privacy Week: our tips', '2026-09-04T08:00:00Z'),
    await store('j2', 'register', 'Data Privacy Week is here', '2026-09-04T09:00:00Z'),
    await store('j3', 'record', 'Data Privacy Week, again', '2026-09-04T10:00:00Z'),
  ]);
  for (const id of Object.values(storyOf)) {
    await test.database.db.execute(sql`
      update stories st set item_count = (select count(*) from items where story_id = st.id),
        first_published_at = (select min(published_at) from items where story_id = st.id),
        last_published_at = (select max(published_at) from items where story_id = st.id)
      where st.id = ${id}::bigint`);
  }
  api = await buildTestApp(test.database);
});
afterAll(async () => {
  await api.close();
  await test.drop();
});

describe('GET /v1/digest', () => {
  it('ranks the period’s stories: most publishers, then a regulator’s notice as primary, then items', async () => {
    const response = await api.app.inject('/v1/digest?since=2026-06-01&until=2026-06-08');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.since).toBe('2026-06-01T00:00:00.000Z');
    expect(body.data.map((story: { id: string }) => story.id)).toEqual([
      storyOf.three,
      storyOf.regulator,
      storyOf.press,
      storyOf.single,
    ]);
    expect(body.data[0]).toMatchObject({ sourceCount: 3, periodItemCount: 3 });
    expect(body.data[1].items[0].source.kind).toBe('regulator');
  });

  it('counts only what was published in the period, takes the filters and a limit', async () => {
    const lateJune = (await api.app.inject('/v1/digest?since=2026-06-03&until=2026-06-05')).json();
    // Only a3 of the three-outlet story falls in it: the regulator's story (two sources) now leads.
    expect(lateJune.data.map((story: { id: string }) => story.id)).toEqual([storyOf.regulator, storyOf.three]);
    expect(lateJune.data[1]).toMatchObject({ sourceCount: 1, periodItemCount: 1 });
    const regulators = (await api.app.inject('/v1/digest?since=2026-06-01&until=2026-08-01&kind=regulator')).json();
    expect(regulators.data.map((story: { id: string }) => story.id)).toEqual([storyOf.regulator, storyOf.outside]);
    expect((await api.app.inject('/v1/digest?since=2026-06-01&until=2026-06-08&limit=1')).json().data).toHaveLength(1);
  });

  it('issue 11: counts an item dated only to a month or year only in a period holding that whole month or year', async () => {
    const week = (await api.app.inject('/v1/digest?since=2026-06-01&until=2026-06-08')).json();
    expect(week.data.map((story: { id: string }) => story.id)).not.toContain(storyOf.june);
    const june = (await api.app.inject('/v1/digest?since=2026-06-01&until=2026-07-01')).json();
    expect(june.data.map((story: { id: string }) => story.id)).toContain(storyOf.june);
    const winter = (await api.app.inject('/v1/digest?since=2025-12-01&until=2026-03-01')).json();
    expect(winter.data.map((story: { id: string }) => story.id)).not.toContain(storyOf.year);
  });

  it('issue 11: counts publishers, not feeds, and leaves outreach out unless asked, then ranks it last', async () => {
    const september = (await api.app.inject('/v1/digest?since=2026-09-01&until=2026-09-08')).json();
    expect(september.data.map((story: { id: string }) => story.id)).toEqual([
      storyOf['two-outlets'],
      storyOf.bilingual,
    ]);
    expect(september.outreachLeftOut).toBe(1);
    expect(september.data[0]).toMatchObject({ newsKind: 'news', publisherCount: 2 });
    expect(september.data[1]).toMatchObject({ publisherCount: 1, sourceCount: 2, periodItemCount: 2 });
    const withOutreach = (await api.app.inject('/v1/digest?since=2026-09-01&until=2026-09-08&outreach=true')).json();
    expect(withOutreach.data.map((story: { id: string }) => story.id)).toEqual([
      storyOf['two-outlets'],
      storyOf.bilingual,
      storyOf.campaign,
    ]);
    expect(withOutreach.data[2]).toMatchObject({ newsKind: 'outreach', publisherCount: 3 });
    expect(withOutreach.outreachLeftOut).toBe(0);
  });

  it('issue 16: defaults to the last complete ISO week in London, and takes week=2026-W23', async () => {
    const ids = (digest: { data: { id: string }[] }) => digest.data.map((story) => story.id);
    // Wednesday of 2026-W24: the last complete week is W23, Monday 00:00 BST (23:00 UTC Sunday) to Monday.
    const wednesday = await buildTestApp(test.database, { now: () => Date.parse('2026-06-10T12:00:00Z') });
    // Monday 2026-06-08 00:30 BST: W23 has just ended; 23:59 BST on the Sunday: it has not.
    const justAfter = await buildTestApp(test.database, { now: () => Date.parse('2026-06-07T23:30:00Z') });
    const justBefore = await buildTestApp(test.database, { now: () => Date.parse('2026-06-07T22:59:00Z') });
    try {
      const last = (await wednesday.app.inject('/v1/digest')).json();
      expect([last.since, last.until]).toEqual(['2026-05-31T23:00:00.000Z', '2026-06-07T23:00:00.000Z']);
      expect(ids(last)).toEqual([storyOf.three, storyOf.regulator, storyOf.press, storyOf.single]);
      expect((await wednesday.app.inject('/v1/digest?week=2026-W23')).json()).toEqual(last);
      const byDates = (await api.app.inject(`/v1/digest?since=${last.since}&until=${last.until}`)).json();
      expect(byDates).toEqual(last);
      expect((await justAfter.app.inject('/v1/digest')).json().since).toBe('2026-05-31T23:00:00.000Z');
      expect((await justBefore.app.inject('/v1/digest')).json().since).toBe('2026-05-24T23:00:00.000Z');
      // The filters and the limit still apply to a week.
      const regulators = (await api.app.inject('/v1/digest?week=2026-W23&kind=regulator&limit=1')).json();
      expect(ids(regulators)).toEqual([storyOf.regulator]);
    } finally {
      await Promise.all([wednesday.close(), justAfter.close(), justBefore.close()]);
    }
  });

  it('issue 16: refuses a week with dates, or half a period, in one line', async () => {
    for (const [query, message] of [
      ['week=2026-W23&until=2026-06-08', 'query parameter "week" cannot be combined with "since" or "until"'],
      ['until=2026-06-08', 'query parameter "since" is missing: a period needs both "since" and "until"'],
      ['week=2026-W54', 'query parameter "week" must be an ISO week that exists, such as 2024-W38'],
    ]) {
      const response = await api.app.inject(`/v1/digest?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.message, query).toContain(message);
    }
  });

  it('needs a period of at most 92 days, named in the 400', async () => {
    for (const [query, parameter] of [
      ['until=2026-06-08', 'since'],
      ['since=2026-06-01', 'until'],
      ['since=2026-01-01&until=2026-06-08', 'until'],
      ['since=2026-06-08&until=2026-06-01', 'until'],
    ]) {
      const response = await api.app.inject(`/v1/digest?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.message, query).toContain(`"${parameter}"`);
    }
  });
});
