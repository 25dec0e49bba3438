import { insertSource } from '@regwatch/db';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

// Issue 11: a story must never embed an unbounded number of items in one response (5,000 items of
// one source made one 4 MB story). Lists, the digest and the stories feed embed the first 5 (10 until issue 16),
// /v1/stories/:id the first 100; `itemCount` says how many there are and `itemsUrl` pages them all.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let big: string;
let absorbed: string;
const itemCount = 130;

beforeAll(async () => {
  test = await createTestDatabase('storyitems');
  const { db } = test.database;
  await insertSource(db, {
    id: 'wire',
    name: 'Wire',
    kind: 'press',
    url: 'https://wire.example/feed',
    jurisdictions: [],
    pollIntervalSeconds: 900,
  });
  // One item a minute, every third one sharing its time with the one before (ties broken by id).
  await db.execute(sql`
    insert into items (source_id, dedup_key, guid, url, canonical_url, title, summary, content, published_at, content_hash)
    select 'wire', 'k' || n, 'g' || n, 'https://wire.example/' || n, 'wire.example/' || n, 'Item ' || n, '', '',
      timestamptz '2026-06-01T00:00:00Z' + ((n - n / 3) * interval '1 minute'), 'h' || n
    from generate_series(1, ${itemCount}) as n`);
  const created = await db.execute<{ id: string }>(sql`
    insert into stories (title, summary, primary_item_id, item_count, first_published_at, last_published_at)
    select 'Item 70', '', (select id from items where guid = 'g70'), count(*), min(published_at), max(published_at)
    from items
    returning id::text`);
  big = created.rows[0]?.id ?? '';
  await db.execute(sql`update items set story_id = ${big}::bigint`);
  const merged = await db.execute<{ id: string }>(sql`
    insert into stories (title, summary, item_count, first_published_at, last_published_at, merged_into_id)
    values ('Absorbed', '', 0, '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z', ${big}::bigint)
    returning id::text`);
  absorbed = merged.rows[0]?.id ?? '';
  api = await buildTestApp(test.database);
});
afterAll(async () => {
  await api.close();
  await test.drop();
});

interface StoryBody {
  id: string;
  items: { id: string; title: string; publishedAt: string }[];
  itemCount: number;
  itemsUrl: string;
}

describe('issue 11: stories embed a bounded number of items', () => {
  it('embeds the primary and the first 4 others in /v1/stories and /v1/digest, with the count and the link', async () => {
    const listed = (await api.app.inject('/v1/stories')).json<{ data: StoryBody[] }>().data[0];
    const digest = (await api.app.inject('/v1/digest?since=2026-06-01&until=2026-06-02')).json<{ data: StoryBody[] }>()
      .data[0];
    for (const story of [listed, digest]) {
      expect(story?.items.map((item) => item.title)).toEqual([
        'Item 70',
        ...['1', '2', '3', '4'].map((n) => `Item ${n}`),
      ]);
      expect(story?.itemCount).toBe(itemCount);
      expect(story?.itemsUrl).toBe(`/v1/stories/${big}/items`);
    }
  });

  it('embeds the first 100 in /v1/stories/:id', async () => {
    const story = (await api.app.inject(`/v1/stories/${big}`)).json<StoryBody>();
    expect(story.items).toHaveLength(100);
    expect(story.itemCount).toBe(itemCount);
  });

  it('pages through every item at itemsUrl, oldest first, with no gap and no repeat', async () => {
    const seen: string[] = [];
    let url: string | null = `/v1/stories/${big}/items?limit=50`;
    let pages = 0;
    while (url) {
      const response: { statusCode: number; json(): unknown } = await api.app.inject(url);
      expect(response.statusCode).toBe(200);
      const page = response.json() as { data: { id: string }[]; nextCursor: string | null };
      seen.push(...page.data.map((item) => item.id));
      pages += 1;
      url = page.nextCursor ? `/v1/stories/${big}/items?limit=50&cursor=${page.nextCursor}` : null;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(itemCount);
    expect(new Set(seen).size).toBe(itemCount);
  });

  it('answers 301 to the survivor’s items for a merged id, 404 for an unknown one', async () => {
    const moved = await api.app.inject(`/v1/stories/${absorbed}/items`);
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(`/v1/stories/${big}/items`);
    expect((await api.app.inject('/v1/stories/999999/items')).statusCode).toBe(404);
  });

  it('lists 5 outlets in a stories feed entry and says how many more there are', async () => {
    const feed = (await api.app.inject('/feeds/stories.json')).json<{ items: { content_html: string }[] }>();
    const html = feed.items[0]?.content_html ?? '';
    expect(html.match(/<li>/g)).toHaveLength(6);
    expect(html).toContain(`<li>and ${itemCount - 5} more</li>`);
  });
});
