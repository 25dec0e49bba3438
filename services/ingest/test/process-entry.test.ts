import { normaliseEntry, type StoryFeatures, type StoryProfile } from '@regwatch/core';
import { insertSource } from '@regwatch/db';
import { createTestDatabase, type TestDatabase, testSource } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryFromJob, processEntry, retagItems, storeItem } from '../src/index.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('process-entry');
  await insertSource(test.database.db, testSource('press', { name: 'Press' }));
  await insertSource(test.database.db, testSource('ico', { kind: 'regulator', jurisdictions: ['GB'] }));
});
afterAll(() => test.drop());

function item(sourceId: string, guid: string, title: string, published = '2026-01-05T09:00:00Z') {
  const result = normaliseEntry(
    { guid, link: `https://${sourceId}.example/${guid}`, title, published },
    { sourceId, baseUrl: null, now: new Date('2026-11-01T00:00:00Z') },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.item;
}

interface StoredView {
  platforms: string[];
  jurisdictions: string[];
  features: StoryFeatures;
  keys: string[];
  storyPlatforms: string[];
  profile: StoryProfile;
}

async function stored(itemId: string): Promise<StoredView> {
  const rows = await test.database.db.execute<StoredView & Record<string, unknown>>(sql`
    select i.platforms, i.jurisdictions, i.story_features as features, s.platforms as "storyPlatforms",
      s.profile, array(select key from cluster_keys k where k.item_id = i.id order by key) as keys
    from items i join stories s on s.id = i.story_id where i.id = ${itemId}::bigint`);
  const row = rows.rows[0];
  if (!row) throw new Error(`item ${itemId} has no story`);
  return row;
}

describe('processEntry', () => {
  it('tags, plans, clusters and stores a fetched entry in one step, its source facts resolved once', async () => {
    const job = { item: item('ico', 'notice', 'ICO fines TikTok over children’s data'), jurisdictions: ['GB'] };
    // An older job without the source's kind: read once, from the sources table.
    const entry = await entryFromJob(test.database.db, job);
    expect(entry.source).toEqual({ kind: 'regulator', jurisdictions: ['GB'] });
    const result = await processEntry({ db: test.database.db }, entry);
    expect(result.outcome).toBe('inserted');
    const view = await stored(result.itemId);
    expect(view.platforms).toContain('tiktok');
    expect(view.jurisdictions).toContain('GB');
    // Story features carry the tags they were planned with.
    expect(view.features.platforms).toEqual(view.platforms.toSorted());
    expect(view.storyPlatforms).toEqual(view.platforms);
    expect((await processEntry({ db: test.database.db }, entry)).outcome).toBe('unchanged');
  });

  it('refuses, as permanent, a job whose source does not exist', async () => {
    const job = { item: item('gone', 'x', 'A notice from a deleted source'), jurisdictions: [] };
    await expect(entryFromJob(test.database.db, job)).rejects.toMatchObject({ code: 'not_found', permanent: true });
  });
});

describe('retag through processEntry', () => {
  it('refreshes a story’s features with the tags (a lexicon change), keeping their weights', async () => {
    // Stored untagged, as before tagging existed (or before a lexicon edit).
    const { itemId } = await storeItem(
      test.database.db,
      item('press', 'untagged', 'Meta fined by Ireland’s DPC over Instagram data'),
      { jurisdictions: [] },
    );
    const before = await stored(itemId);
    expect(before.features.platforms).toEqual([]);
    await retagItems(test.database.db, { sourceId: 'press' });
    const after = await stored(itemId);
    expect(after.platforms).toContain('instagram');
    expect(after.features.platforms).toEqual(after.platforms.toSorted());
    expect(after.features.jurisdictions).toEqual(after.jurisdictions.toSorted());
    expect(after.features.weights).toEqual(before.features.weights);
    expect(after.storyPlatforms).toEqual(after.platforms);
    expect(await retagItems(test.database.db, { sourceId: 'press' })).toMatchObject({ changed: 0 });
  });

  it('refreshes tags, features, keys and the story’s profile when an item’s text changed', async () => {
    const { itemId } = await storeItem(
      test.database.db,
      item('press', 'edited', 'Kettleworks fined over smart kettle leak', '2026-02-05T09:00:00Z'),
      { jurisdictions: [] },
    );
    const before = await stored(itemId);
    // The stored text corrected in place (an editor's fix): retag is what brings the rest along.
    await test.database.db.execute(
      sql`update items set title = 'TikTok fined by Ireland’s DPC over children’s data' where id = ${itemId}::bigint`,
    );
    const report = await retagItems(test.database.db, { sourceId: 'press' });
    expect(report.changed).toBe(1);
    const after = await stored(itemId);
    expect(after.platforms).toContain('tiktok');
    expect(after.storyPlatforms).toContain('tiktok');
    expect(after.features.terms).not.toEqual(before.features.terms);
    expect(after.features.terms).toContain('tiktok');
    expect(after.features.platforms).toContain('tiktok');
    expect(after.keys).not.toEqual(before.keys);
    expect(after.keys).toEqual(expect.arrayContaining(after.features.candidateKeys));
    expect(before.profile.terms).not.toContain('tiktok');
    expect(after.profile.terms).toContain('tiktok');
    expect(await retagItems(test.database.db, { sourceId: 'press' })).toMatchObject({ changed: 0 });
  });
});
