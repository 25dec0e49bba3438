import { getItem, listItems } from '@regwatch/db';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeItem } from '../src/index.ts';
import { addSource, makeItem } from './factories.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('storeitem');
  await addSource(test.database.db);
  await addSource(test.database.db, { id: 'wire', name: 'Wire', kind: 'press', jurisdictions: [] });
});
afterAll(() => test.drop());

async function count(table: 'items' | 'entries' | 'stories'): Promise<number> {
  const result = await test.database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return result.rows[0]?.n ?? -1;
}

describe('storeItem', () => {
  it('inserts a new item with its own story and the given jurisdictions', async () => {
    const item = makeItem({
      guid: 'n-1',
      link: 'https://example.org/n/1',
      title: 'Notice one',
      published: '2026-10-01',
    });
    const result = await storeItem(test.database.db, item, { jurisdictions: ['GB'] });
    expect(result.outcome).toBe('inserted');
    expect(result.storyId).not.toBeNull();
    const view = await getItem(test.database.db, result.itemId);
    expect(view).toMatchObject({
      title: 'Notice one',
      url: 'https://example.org/n/1',
      source: { id: 'example', name: 'Example regulator', kind: 'regulator' },
      publishedAt: '2026-10-01T00:00:00.000Z',
      jurisdictions: ['GB'],
      storyId: result.storyId,
    });
  });

  it('does nothing when the same version is stored again', async () => {
    const item = makeItem({
      guid: 'n-1',
      link: 'https://example.org/n/1',
      title: 'Notice one',
      published: '2026-10-01',
    });
    const before = await Promise.all([count('items'), count('entries'), count('stories')]);
    const result = await storeItem(test.database.db, item, { jurisdictions: ['GB'] });
    expect(result.outcome).toBe('unchanged');
    expect(await Promise.all([count('items'), count('entries'), count('stories')])).toEqual(before);
  });

  it('updates the item and its story when the source edits the entry', async () => {
    const edited = makeItem({
      guid: 'n-1',
      link: 'https://example.org/n/1',
      title: 'Notice one (corrected)',
      published: '2026-10-01',
    });
    const result = await storeItem(test.database.db, edited, { jurisdictions: ['GB'] });
    expect(result.outcome).toBe('updated');
    expect((await getItem(test.database.db, result.itemId))?.title).toBe('Notice one (corrected)');
    const story = await test.database.db.execute<{ title: string }>(
      sql`select title from stories where id = ${result.storyId}`,
    );
    expect(story.rows[0]?.title).toBe('Notice one (corrected)');
  });

  it('records another source’s copy of the same URL as an alternate, not a second item', async () => {
    const original = await storeItem(
      test.database.db,
      makeItem({ guid: 'n-2', link: 'https://example.org/n/2', title: 'Notice two' }),
      { jurisdictions: [] },
    );
    const copy = makeItem(
      { guid: 'wire-77', link: 'https://www.example.org/n/2/?utm_source=wire', title: 'Wire: notice two' },
      'wire',
    );
    const result = await storeItem(test.database.db, copy, { jurisdictions: [] });
    expect(result).toMatchObject({ outcome: 'linked', itemId: original.itemId, storyId: original.storyId });
    const alternates = await test.database.db.execute<{ url: string }>(
      sql`select url from entries where item_id = ${original.itemId} order by first_seen_at`,
    );
    expect(alternates.rows.map((row) => row.url)).toEqual([
      'https://example.org/n/2',
      'https://www.example.org/n/2/?utm_source=wire',
    ]);
    // The alternate's later edits do not rewrite the original's text.
    await storeItem(
      test.database.db,
      { ...copy, title: 'Wire: edited', contentHash: 'f'.repeat(64) },
      { jurisdictions: [] },
    );
    expect((await getItem(test.database.db, original.itemId))?.title).toBe('Notice two');
  });

  it('keeps the first date when a later version has only an estimated one', async () => {
    const dated = makeItem({ guid: 'n-3', title: 'Dated', published: '2026-09-01' });
    const first = await storeItem(test.database.db, dated, { jurisdictions: [] });
    const undated = makeItem({ guid: 'n-3', title: 'Dated, retitled' });
    expect(undated.publishedFrom).toBe('first-seen');
    await storeItem(test.database.db, undated, { jurisdictions: [] });
    expect(await getItem(test.database.db, first.itemId)).toMatchObject({
      publishedAt: '2026-09-01T00:00:00.000Z',
      publishedPrecision: 'day',
      publishedFrom: 'entry',
    });
  });

  it('issue 11: stores a date known only to the year with its precision, and a later, finer date replaces it', async () => {
    const yearOnly = makeItem({ guid: 'AIAAIC9001', title: 'Register incident', published: '2025' });
    const first = await storeItem(test.database.db, yearOnly, { jurisdictions: [] });
    expect(await getItem(test.database.db, first.itemId)).toMatchObject({
      publishedAt: '2025-01-01T00:00:00.000Z',
      publishedPrecision: 'year',
      publishedFrom: 'entry',
    });
    const story = await test.database.db.execute<{ first: string; last: string }>(sql`
      select to_char(first_published_at at time zone 'UTC', 'YYYY-MM-DD') as first,
             to_char(last_published_at at time zone 'UTC', 'YYYY-MM-DD') as last
      from stories where id = ${first.storyId}::bigint`);
    expect(story.rows[0]).toEqual({ first: '2025-01-01', last: '2025-01-01' });

    const dayKnown = makeItem({ guid: 'AIAAIC9001', title: 'Register incident', published: '2025-03-04' });
    expect((await storeItem(test.database.db, dayKnown, { jurisdictions: [] })).outcome).toBe('updated');
    expect(await getItem(test.database.db, first.itemId)).toMatchObject({
      publishedAt: '2025-03-04T00:00:00.000Z',
      publishedPrecision: 'day',
    });
    // The story's span follows its item's real date.
    const refreshed = await test.database.db.execute<{ first: string }>(sql`
      select to_char(first_published_at at time zone 'UTC', 'YYYY-MM-DD') as first
      from stories where id = ${first.storyId}::bigint`);
    expect(refreshed.rows[0]?.first).toBe('2025-03-04');
  });

  it('stores one item when ten workers store the same new entry at once', async () => {
    const item = makeItem({ guid: 'race-1', link: 'https://example.org/race/1', title: 'Race' });
    const before = await count('items');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => storeItem(test.database.db, item, { jurisdictions: [] })),
    );
    expect(results.filter((result) => result.outcome === 'inserted')).toHaveLength(1);
    expect(new Set(results.map((result) => result.itemId)).size).toBe(1);
    expect(await count('items')).toBe(before + 1);
  });

  it('stores one item when two sources bring the same URL at once', async () => {
    const a = makeItem({ guid: 'a-9', link: 'https://example.org/same/9', title: 'Same' }, 'example');
    const b = makeItem({ guid: 'b-9', link: 'https://example.org/same/9?utm_medium=x', title: 'Same' }, 'wire');
    const before = await count('items');
    const results = await Promise.all([
      storeItem(test.database.db, a, { jurisdictions: [] }),
      storeItem(test.database.db, b, { jurisdictions: [] }),
    ]);
    expect(results.map((result) => result.outcome).sort()).toEqual(['inserted', 'linked']);
    expect(await count('items')).toBe(before + 1);
  });
});

describe('listItems', () => {
  it('pages newest first with no gap and no repeat, ties broken by id', async () => {
    // Twelve items, several sharing one timestamp, so the id tie-break matters.
    for (let n = 0; n < 12; n += 1) {
      const published = `2026-08-0${1 + (n % 3)}T00:00:00Z`;
      await storeItem(test.database.db, makeItem({ guid: `p-${n}`, title: `Page ${n}`, published }, 'wire'), {
        jurisdictions: [],
      });
    }
    const seen: string[] = [];
    let after: Awaited<ReturnType<typeof listItems>>['next'] | undefined;
    do {
      const page = await listItems(test.database.db, {
        limit: 5,
        after: after ?? undefined,
        filter: { sourceIds: ['wire'] },
      });
      seen.push(...page.items.map((item) => item.id));
      after = page.next;
    } while (after);
    const all = await listItems(test.database.db, { limit: 100, filter: { sourceIds: ['wire'] } });
    expect(seen).toEqual(all.items.map((item) => item.id));
    expect(new Set(seen).size).toBe(seen.length);
    const order = all.items.map((item) => [item.publishedAt, BigInt(item.id)] as const);
    for (let i = 1; i < order.length; i += 1) {
      const [prevAt, prevId] = order[i - 1] ?? ['', 0n];
      const [at, id] = order[i] ?? ['', 0n];
      expect(prevAt > at || (prevAt === at && prevId > id)).toBe(true);
    }
  });

  it('filters by source', async () => {
    const page = await listItems(test.database.db, { limit: 100, filter: { sourceIds: ['example'] } });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((item) => item.source.id === 'example')).toBe(true);
  });
});
