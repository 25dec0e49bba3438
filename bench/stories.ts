/**
 * Cost of clustering one new item as the archive grows, and backfill throughput.
 *
 * 1. Seeds an archive of N items at a constant rate (300 a day, as a busy instance collects
 *    them, so 1M items span nine years). Archive rows are what `storeItem` would have stored for
 *    them (features, signature and index keys from the real core functions, term counts), written
 *    in bulk. Then it stores new items through the real `storeItem` (same-text and near-duplicate
 *    checks, story assignment, index and term counts) and reports the median ms per new item at
 *    each size and the ratios to the smallest.
 *    Then, on the same (largest) archive, the cost per added item by the size of the story it
 *    joins: stories of 5 items and one of 500 are built through `storeItem` (items of several
 *    outlets sharing the story's words), then items joining them are timed; median ms per added
 *    item for each and the ratio (issue 15's goal: within 1.2×).
 * 2. Imports a generated feed of `backfill` items with `regwatch import` (queue, worker,
 *    PostgreSQL, default concurrency) into an empty database and reports items/s.
 *
 *   npx tsx bench/stories.ts                      # sizes 10000,100000,1000000; backfill 5000
 *   npx tsx bench/stories.ts 10000,100000 2000    # other sizes and backfill size
 *   npx tsx bench/stories.ts 10000 2000 5,500     # story sizes compared (default 5,500)
 *
 * Uses its own databases on the local server (regwatch_bench_stories*), dropped and recreated.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type NormalisedItem,
  nearDuplicateSignature,
  nearDuplicateText,
  normaliseEntry,
  sameTextKey,
  storyFeatures,
} from '@regwatch/core';
import { createDatabase, insertSource, migrateDatabase } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';
import { deletePrefix } from '@regwatch/testing';
import pg from 'pg';

const server = 'postgres://postgres@127.0.0.1:5432';
const name = 'regwatch_bench_stories';
const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
const backfill = Number(process.argv[3] ?? 5000);
const [smallStory = 5, largeStory = 500] = (process.argv[4] ?? '5,500').split(',').map(Number);
/** Items added (and timed) per story size: to as many small stories, or to the one large story. */
const storyAdds = 40;
const outlets = Array.from({ length: 10 }, (_, n) => `outlet${n}`);
const perDay = 300;
const measured = 200;
const migrations = fileURLToPath(new URL('../migrations', import.meta.url));
const regwatchBin = fileURLToPath(new URL('../services/cli/bin/regwatch.mjs', import.meta.url));

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

// A vocabulary with a long tail, so term keys are as skewed as news text (a few very common
// terms). Words end in "x" so no stemming rule changes them.
const vocabulary = Array.from({ length: 20_000 }, (_, n) => `v${n.toString(36)}x`);
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}
function words(random: () => number, count: number): string {
  return Array.from({ length: count }, () => vocabulary[Math.floor(vocabulary.length * random() ** 3)] ?? 'v0x').join(
    ' ',
  );
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  await client.query(statement);
  await client.end();
}

async function freshDatabase(database: string): Promise<string> {
  const url = `${server}/${database}`;
  await admin(`drop database if exists ${database} with (force)`);
  await migrateDatabase(url, migrations);
  return url;
}

interface ArchiveRow {
  n: number;
  at: string;
  title: string;
  summary: string;
  features: unknown;
  signature: unknown;
  keys: string[];
}

/**
 * Adds archive items up to `size`, each in a story of its own (synthetic text rarely clusters),
 * with the keys and term counts clustering would have written for them.
 */
async function seedTo(client: pg.Client, from: number, size: number, start: number): Promise<void> {
  const random = seeded(from + 1);
  const documentFrequency = new Map<string, number>();
  const batch = 5_000;
  for (let low = from; low < size; low += batch) {
    const rows: ArchiveRow[] = [];
    for (let n = low; n < Math.min(size, low + batch); n += 1) {
      const at = new Date((start + (n * 86_400) / perDay) * 1000).toISOString();
      const title = words(random, 8);
      const summary = words(random, 30);
      // IDF as of the start of this level: the archive's terms are what matters for the cost, not their weights.
      const features = storyFeatures({ title, summary, publishedAt: at, language: 'en' }, () => 0, 0);
      const signature = nearDuplicateSignature(nearDuplicateText(title, summary));
      const text = sameTextKey({ title, summary, content: summary });
      for (const term of features.terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      const keys = [...new Set([...(text ? [`x.${text}`] : []), ...signature.bandKeys, ...features.candidateKeys])];
      rows.push({ n, at, title, summary, features, signature, keys });
    }
    await client.query(
      `with source as (
         select * from jsonb_to_recordset($1::jsonb)
           as r(n int, at timestamptz, title text, summary text, features jsonb, signature jsonb, keys text[])
       ), inserted as (
         insert into items (source_id, dedup_key, guid, url, canonical_url, title, summary, content, published_at,
                            content_hash, story_features, near_duplicate)
         select 'archive', md5('a' || n), 'a' || n, 'https://archive.example/' || n, 'https://archive.example/' || n,
                title, summary, summary, at, md5('c' || n), features, signature
         from source
         returning id, guid
       ), keyed as (
         insert into cluster_keys (key, item_id, published_at)
         select k, i.id, s.at from inserted i join source s on 'a' || s.n = i.guid, unnest(s.keys) k
         on conflict do nothing
       )
       insert into entries (dedup_key, source_id, guid, item_id, url, content_hash)
       select md5('a' || s.n), 'archive', i.guid, i.id, 'https://archive.example/' || s.n, md5('c' || s.n)
       from inserted i join source s on 'a' || s.n = i.guid`,
      [JSON.stringify(rows)],
    );
  }
  await client.query(
    `insert into term_counts (term, documents)
     select term, documents from unnest($1::text[], $2::int[]) as t(term, documents)
     on conflict (term) do update set documents = term_counts.documents + excluded.documents`,
    [
      ['', ...documentFrequency.keys()],
      [size - from, ...documentFrequency.values()],
    ],
  );
  await client.query(`
    with missing as (select id, title, summary, published_at from items where story_id is null and source_id = 'archive'),
    made as (
      insert into stories (title, summary, primary_item_id, item_count, first_published_at, last_published_at)
      select title, summary, id, 1, published_at, published_at from missing returning id, primary_item_id)
    update items i set story_id = made.id from made where i.id = made.primary_item_id`);
  await client.query('vacuum analyze');
}

async function costPerItem(): Promise<void> {
  const url = await freshDatabase(name);
  const database = createDatabase({ url, applicationName: 'bench-stories', onConnectionLost: () => undefined });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const id of ['archive', 'fresh', ...outlets]) {
    await insertSource(database.db, {
      id,
      name: id,
      kind: 'press',
      url: `https://${id}.example/feed`,
      jurisdictions: [],
      pollIntervalSeconds: 900,
    });
  }
  const start = Date.UTC(2017, 0, 1) / 1000;
  const results: { size: number; msPerItem: number }[] = [];
  let seededSize = 0;
  let fresh = 0;
  for (const size of sizes) {
    const seedStarted = performance.now();
    await seedTo(client, seededSize, size, start);
    seededSize = size;
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    // New items arrive "now": at the end of the archive, with text drawn from the same vocabulary.
    const now = new Date((start + (size / perDay) * 86_400) * 1000);
    const random = seeded(size * 7919 + 17);
    const timings: number[] = [];
    for (let n = 0; n < measured; n += 1) {
      fresh += 1;
      const result = normaliseEntry(
        {
          guid: `f${fresh}`,
          link: `https://fresh.example/${fresh}`,
          title: words(random, 8),
          summary: words(random, 30),
          published: now.toISOString(),
        },
        { sourceId: 'fresh', baseUrl: null, now },
      );
      if (!result.ok) throw new Error(result.reason);
      const began = performance.now();
      await storeItem(database.db, result.item, { jurisdictions: [] });
      timings.push(performance.now() - began);
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)] ?? 0;
    results.push({ size, msPerItem: median });
    out(
      `archive ${size.toLocaleString('en')} items (seeded in ${seedSeconds.toFixed(0)} s): ` +
        `${median.toFixed(2)} ms per new item (median of ${measured}), p90 ${(timings[Math.floor(timings.length * 0.9)] ?? 0).toFixed(2)} ms`,
    );
  }
  const base = results[0];
  if (base) {
    for (const result of results.slice(1)) {
      out(`ratio ${result.size}/${base.size}: ${(result.msPerItem / base.msPerItem).toFixed(2)}`);
    }
  }
  await storySizeCost(database.db, client, new Date((start + (seededSize / perDay) * 86_400) * 1000), seededSize);
  await client.end();
  await database.close();
  await admin(`drop database if exists ${name} with (force)`);
}

/** A story's own words: drawn evenly from the vocabulary, so rarer than the archive's common terms. */
function storyWords(random: () => number): string {
  return Array.from({ length: 6 }, () => vocabulary[Math.floor(vocabulary.length * random())] ?? 'v0x').join(' ');
}

/**
 * One item of a story, from the next outlet in turn (an outlet's own items need a much higher
 * score to join its story: sameSourceThreshold), at `at`: the story's words in title and lead,
 * the rest its own, so members are related but none a near-duplicate of another.
 */
function storyMember(shared: string, random: () => number, n: number, at: Date): NormalisedItem {
  const result = normaliseEntry(
    {
      guid: `s${n}`,
      link: `https://story.example/${n}`,
      title: `${shared} ${words(random, 3)}`,
      summary: `${shared} ${words(random, 25)}`,
      published: at.toISOString(),
    },
    { sourceId: outlets[n % outlets.length] ?? 'outlet0', baseUrl: null, now: at },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.item;
}

/**
 * Cost per added item by the size of the story it joins, on the archive as it is: `storyAdds`
 * stories of `smallStory` items each get one item more, and one story of `largeStory` items gets
 * `storyAdds` more; median ms of each, counting only items that did join their story.
 */
async function storySizeCost(db: Parameters<typeof storeItem>[0], client: pg.Client, now: Date, archive: number) {
  const random = seeded(archive + 5);
  let n = 0;
  const at = () => new Date(now.getTime() + (n % 600) * 60_000);
  const store = async (words: string) => {
    n += 1;
    const item = storyMember(words, random, n, at());
    const began = performance.now();
    const result = await storeItem(db, item, { jurisdictions: [] });
    return { ms: performance.now() - began, result };
  };
  const build = async (words: string, size: number) => {
    let storyId: string | null = null;
    for (let k = 0; k < size; k += 1) storyId = (await store(words)).result.storyId;
    return storyId;
  };
  const sizeOf = async (storyId: string | null) =>
    Number(
      (await client.query<{ n: number }>('select count(*)::int as n from items where story_id = $1', [storyId])).rows[0]
        ?.n ?? 0,
    );
  const measure = async (targets: { words: string; storyId: string | null }[]) => {
    const timings: number[] = [];
    const sizes: number[] = [];
    for (const target of targets) {
      sizes.push(await sizeOf(target.storyId));
      const { ms, result } = await store(target.words);
      if (result.outcome === 'inserted' && result.storyId === target.storyId) timings.push(ms);
    }
    timings.sort((a, b) => a - b);
    return { median: timings[Math.floor(timings.length / 2)] ?? Number.NaN, joined: timings.length, sizes };
  };
  const smallTargets: { words: string; storyId: string | null }[] = [];
  for (let k = 0; k < storyAdds; k += 1) {
    const words = storyWords(random);
    smallTargets.push({ words, storyId: await build(words, smallStory) });
  }
  const largeWords = storyWords(random);
  const largeId = await build(largeWords, largeStory);
  const small = await measure(smallTargets);
  const large = await measure(Array.from({ length: storyAdds }, () => ({ words: largeWords, storyId: largeId })));
  const range = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)}`;
  out(
    `archive ${archive.toLocaleString('en')} items: story of ${smallStory} (sizes ${range(small.sizes)} when joined): ` +
      `${small.median.toFixed(2)} ms per added item (median of ${small.joined} that joined, of ${storyAdds})`,
  );
  out(
    `archive ${archive.toLocaleString('en')} items: story of ${largeStory} (sizes ${range(large.sizes)} when joined): ` +
      `${large.median.toFixed(2)} ms per added item (median of ${large.joined} that joined, of ${storyAdds})`,
  );
  out(`ratio story of ${largeStory} / story of ${smallStory}: ${(large.median / small.median).toFixed(2)}`);
}

/** A feed of `count` items, 20 a day; runs of items share six words, as articles of one story share its names. */
function backfillFeed(count: number): string {
  const random = seeded(42);
  const entries: string[] = [];
  let storyWords = words(random, 6);
  for (let n = 0; n < count; n += 1) {
    if (random() < 0.4) {
      storyWords = words(random, 6);
    }
    const at = new Date(Date.UTC(2025, 0, 1) + n * 72 * 60_000).toUTCString();
    entries.push(`<item><title>${storyWords} ${words(random, 3)}</title><link>https://backfill.example/${n}</link>
<guid isPermaLink="false">b${n}</guid><pubDate>${at}</pubDate><description>${storyWords} ${words(random, 25)}</description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Backfill</title>
<link>https://backfill.example/</link>${entries.join('\n')}</channel></rss>`;
}

async function backfillThroughput(): Promise<void> {
  const database = `${name}_import`;
  const url = await freshDatabase(database);
  const folder = mkdtempSync(join(tmpdir(), 'regwatch-bench-'));
  const file = join(folder, 'backfill.xml');
  writeFileSync(file, backfillFeed(backfill));
  const prefix = `bench-import-${process.pid}`;
  const env = {
    PATH: process.env.PATH,
    DATABASE_URL: url,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'error',
  };
  const cli = (...args: string[]) => execFileSync(process.execPath, [regwatchBin, ...args], { env, encoding: 'utf8' });
  try {
    cli('sources', 'add', '--id', 'backfill', '--url', 'https://backfill.example/feed', '--name', 'Backfill');
    const began = performance.now();
    const report = cli('import', '--source', 'backfill', file, '--timeout', '1800');
    const wall = (performance.now() - began) / 1000;
    const inner = Number(/in ([\d.]+) s\s*$/.exec(report.trim())?.[1] ?? Number.NaN);
    out(report.trim());
    out(
      `backfill through regwatch import: ${backfill} items, ${(backfill / inner).toFixed(0)} items/s ` +
        `(${inner.toFixed(1)} s import, ${wall.toFixed(1)} s with process start)`,
    );
    // Issue 11: one source's similar items must not chain into one story without end.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const largest = await client.query<{ stories: number; items: number; days: string }>(`
      select count(*)::int as stories, max(item_count)::int as items,
        round(max(extract(epoch from last_published_at - first_published_at) / 86400)::numeric, 1)::text as days
      from stories where merged_into_id is null`);
    await client.end();
    const row = largest.rows[0];
    out(`stories after the backfill: ${row?.stories}; largest ${row?.items} items, longest ${row?.days} days`);
  } finally {
    await deletePrefix(prefix);
    rmSync(folder, { recursive: true, force: true });
    await admin(`drop database if exists ${database} with (force)`);
  }
}

await costPerItem();
await backfillThroughput();
