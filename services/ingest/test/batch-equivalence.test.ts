import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceKind } from '@regwatch/core';
import { type Db, insertSource, refreshStoryRollup } from '@regwatch/db';
import { adapterFor, sourceCatalog, testdataDir } from '@regwatch/sources';
import { createTestDatabase, type TestDatabase, testSource } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Entry, normaliseAll, storeTaggedBatch, tagEntry } from '../src/index.ts';

// Issue 15: the batch path decides each entry of a batch as if the ones before it were stored,
// so storing the same entries one at a time, in batches of 16 and in one batch of everything
// makes the same items, alternates and stories (same members, aggregates and primary items) and
// the same document frequencies. The entries: every recorded source, then a generated week of
// news built so that entries of one batch meet: rewrites of one story by three outlets (joins),
// copies (the same text under another guid, a
// near-duplicate, the same canonical URL) and new versions of entries a few entries later. Merges
// within a batch are pinned in clustering.test.ts.

type FetchedEntry = Extract<Entry, { kind: 'fetched' }>;
interface SourceFacts {
  id: string;
  kind: SourceKind;
  jurisdictions: string[];
}

const now = new Date('2026-11-30T12:00:00.000Z');

async function documentEntries(
  source: SourceFacts & { format: string; options?: Record<string, unknown> | undefined; language: string },
  body: Uint8Array,
  contentType: string,
  url: string,
): Promise<FetchedEntry[]> {
  const feed = await adapterFor(source.format).parse({ body, contentType, url }, source.options);
  const { items } = normaliseAll(feed.entries, {
    sourceId: source.id,
    baseUrl: url,
    language: feed.language ?? source.language,
    now,
  });
  return items.map((item) => ({
    kind: 'fetched',
    item,
    source: { kind: source.kind, jurisdictions: source.jurisdictions },
  }));
}

async function recordedEntries(): Promise<{ sources: SourceFacts[]; entries: FetchedEntry[] }> {
  const sources: SourceFacts[] = [];
  const entries: FetchedEntry[] = [];
  for (const source of sourceCatalog) {
    sources.push({ id: source.id, kind: source.kind, jurisdictions: source.jurisdictions });
    const body = readFileSync(join(testdataDir, source.recorded.file));
    entries.push(
      ...(await documentEntries(
        { ...source, options: source.options as Record<string, unknown> | undefined },
        body,
        source.recorded.contentType,
        source.url,
      )),
    );
  }
  return { sources, entries };
}

const generatedSources: SourceFacts[] = [
  { id: 'gen-regulator', kind: 'regulator', jurisdictions: ['GB'] },
  { id: 'gen-wire', kind: 'press', jurisdictions: [] },
  { id: 'gen-daily', kind: 'press', jurisdictions: ['GB'] },
];
const topics = ['facial recognition cameras', "children's data", 'tracking cookies', 'a data breach'];
// Made-up names, one per event, that share no word (a shared stem would be one company to clustering).
const names = [
  'Tarnwick',
  'Oslund',
  'Fenmoor',
  'Quillan',
  'Drevant',
  'Maplecroft',
  'Vostrel',
  'Harrowgate',
  'Pellucid',
  'Ambercourt',
  'Zindle',
  'Corravan',
  'Bexhill',
  'Murlow',
  'Skerrit',
  'Walbrook',
  'Yarrowby',
  'Glenfold',
  'Ostrava',
  'Kilnsey',
  'Rudgwick',
  'Tamsin',
  'Elvaston',
  'Brackley',
  'Nettlebed',
  'Upwey',
  'Ickworth',
  'Jevington',
  'Lowick',
  'Fressingfield',
  'Hambledon',
  'Quenby',
];

interface GeneratedItem {
  source: string;
  guid: string;
  title: string;
  link: string;
  description: string;
  at: number;
}

/** One event's articles: the notice, a rewrite, a near-duplicate copy, and now and then a same-URL or same-text copy. */
function eventArticles(n: number): { first: GeneratedItem[]; edits: GeneratedItem[] } {
  // Four events a day: their three-day windows overlap, so every item has candidates of other events.
  const at = Date.UTC(2026, 2, 2) + n * 6 * 3_600_000;
  const company = `${names[n] as string} Retail`;
  const amount = 2 + (n % 9);
  const topic = topics[n % topics.length] as string;
  const lead =
    `The Information Commissioner's Office has fined ${company} £${amount}m over ${topic}. The regulator ` +
    `found that ${company} processed the personal data of ${40 + n} thousand customers without a lawful basis ` +
    `and failed to tell them. ${company} said it would appeal and had stopped the processing in March.`;
  const rewrite =
    `${company} must pay a £${amount}m penalty to the ICO, the regulator said on Monday. Its investigation of ` +
    `${topic} at the company found that customers were never told how their data was used. The company ` +
    `plans to appeal the fine.`;
  const notice: GeneratedItem = {
    source: 'gen-regulator',
    guid: `n${n}`,
    title: `ICO fines ${company} £${amount}m over ${topic}`,
    link: `https://ico.example/action/${n}`,
    description: lead,
    at,
  };
  const wire: GeneratedItem = {
    source: 'gen-wire',
    guid: `w${n}`,
    title: `${company} hit with £${amount}m ICO fine over ${topic}`,
    link: `https://wire.example/${n}`,
    description: rewrite,
    at: at + 20 * 60_000,
  };
  const copy: GeneratedItem = {
    source: 'gen-daily',
    guid: `d${n}`,
    title: `ICO fines ${company} £${amount}m over ${topic}`,
    link: `https://daily.example/${n}`,
    description: lead.replace('would appeal', 'will appeal'),
    at: at + 45 * 60_000,
  };
  const first = [notice, wire, copy];
  if (n % 3 === 0) {
    // The wire's link again, with tracking parameters: the same canonical URL.
    first.push({
      ...wire,
      source: 'gen-daily',
      guid: `u${n}`,
      link: `${wire.link}?utm_source=feed`,
      at: wire.at + 60_000,
    });
  }
  if (n % 4 === 1) {
    // The wire's article word for word under another guid and link: the same text.
    first.push({ ...wire, guid: `w${n}-again`, link: `https://wire.example/${n}/amp`, at: wire.at + 2 * 60_000 });
  }
  const edits =
    n % 5 === 2
      ? [{ ...wire, title: `${wire.title} (updated)`, description: `${rewrite} ${company} has 28 days to appeal.` }]
      : [];
  return { first, edits };
}

function rss(items: readonly GeneratedItem[]): string {
  const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = items
    .map(
      (item) =>
        `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.link)}</link>` +
        `<guid isPermaLink="false">${item.guid}</guid><pubDate>${new Date(item.at).toUTCString()}</pubDate>` +
        `<description>${escapeXml(item.description)}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>gen</title><link>https://gen.example/</link>${body}</channel></rss>`;
}

async function generatedEntries(): Promise<FetchedEntry[]> {
  const entries: FetchedEntry[] = [];
  let pendingEdits: GeneratedItem[] = [];
  for (let n = 0; n < 24; n += 1) {
    const { first, edits } = eventArticles(n);
    // An event's articles, then the previous event's edits: a new version a few entries after the first.
    for (const item of [...first, ...pendingEdits]) {
      const source = generatedSources.find((candidate) => candidate.id === item.source) as SourceFacts;
      const read = await documentEntries(
        { ...source, format: 'feed', language: 'en' },
        Buffer.from(rss([item])),
        'application/rss+xml',
        `https://${item.source}.example/feed`,
      );
      entries.push(...read);
    }
    pendingEdits = edits;
  }
  return entries;
}

/** What a database holds after a run, with ids replaced by the entries (source/guid) they stand for. */
async function snapshot(db: Db) {
  const items = await db.execute<Record<string, unknown>>(sql`
    select i.source_id || '/' || i.guid as key, i.title, i.summary, i.published_at::text, i.platforms, i.jurisdictions,
      i.topics, i.canonical_url,
      (select array_agg(e.source_id || '/' || e.guid order by e.source_id, e.guid) from entries e where e.item_id = i.id) as entries
    from items i order by key`);
  const stories = await db.execute<Record<string, unknown>>(sql`
    select (select array_agg(i.source_id || '/' || i.guid order by i.source_id, i.guid) from items i where i.story_id = st.id) as members,
      p.source_id || '/' || p.guid as primary_item, st.title, st.summary, st.item_count, st.first_published_at::text,
      st.last_published_at::text, st.platforms, st.jurisdictions, st.topics, st.source_ids, st.profile
    from stories st left join items p on p.id = st.primary_item_id
    where st.merged_into_id is null
    order by members`);
  const absorbed = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from stories where merged_into_id is not null`,
  );
  const terms = await db.execute<{ term: string; documents: number }>(
    sql`select term, documents from term_counts order by term`,
  );
  return { items: items.rows, stories: stories.rows, absorbed: absorbed.rows[0]?.n, terms: terms.rows };
}

async function storeInBatches(db: Db, entries: readonly FetchedEntry[], size: number): Promise<void> {
  for (let start = 0; start < entries.length; start += size) {
    const batch = entries.slice(start, start + size);
    await storeTaggedBatch(
      { db },
      batch.map(({ item, source }) => ({ item, source, tags: tagEntry(item, source) })),
    );
  }
}

let sources: SourceFacts[] = [];
let entries: FetchedEntry[] = [];
const runs = new Map<number, TestDatabase>();
const batchSizes = [1, 16, 500];

beforeAll(async () => {
  const recorded = await recordedEntries();
  sources = [...recorded.sources, ...generatedSources];
  entries = [...recorded.entries, ...(await generatedEntries())];
  for (const size of batchSizes) {
    const test = await createTestDatabase(`batcheq${size}`);
    for (const source of sources) {
      await insertSource(
        test.database.db,
        testSource(source.id, { kind: source.kind, jurisdictions: source.jurisdictions }),
      );
    }
    runs.set(size, test);
  }
  // One after the other: the three runs must not share a core's worth of noise, only their input.
  for (const size of batchSizes) await storeInBatches((runs.get(size) as TestDatabase).database.db, entries, size);
}, 300_000);

afterAll(async () => {
  for (const test of runs.values()) await test.drop();
});

describe('the batch path (issue 15)', () => {
  it('is fed entries that meet within a batch: copies, rewrites and new versions', async () => {
    const db = (runs.get(1) as TestDatabase).database.db;
    const outcome = await db.execute<{
      items: number;
      entries: number;
      stories: number;
      edited: number;
    }>(sql`
      select (select count(*)::int from items) as items, (select count(*)::int from entries) as entries,
        (select count(*)::int from stories where merged_into_id is null and item_count > 1) as stories,
        (select count(*)::int from items where title like '%(updated)') as edited`);
    const row = outcome.rows[0];
    // Not the answer being checked (that is the next test), but proof the input exercises every rule.
    expect(entries.length).toBeGreaterThan(300);
    // 24 near-duplicate copies, 8 entries of a link already stored, 6 of a text already stored.
    expect((row?.entries ?? 0) - (row?.items ?? 0)).toBe(38);
    expect(row?.stories).toBeGreaterThanOrEqual(15);
    expect(row?.edited).toBe(5);
  });

  it.each(batchSizes.slice(1))('stores in batches of %i exactly what one entry at a time stores', async (size) => {
    const one = await snapshot((runs.get(1) as TestDatabase).database.db);
    const batched = await snapshot((runs.get(size) as TestDatabase).database.db);
    expect(batched.items).toEqual(one.items);
    expect(batched.stories).toEqual(one.stories);
    expect(batched.absorbed).toBe(one.absorbed);
    expect(batched.terms).toEqual(one.terms);
  });

  it("keeps every story's aggregates as rolling them up again from all its members gives", async () => {
    const db = (runs.get(16) as TestDatabase).database.db;
    const kept = await snapshot(db);
    const live = await db.execute<{ id: string }>(
      sql`select id::text from stories where merged_into_id is null and emptied_at is null`,
    );
    await db.transaction(async (tx) => {
      for (const { id } of live.rows) await refreshStoryRollup(tx, id);
    });
    expect((await snapshot(db)).stories).toEqual(kept.stories);
  });
});
