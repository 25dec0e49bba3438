import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStory, listStories } from '../src/index.ts';

// Query-level edge cases on bare story rows; services/api/test/stories.test.ts covers stories with items.
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('stories');
});
afterAll(() => test.drop());

async function story(title: string, at: string, mergedInto: string | null = null): Promise<string> {
  const created = await test.database.db.execute<{ id: string }>(sql`
    insert into stories (title, summary, first_published_at, last_published_at, merged_into_id)
    values (${title}, '', ${at}::timestamptz, ${at}::timestamptz, ${mergedInto}::bigint)
    returning id::text`);
  const id = created.rows[0]?.id;
  if (!id) throw new Error('story not created');
  return id;
}

describe('getStory', () => {
  it('follows merges to the survivor and says so; the survivor itself has no mergedInto', async () => {
    const survivor = await story('Survivor', '2026-04-01T00:00:00Z');
    const once = await story('Once', '2026-04-01T00:00:00Z', survivor);
    const twice = await story('Twice', '2026-04-01T00:00:00Z', once);
    const { db } = test.database;
    expect(await getStory(db, survivor)).toEqual({ story: expect.objectContaining({ id: survivor }) });
    for (const id of [once, twice]) {
      const found = await getStory(db, id);
      expect(found?.mergedInto).toBe(survivor);
      expect(found?.story).toEqual({
        id: survivor,
        title: 'Survivor',
        summary: '',
        firstPublishedAt: '2026-04-01T00:00:00.000Z',
        lastPublishedAt: '2026-04-01T00:00:00.000Z',
        platforms: [],
        jurisdictions: [],
        topics: [],
        items: [],
        itemCount: 0,
      });
    }
  });

  it('answers undefined for unknown, malformed and out-of-range ids', async () => {
    const { db } = test.database;
    for (const id of ['999999999', 'abc', '', '9223372036854775808', '9999999999999999999']) {
      expect(await getStory(db, id), id).toBeUndefined();
    }
  });

  it('refuses a merge cycle instead of looping', async () => {
    const a = await story('Cycle A', '2026-04-02T00:00:00Z');
    const b = await story('Cycle B', '2026-04-02T00:00:00Z', a);
    await test.database.db.execute(sql`update stories set merged_into_id = ${b}::bigint where id = ${a}::bigint`);
    await expect(getStory(test.database.db, a)).rejects.toThrow(/merge chain does not end/);
  });
});

describe('listStories', () => {
  it('lists only stories not merged away, by last activity then id, with an empty source list meaning all', async () => {
    const { db } = test.database;
    await story('Later', '2026-05-01T00:00:00Z');
    await story('Same time, higher id', '2026-05-01T00:00:00Z');
    const page = await listStories(db, { limit: 100, filter: { sourceIds: [] } });
    const expected = await db.execute<{ id: string }>(sql`
      select id::text from stories where merged_into_id is null order by last_published_at desc, id desc`);
    expect(page.stories.map((entry) => entry.id)).toEqual(expected.rows.map((row) => row.id));
    expect(page.stories.map((entry) => entry.title)).toEqual(['Same time, higher id', 'Later', 'Survivor']);
    expect(page.next).toBeNull();
    const first = await listStories(db, { limit: 1 });
    expect(first.stories).toHaveLength(1);
    expect(first.next).toEqual({ at: first.stories[0]?.lastPublishedAt, id: first.stories[0]?.id });
  });
});
