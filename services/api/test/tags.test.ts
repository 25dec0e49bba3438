import { normaliseEntry, type SourceKind, tagItem } from '@regwatch/core';
import { insertSource } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

// Issue 5: tags given by the real taggers, stored, rolled up per story, filtered and counted.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
const ids: Record<string, string> = {};

const sources: { id: string; kind: SourceKind; jurisdictions: string[] }[] = [
  { id: 'dpc', kind: 'regulator', jurisdictions: ['IE'] },
  { id: 'cnil', kind: 'regulator', jurisdictions: ['FR'] },
  { id: 'edpb', kind: 'regulator', jurisdictions: ['EU'] },
  { id: 'press', kind: 'press', jurisdictions: [] },
];

async function store(key: string, sourceId: string, title: string, summary: string, published: string) {
  const source = sources.find((candidate) => candidate.id === sourceId);
  if (!source) throw new Error(sourceId);
  const result = normaliseEntry(
    { guid: key, link: `https://${sourceId}.example/${key}`, title, summary, published },
    { sourceId, baseUrl: null, now: new Date('2026-11-01T00:00:00Z') },
  );
  if (!result.ok) throw new Error(result.reason);
  const tags = tagItem({
    title: result.item.title,
    summary: result.item.summary,
    content: result.item.content,
    sourceJurisdictions: source.jurisdictions,
    sourceKind: source.kind,
  });
  const stored = await storeItem(test.database.db, result.item, { jurisdictions: source.jurisdictions, tags });
  ids[key] = stored.itemId;
}

beforeAll(async () => {
  test = await createTestDatabase('apitags');
  for (const source of sources) {
    await insertSource(test.database.db, {
      ...source,
      name: source.id,
      url: `https://${source.id}.example/feed`,
      pollIntervalSeconds: 900,
    });
  }
  await store(
    'linkedin',
    'dpc',
    'DPC fines Microsoft-owned LinkedIn €310 million over behavioural advertising',
    'The Data Protection Commission found that LinkedIn processed members’ data for targeted ads without a valid legal basis.',
    '2026-03-02T09:00:00Z',
  );
  await store(
    'google',
    'cnil',
    'La CNIL sanctionne Google pour des cookies publicitaires',
    'Google a déposé des cookies publicitaires sans le consentement des utilisateurs de Gmail.',
    '2026-03-10T09:00:00Z',
  );
  await store(
    'guidelines',
    'edpb',
    'EDPB adopts guidelines on pseudonymisation',
    'The guidelines clarify how pseudonymisation helps controllers meet their GDPR obligations.',
    '2026-03-20T09:00:00Z',
  );
  await store(
    'instagram',
    'press',
    'Instagram teen accounts face FTC scrutiny over children’s data',
    'The US Federal Trade Commission is examining how Meta’s Instagram handles data of users under 13.',
    '2026-03-25T09:00:00Z',
  );
  api = await buildTestApp(test.database);
});
afterAll(async () => {
  await api.close();
  await test.drop();
});

async function itemIds(query: string): Promise<string[]> {
  const response = await api.app.inject(`/v1/items?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { data: { id: string }[] }).data.map((item) => item.id).sort();
}

const named = (...keys: string[]) => keys.map((key) => ids[key]).sort();

describe('tags through the API', () => {
  it('stores what the taggers gave: platforms with their parents, jurisdictions, topics', async () => {
    const linkedin = (await api.app.inject(`/v1/items/${ids.linkedin}`)).json();
    expect(linkedin.platforms).toEqual(expect.arrayContaining(['linkedin', 'microsoft']));
    expect(linkedin.jurisdictions).toContain('IE');
    expect(
      linkedin.tagEvidence.platforms.find((tag: { id: string }) => tag.id === 'linkedin').evidence[0],
    ).toMatchObject({ field: 'title' });
    const instagram = (await api.app.inject(`/v1/items/${ids.instagram}`)).json();
    expect(instagram.platforms).toEqual(expect.arrayContaining(['instagram', 'meta']));
    expect(instagram.jurisdictions).toContain('US');
    expect(instagram.topics).toContain('children');
  });

  it('filters by platform, a parent including what it owns, several values meaning any', async () => {
    expect(await itemIds('platform=linkedin')).toEqual(named('linkedin'));
    expect(await itemIds('platform=microsoft')).toEqual(named('linkedin'));
    expect(await itemIds('platform=meta,google')).toEqual(named('google', 'instagram'));
  });

  it('matches a bloc’s member states only when asked to expand it', async () => {
    expect(await itemIds('jurisdiction=EU')).toEqual(named('guidelines'));
    expect(await itemIds('jurisdiction=EU&expand=true')).toEqual(named('google', 'guidelines', 'linkedin'));
    expect(await itemIds('jurisdiction=IE,US')).toEqual(named('instagram', 'linkedin'));
  });

  it('combines filters: all of them must hold', async () => {
    expect(await itemIds('jurisdiction=EU&expand=true&kind=regulator&since=2026-03-05')).toEqual(
      named('google', 'guidelines'),
    );
    expect(await itemIds('topic=children&platform=meta')).toEqual(named('instagram'));
    expect(await itemIds('topic=children&platform=google')).toEqual([]);
  });

  it('filters stories by their rolled-up tags', async () => {
    const response = await api.app.inject('/v1/stories?platform=microsoft');
    const stories = (response.json() as { data: { items: { id: string }[]; platforms: string[] }[] }).data;
    expect(stories.map((story) => story.items[0]?.id)).toEqual([ids.linkedin]);
    expect(stories[0]?.platforms).toEqual(expect.arrayContaining(['linkedin', 'microsoft']));
  });

  it('answers 400 naming the parameter for an unknown value', async () => {
    for (const [query, message] of [
      ['platform=myspacebook', 'query parameter "platform" names an unknown platform "myspacebook"'],
      ['jurisdiction=UK', 'query parameter "jurisdiction" "UK" is not an ISO 3166 code: use GB'],
      ['topic=gossip', 'query parameter "topic" names an unknown topic "gossip"'],
      ['expand=true', 'query parameter "expand" only applies with "jurisdiction"'],
      [
        'since=yesterday',
        'query parameter "since" must be a date such as 2024-09-13 or an instant with its offset such as 2024-09-13T08:00:00Z, not "yesterday"',
      ],
      ['kind=blog', 'query parameter "kind" names an unknown source kind "blog"'],
    ]) {
      for (const path of ['/v1/items', '/v1/stories']) {
        const response = await api.app.inject(`${path}?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.json()).toEqual({ error: { code: 'invalid_parameter', message } });
      }
    }
  });

  it('lists each catalog with names and item and story counts', async () => {
    const platforms = (await api.app.inject('/v1/platforms')).json().data as {
      id: string;
      parent: string | null;
      itemCount: number;
      storyCount: number;
    }[];
    expect(platforms.length).toBeGreaterThanOrEqual(200);
    expect(platforms.find((platform) => platform.id === 'linkedin')).toMatchObject({
      name: 'LinkedIn',
      parent: 'microsoft',
      itemCount: 1,
      storyCount: 1,
    });
    expect(platforms.find((platform) => platform.id === 'meta')).toMatchObject({ itemCount: 1 });

    const jurisdictions = (await api.app.inject('/v1/jurisdictions')).json().data as {
      code: string;
      members: string[];
      itemCount: number;
    }[];
    const eu = jurisdictions.find((jurisdiction) => jurisdiction.code === 'EU');
    expect(eu?.members).toEqual(expect.arrayContaining(['FR', 'IE']));
    expect(eu?.itemCount).toBe(1);
    expect(jurisdictions.find((jurisdiction) => jurisdiction.code === 'IE')?.itemCount).toBe(1);

    const topics = (await api.app.inject('/v1/topics')).json().data as { id: string; definition: string }[];
    expect(topics.length).toBeGreaterThanOrEqual(15);
    expect(topics.find((topic) => topic.id === 'children')?.definition).toMatch(/\w+/);
  });
});
