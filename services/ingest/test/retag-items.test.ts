import { normaliseEntry } from '@regwatch/core';
import { insertSource } from '@regwatch/db';
import { createTestDatabase, type TestDatabase, testSource } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retagItems, storeItem } from '../src/index.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('retag');
  await insertSource(test.database.db, testSource('press', { name: 'Press' }));
  const result = normaliseEntry(
    {
      guid: 'a',
      link: 'https://press.example/a',
      title: 'TikTok fined by Ireland’s DPC over children’s data',
      published: '2026-01-05T09:00:00Z',
    },
    { sourceId: 'press', baseUrl: null, now: new Date('2026-11-01T00:00:00Z') },
  );
  if (!result.ok) throw new Error(result.reason);
  // Stored without tags, as before tagging existed (or before a lexicon edit).
  await storeItem(test.database.db, result.item, { jurisdictions: [] });
});
afterAll(() => test.drop());

async function tags() {
  const rows = await test.database.db.execute<{ platforms: string[]; jurisdictions: string[]; story: string[] }>(sql`
    select i.platforms, i.jurisdictions, s.platforms as story from items i join stories s on s.id = i.story_id`);
  return rows.rows[0];
}

describe('retagItems', () => {
  it('tags stored items with the current lexicons, their stories too, and changes nothing on a second run', async () => {
    expect(await tags()).toEqual({ platforms: [], jurisdictions: [], story: [] });
    expect(await retagItems(test.database.db)).toEqual({ read: 1, changed: 1 });
    const after = await tags();
    expect(after?.platforms).toContain('tiktok');
    expect(after?.jurisdictions).toContain('IE');
    expect(after?.story).toEqual(after?.platforms);
    expect(await retagItems(test.database.db)).toEqual({ read: 1, changed: 0 });
  });
});
