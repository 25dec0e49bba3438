import { type FeedEntry, normaliseEntry } from '@regwatch/core';
import { type Db, insertSource, type NewSource } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { absorbedStory, seededWords } from './web-fixtures.ts';

// Stories are built by hand here: items go in through storeItem, then this file moves them
// into stories with SQL, so these tests do not depend on what the clustering decides.

let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let db: Db;

const sources: NewSource[] = [
  ['ico', 'ICO', 'regulator', ['GB']],
  ['cnil', 'CNIL', 'regulator', ['FR']],
  ['register', 'The Register', 'press', []],
  ['darkreading', 'Dark Reading', 'press', []],
].map(([id, name, kind, jurisdictions]) => ({
  id: id as string,
  name: name as string,
  kind: kind as NewSource['kind'],
  url: `https://${id}.example/feed`,
  jurisdictions: jurisdictions as string[],
  pollIntervalSeconds: 900,
}));

/** Stores one entry and answers the id of the item it made (or joined, with `expectLinked`). */
async function store(sourceId: string, entry: FeedEntry, expectLinked = false): Promise<string> {
  const normalised = normaliseEntry(entry, { sourceId, baseUrl: null, now: new Date('2026-11-01T00:00:00Z') });
  if (!normalised.ok) throw new Error(normalised.reason);
  const result = await storeItem(db, normalised.item, { jurisdictions: [] });
  expect(result.outcome, `${sourceId} ${entry.guid}`).toBe(expectLinked ? 'linked' : 'inserted');
  return result.itemId;
}

/** A story made of these items, its primary the one given (whatever the clustering would pick). */
async function makeStory(itemIds: string[], primaryId: string): Promise<string> {
  const ids = sql.raw(`array[${itemIds.map((id) => `${BigInt(id)}`).join(',')}]::bigint[]`);
  const created = await db.execute<{ id: string }>(sql`
    insert into stories (title, summary, primary_item_id, item_count, first_published_at, last_published_at,
                         platforms, jurisdictions, topics)
    select p.title, p.summary, p.id, agg.n, agg.first, agg.last,
      array(select distinct t collate "C" from items m, unnest(m.platforms) t where m.id = any(${ids}) order by 1),
      array(select distinct t collate "C" from items m, unnest(m.jurisdictions) t where m.id = any(${ids}) order by 1),
      array(select distinct t collate "C" from items m, unnest(m.topics) t where m.id = any(${ids}) order by 1)
    from items p,
      (select count(*)::int as n, min(published_at) as first, max(published_at) as last
       from items where id = any(${ids})) agg
    where p.id = ${primaryId}::bigint
    returning id::text`);
  const storyId = created.rows[0]?.id;
  if (!storyId) throw new Error('story not created');
  await db.execute(sql`update items set story_id = ${storyId}::bigint where id = any(${ids})`);
  return storyId;
}

const base = Date.UTC(2026, 5, 1);
const singleCount = 119;
/** Singles in groups of three share a time, so paging must break ties by id. */
const singleTime = (n: number) => new Date(base - Math.floor(n / 3) * 3_600_000).toISOString();
const singleSource = (n: number) => (n % 7 === 0 ? 'cnil' : 'ico');

let multi: { story: string; ico: string; register: string; darkreading: string };
let survivor: string;
let mergedOnce: string;
let mergedTwice: string;
const singles: string[] = [];

beforeAll(async () => {
  test = await createTestDatabase('apistories');
  db = test.database.db;
  for (const source of sources) await insertSource(db, source);

  // Singles: one item each, from the CNIL (17 of them) or the ICO.
  const singleItems: string[] = [];
  for (let n = 0; n < singleCount; n += 1) {
    const sourceId = singleSource(n);
    singleItems.push(
      await store(sourceId, {
        guid: `single-${n}`,
        link: `https://${sourceId}.example/notices/${n}`,
        title: `${n} ${seededWords(n, 8)}`,
        published: singleTime(n),
      }),
    );
  }

  // One event told three times: the press got there first, the ICO's notice came later.
  const register = await store('register', {
    guid: 'reg-acme',
    link: 'https://theregister.example/2026/03/02/acme_scraping_probe/',
    title: 'Acme caught hoovering up LinkedIn profiles, watchdog sharpens its pencil',
    summary: 'Sources say the data protection regulator has opened a file on the recruiter.',
    published: '2026-03-02T08:00:00.000Z',
  });
  const ico = await store('ico', {
    guid: 'ico-acme',
    link: 'https://ico.example/action-weve-taken/enforcement/acme-ltd/',
    title: 'ICO issues £1.2m monetary penalty notice to Acme Ltd',
    summary: 'We have fined Acme Ltd for processing personal data scraped from a social network.',
    published: '2026-03-02T15:00:00.000Z',
  });
  const darkreading = await store('darkreading', {
    guid: 'dr-acme',
    link: 'https://darkreading.example/privacy/uk-penalty-recruiting-firm',
    title: 'UK penalty for recruiting firm signals tougher stance on scraping',
    summary: 'Analysts expect more enforcement against data brokers in Europe this year.',
    published: '2026-03-03T09:30:00.000Z',
  });
  // Two more sightings of The Register's article: a tracking-parameter link from Dark Reading's
  // feed and a `www.` link under another guid. The same link from the item's own entry is no alternate.
  await store(
    'darkreading',
    {
      guid: 'dr-link-reg',
      link: 'https://theregister.example/2026/03/02/acme_scraping_probe/?utm_source=darkreading',
      title: 'Acme caught hoovering up LinkedIn profiles, watchdog sharpens its pencil',
      published: '2026-03-02T10:00:00.000Z',
    },
    true,
  );
  await store(
    'register',
    {
      guid: 'reg-acme-www',
      link: 'https://www.theregister.example/2026/03/02/acme_scraping_probe',
      title: 'Acme caught hoovering up LinkedIn profiles, watchdog sharpens its pencil',
      published: '2026-03-02T08:00:00.000Z',
    },
    true,
  );

  // Forget whatever stories storing made; build the ones these tests describe.
  await db.execute(sql`update items set story_id = null`);
  await db.execute(sql`delete from stories`);
  for (const id of singleItems) singles.push(await makeStory([id], id));
  await db.execute(sql`
    update items set platforms = '{linkedin}', jurisdictions = '{GB}', topics = '{enforcement}'
    where id = ${ico}::bigint`);
  await db.execute(sql`
    update items set platforms = '{meta,linkedin}', jurisdictions = '{GB,EU}', topics = '{scraping,ai}'
    where id = ${register}::bigint`);
  await db.execute(sql`
    update items set platforms = '{}', jurisdictions = '{US-CA}', topics = '{}'
    where id = ${darkreading}::bigint`);
  multi = { story: await makeStory([register, ico, darkreading], ico), ico, register, darkreading };

  // A story merged into the multi-item story, and one merged into that one (a chain of two).
  survivor = multi.story;
  mergedOnce = await absorbedStory(db, survivor, '2026-07-01T00:00:00Z');
  mergedTwice = await absorbedStory(db, mergedOnce, '2026-07-01T00:00:00Z');

  api = await buildTestApp(test.database);
});
afterAll(async () => {
  await api?.close();
  await test?.drop();
});

const get = (url: string) => api.app.inject({ method: 'GET', url });

interface StoryBody {
  id: string;
  title: string;
  lastPublishedAt: string;
  items: { id: string; source: { id: string } }[];
}

async function pageAll(query: string) {
  const stories: StoryBody[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await get(`/v1/stories?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { data: StoryBody[]; nextCursor: string | null };
    stories.push(...body.data);
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor);
  return { stories, pages };
}

function expectNewestActivityFirst(stories: StoryBody[]) {
  for (let k = 1; k < stories.length; k += 1) {
    const [before, after] = [stories[k - 1], stories[k]] as [StoryBody, StoryBody];
    const order = Date.parse(before.lastPublishedAt) - Date.parse(after.lastPublishedAt);
    expect(order > 0 || (order === 0 && BigInt(before.id) > BigInt(after.id)), `${before.id} then ${after.id}`).toBe(
      true,
    );
  }
}

describe('GET /v1/stories', () => {
  it('pages through 120 stories with no gap and no repeat, newest activity first', async () => {
    const { stories, pages } = await pageAll('limit=50');
    expect(pages).toBe(3);
    const ids = stories.map((story) => story.id);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    expect(new Set(ids)).toEqual(new Set([...singles, multi.story]));
    expectNewestActivityFirst(stories);
    // The newest single first; the multi-item story sits at its latest item's time.
    expect(stories[0]?.id).toBe(singles[2]);
    expect(stories.at(-1)?.id).toBe(multi.story);
    expect(stories.at(-1)?.lastPublishedAt).toBe('2026-03-03T09:30:00.000Z');
  });

  it('leaves out stories merged into another', async () => {
    const { stories } = await pageAll('limit=100');
    const ids = stories.map((story) => story.id);
    expect(ids).not.toContain(mergedOnce);
    expect(ids).not.toContain(mergedTwice);
  });

  it('returns the public story shape: primary item first, union of tags, alternates', async () => {
    const { stories } = await pageAll('limit=100&source=register');
    expect(stories).toHaveLength(1);
    const source = (id: string) => {
      const found = sources.find((candidate) => candidate.id === id);
      return { id, name: found?.name, kind: found?.kind };
    };
    expect(stories[0]).toEqual({
      id: multi.story,
      title: 'ICO issues £1.2m monetary penalty notice to Acme Ltd',
      summary: 'We have fined Acme Ltd for processing personal data scraped from a social network.',
      firstPublishedAt: '2026-03-02T08:00:00.000Z',
      lastPublishedAt: '2026-03-03T09:30:00.000Z',
      platforms: ['linkedin', 'meta'],
      jurisdictions: ['EU', 'GB', 'US-CA'],
      topics: ['ai', 'enforcement', 'scraping'],
      items: [
        {
          // The regulator's notice leads although The Register's article is older.
          id: multi.ico,
          title: 'ICO issues £1.2m monetary penalty notice to Acme Ltd',
          url: 'https://ico.example/action-weve-taken/enforcement/acme-ltd/',
          source: source('ico'),
          publishedAt: '2026-03-02T15:00:00.000Z',
          publishedPrecision: 'instant',
          publishedFrom: 'entry',
          summary: 'We have fined Acme Ltd for processing personal data scraped from a social network.',
          language: null,
          platforms: ['linkedin'],
          jurisdictions: ['GB'],
          topics: ['enforcement'],
          storyId: multi.story,
          alternates: [],
        },
        {
          id: multi.register,
          title: 'Acme caught hoovering up LinkedIn profiles, watchdog sharpens its pencil',
          url: 'https://theregister.example/2026/03/02/acme_scraping_probe/',
          source: source('register'),
          publishedAt: '2026-03-02T08:00:00.000Z',
          publishedPrecision: 'instant',
          publishedFrom: 'entry',
          summary: 'Sources say the data protection regulator has opened a file on the recruiter.',
          language: null,
          platforms: ['meta', 'linkedin'],
          jurisdictions: ['GB', 'EU'],
          topics: ['scraping', 'ai'],
          storyId: multi.story,
          alternates: [
            {
              url: 'https://theregister.example/2026/03/02/acme_scraping_probe/?utm_source=darkreading',
              sourceId: 'darkreading',
            },
            { url: 'https://www.theregister.example/2026/03/02/acme_scraping_probe', sourceId: 'register' },
          ],
        },
        {
          id: multi.darkreading,
          title: 'UK penalty for recruiting firm signals tougher stance on scraping',
          url: 'https://darkreading.example/privacy/uk-penalty-recruiting-firm',
          source: source('darkreading'),
          publishedAt: '2026-03-03T09:30:00.000Z',
          publishedPrecision: 'instant',
          publishedFrom: 'entry',
          summary: 'Analysts expect more enforcement against data brokers in Europe this year.',
          language: null,
          platforms: [],
          jurisdictions: ['US-CA'],
          topics: [],
          storyId: multi.story,
          alternates: [],
        },
      ],
      itemCount: 3,
      itemsUrl: `/v1/stories/${multi.story}/items`,
    });
  });

  it('filters by one or several sources: stories with at least one item from them', async () => {
    const cnil = await pageAll('limit=5&source=cnil');
    expect(cnil.pages).toBe(4);
    expect(cnil.stories).toHaveLength(17);
    expect(cnil.stories.every((story) => story.items.some((item) => item.source.id === 'cnil'))).toBe(true);
    expectNewestActivityFirst(cnil.stories);
    const ids = (await pageAll('limit=100&source=cnil,darkreading')).stories.map((story) => story.id);
    expect(ids).toHaveLength(18);
    expect(ids.at(-1)).toBe(multi.story);
    expect((await get('/v1/stories?source=nobody')).json()).toEqual({ data: [], nextCursor: null });
  });

  it.each([
    ['limit=0', 'invalid_parameter', /^query parameter "limit" must be a whole number from 1 to 100$/],
    ['limit=101', 'invalid_parameter', /^query parameter "limit" must be a whole number from 1 to 100$/],
    ['cursor=garbled!', 'invalid_cursor', /cursor is not one this API issued/],
    ['cursor=Z2FyYmxlZA', 'invalid_cursor', /cursor is not one this API issued/],
    [
      'source=ICO;drop',
      'invalid_parameter',
      /^query parameter "source" must be source ids such as ico-news \(see \/v1\/sources\), comma-separated without spaces$/,
    ],
    ['colour=red', 'invalid_parameter', /^unknown query parameter "colour"; accepted: cursor, expand, jurisdiction, /],
  ])('rejects %s with 400 naming the parameter', async (query, code, message) => {
    const response = await get(`/v1/stories?${query}`);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
  });
});

describe('GET /v1/stories/:id', () => {
  it('returns one story with its items, the same as in the list', async () => {
    const response = await get(`/v1/stories/${multi.story}`);
    expect(response.statusCode).toBe(200);
    const listed = (await pageAll('limit=100&source=register')).stories[0];
    expect(response.json()).toEqual(listed);
    expect(response.json().items.map((item: { id: string }) => item.id)).toEqual([
      multi.ico,
      multi.register,
      multi.darkreading,
    ]);
  });

  it('answers 301 to the surviving story for a merged id, also through a chain of two merges', async () => {
    for (const id of [mergedOnce, mergedTwice]) {
      const response = await get(`/v1/stories/${id}`);
      expect(response.statusCode, id).toBe(301);
      expect(response.headers.location).toBe(`/v1/stories/${survivor}`);
      expect(response.json()).toEqual({ storyId: survivor });
    }
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await get('/v1/stories/999999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'story 999999999 does not exist' } });
    // Beyond the largest bigint: still just a story that does not exist.
    expect((await get('/v1/stories/9999999999999999999')).statusCode).toBe(404);
    for (const id of ['abc', '-1', '12a', '1'.repeat(20)]) {
      const response = await get(`/v1/stories/${id}`);
      expect(response.statusCode, id).toBe(400);
      expect(response.json().error.code).toBe('invalid_parameter');
    }
  });
});
