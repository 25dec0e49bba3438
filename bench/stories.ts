/**
 * Cost of clustering one new item as the archive grows: seeds an archive of N items at a constant
 * rate (300 a day, as a busy instance would collect them, so a 1M archive spans nine years), then
 * stores new items through the real `storeItem` (near-duplicate check, story assignment, index
 * and term counts) and reports the median milliseconds per item at each size, and the ratios.
 *
 *   npx tsx bench/stories.ts                 # sizes 10000,100000,1000000
 *   npx tsx bench/stories.ts 10000,100000   # other sizes
 *
 * Uses its own database (regwatch_bench_stories on the local server), dropped and recreated.
 */
import { fileURLToPath } from 'node:url';
import { normaliseEntry } from '@regwatch/core';
import { createDatabase, insertSource, migrateDatabase, storeItem } from '@regwatch/db';
import pg from 'pg';

const server = 'postgres://postgres@127.0.0.1:5432';
const name = 'regwatch_bench_stories';
const url = `${server}/${name}`;
const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
const perDay = 300;
const measured = 200;
const migrations = fileURLToPath(new URL('../migrations', import.meta.url));

// A vocabulary with a long tail, so term keys are as skewed as news text (a few very common terms).
const vocabulary = Array.from({ length: 20_000 }, (_, n) => `w${n.toString(36)}`);
function word(random: () => number): string {
  return vocabulary[Math.floor(vocabulary.length * random() ** 3)] ?? 'w0';
}
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/** Adds archive items up to `size`: rows shaped like real ones (features, signature, keys), written in SQL. */
async function seedTo(client: pg.Client, from: number, size: number, start: number): Promise<void> {
  const batch = 20_000;
  for (let low = from; low < size; low += batch) {
    const high = Math.min(size, low + batch);
    await client.query(
      `with generated as (
         select n, to_timestamp($3::double precision + n * 86400.0 / $4) as at,
           array(select 'w' || to_hex((floor(20000 * power(random(), 3)))::int) from generate_series(1, 8)) as terms
         from generate_series($1::int, $2::int - 1) as n
       ), inserted as (
         insert into items (source_id, dedup_key, guid, url, canonical_url, title, summary, content, published_at,
                            content_hash, story_features, near_duplicate)
         select 'archive', md5('a' || n), 'a' || n, 'https://archive.example/' || n, 'https://archive.example/' || n,
                array_to_string(terms, ' '), '', '', at, md5('c' || n),
                jsonb_build_object('publishedAt', extract(epoch from at) * 1000, 'language', 'en', 'terms', terms,
                  'weights', array_fill(0.35::float8, array[8]), 'entities', '{}'::text[], 'platforms', '{}'::text[],
                  'jurisdictions', '{}'::text[], 'links', '{}'::text[],
                  'candidateKeys', (select array_agg('t.' || t) from unnest(terms) t)),
                jsonb_build_object('minhash', '[]'::jsonb, 'bandKeys', '[]'::jsonb, 'shingleCount', 8, 'truncated', false)
         from generated
         returning id, published_at, story_features
       )
       insert into cluster_keys (key, item_id, published_at)
       select distinct k, id, published_at from inserted,
         lateral (select jsonb_array_elements_text(story_features -> 'candidateKeys') as k
                  union all select 'nd.' || b || '.' || md5(id::text || b)::text from generate_series(0, 31) b) keys
       on conflict do nothing`,
      [low, high, start, perDay],
    );
  }
  // Each archive item in a story of its own, as clustering would mostly leave synthetic text.
  await client.query(`
    with missing as (select id, title, published_at from items where story_id is null and source_id = 'archive'),
    made as (
      insert into stories (title, summary, primary_item_id, item_count, first_published_at, last_published_at)
      select title, '', id, 1, published_at, published_at from missing returning id, primary_item_id)
    update items i set story_id = made.id from made where i.id = made.primary_item_id`);
  await client.query('analyze');
}

async function main(): Promise<void> {
  await admin(`drop database if exists ${name} with (force)`);
  await migrateDatabase(url, migrations);
  const database = createDatabase({ url, applicationName: 'bench-stories', onIdleError: () => undefined });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const id of ['archive', 'fresh']) {
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
  let seeded_ = 0;
  let fresh = 0;
  for (const size of sizes) {
    const seedStarted = performance.now();
    await seedTo(client, seeded_, size, start);
    seeded_ = size;
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    // New items arrive "now": at the end of the archive, with text drawn from the same vocabulary.
    const now = new Date((start + (size / perDay) * 86400) * 1000);
    const random = seeded(size);
    const timings: number[] = [];
    for (let n = 0; n < measured; n += 1) {
      fresh += 1;
      const title = Array.from({ length: 8 }, () => word(random)).join(' ');
      const summary = Array.from({ length: 30 }, () => word(random)).join(' ');
      const result = normaliseEntry(
        { guid: `f${fresh}`, link: `https://fresh.example/${fresh}`, title, summary, published: now.toISOString() },
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
    process.stdout.write(
      `archive ${size.toLocaleString('en')} items (seeded in ${seedSeconds.toFixed(0)} s): ` +
        `${median.toFixed(2)} ms per new item (median of ${measured}), p90 ${(timings[Math.floor(timings.length * 0.9)] ?? 0).toFixed(2)} ms\n`,
    );
  }
  const base = results[0];
  if (base) {
    for (const result of results.slice(1)) {
      process.stdout.write(`ratio ${result.size}/${base.size}: ${(result.msPerItem / base.msPerItem).toFixed(2)}\n`);
    }
  }
  await client.end();
  await database.close();
  await admin(`drop database if exists ${name} with (force)`);
}

await main();
