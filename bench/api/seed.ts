import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '@regwatch/db';
import pg from 'pg';
import { recordedTextChains } from './corpus.ts';
import { type SeededItem, seededItem } from './items.ts';
import { planArchive } from './plan.ts';

/**
 * Seeds the bench database: the source catalog through `regwatch sources sync`, then items,
 * entries and stories in bulk (multi-row INSERT … SELECT FROM unnest, secondary indexes built after
 * the load, foreign keys not checked row by row since the generator makes them consistent), then
 * `vacuum analyze`. The database's comment records what was seeded, so `--reuse` can skip it.
 */

export const serverUrl = 'postgres://postgres@127.0.0.1:5432';
const migrations = fileURLToPath(new URL('../../migrations', import.meta.url));
export const regwatchBin = fileURLToPath(new URL('../../services/cli/bin/regwatch.mjs', import.meta.url));
/** Bump when the generator changes, so `--reuse` does not reuse data of another shape. */
const generatorVersion = 1;
const batchSize = 10_000;

export interface SeedFigures {
  database: string;
  url: string;
  items: number;
  stories: number;
  entries: number;
  /** Wall time of the seed that made the data (an earlier run's when reused). */
  seconds: number;
  phases: Record<string, number>;
  reused: boolean;
  /** Migrations newer than the seed, applied to the reused database. */
  migrationsApplied?: number;
  /** Indexes found now that the seed did not make (one created by hand to try it), and the reverse. */
  extraIndexes: string[];
  missingIndexes: string[];
}

export function benchDatabaseName(items: number): string {
  return items === 1_000_000 ? 'regwatch_bench_api' : `regwatch_bench_api_${items}`;
}

/** Runs `work` on a connection of its own to `url`. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The figures of an earlier seed of this size, when the database holds exactly what it says. */
async function earlierSeed(database: string, items: number): Promise<SeedFigures | undefined> {
  const comment = await withClient(`${serverUrl}/postgres`, async (client) => {
    const result = await client.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [database],
    );
    return result.rows[0]?.comment ?? undefined;
  });
  if (!comment) return undefined;
  let figures: (SeedFigures & { generator: number; indexes?: string[] }) | undefined;
  try {
    figures = JSON.parse(comment);
  } catch {
    return undefined;
  }
  if (figures?.generator !== generatorVersion || figures.items !== items) return undefined;
  const { counted, indexes } = await withClient(figures.url, async (client) => {
    const result = await client.query<{ count: string }>('select count(*) from items');
    return { counted: Number(result.rows[0]?.count), indexes: await indexNames(client) };
  });
  if (counted !== items) return undefined;
  // Migrations that landed since the seed (a new column or index) apply to the seeded data too;
  // the indexes they make are then the seed's own, not extras.
  const migrated = await migrateDatabase(figures.url, migrations);
  const after = migrated.applied > 0 ? await withClient(figures.url, indexNames) : indexes;
  const byMigrations = after.filter((name) => !indexes.includes(name));
  const recorded = [...(figures.indexes ?? []), ...byMigrations];
  const extraIndexes = after.filter((name) => !recorded.includes(name));
  const missingIndexes = recorded.filter((name) => !after.includes(name));
  const { generator: _generator, indexes: _indexes, ...kept } = figures;
  const reused = { ...kept, reused: true, migrationsApplied: migrated.applied, extraIndexes, missingIndexes };
  if (migrated.applied > 0) {
    await withClient(figures.url, (client) => client.query('vacuum analyze'));
    await recordSeed(database, reused, recorded);
  }
  return reused;
}

/** Keeps what was seeded (and its figures) in the database's comment, where `--reuse` reads it. */
async function recordSeed(database: string, figures: SeedFigures, indexes: readonly string[]): Promise<void> {
  const {
    reused: _reused,
    migrationsApplied: _applied,
    extraIndexes: _extra,
    missingIndexes: _missing,
    ...kept
  } = figures;
  await withClient(`${serverUrl}/postgres`, (client) =>
    client.query(
      `comment on database ${database} is ${pg.escapeLiteral(JSON.stringify({ ...kept, generator: generatorVersion, indexes }))}`,
    ),
  );
}

async function indexNames(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `select indexname as name from pg_indexes where schemaname = 'public' order by indexname`,
  );
  return result.rows.map((row) => row.name);
}

const textArrayLiteral = (values: readonly string[]) =>
  `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

function insertItems(client: pg.Client, rows: readonly SeededItem[]): Promise<pg.QueryResult> {
  return client.query(
    `insert into items (id, source_id, dedup_key, guid, url, canonical_url, title, summary, content, language,
                        published_at, content_hash, story_id, platforms, jurisdictions, topics, first_seen_at, updated_at)
     overriding system value
     select r.id, r.source_id, md5(r.source_id || ':' || r.url), r.url, r.url, r.url, r.title, r.summary, r.content,
            r.language, r.published_at, md5(r.title || ' ' || r.content), r.story_id, r.platforms::text[],
            r.jurisdictions::text[], r.topics::text[], r.published_at + interval '7 minutes',
            r.published_at + interval '7 minutes'
     from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                 $8::timestamptz[], $9::bigint[], $10::text[], $11::text[], $12::text[])
       as r(id, source_id, url, title, summary, content, language, published_at, story_id, platforms,
            jurisdictions, topics)`,
    [
      rows.map((row) => row.id),
      rows.map((row) => row.sourceId),
      rows.map((row) => row.url),
      rows.map((row) => row.title),
      rows.map((row) => row.summary),
      rows.map((row) => row.content),
      rows.map((row) => row.language),
      rows.map((row) => new Date(row.publishedAt).toISOString()),
      rows.map((row) => row.storyIndex + 1),
      rows.map((row) => textArrayLiteral(row.platforms)),
      rows.map((row) => textArrayLiteral(row.jurisdictions)),
      rows.map((row) => textArrayLiteral(row.topics)),
    ],
  );
}

/** What a story row keeps of its items: counts, first and last publication, the union of their tags. */
class StoryRollUp {
  readonly count: Int32Array;
  readonly first: Float64Array;
  readonly last: Float64Array;
  readonly tags: { platforms: Set<string>; jurisdictions: Set<string>; topics: Set<string> }[];

  constructor(stories: number) {
    this.count = new Int32Array(stories);
    this.first = new Float64Array(stories).fill(Number.POSITIVE_INFINITY);
    this.last = new Float64Array(stories);
    this.tags = Array.from({ length: stories }, () => ({
      platforms: new Set<string>(),
      jurisdictions: new Set<string>(),
      topics: new Set<string>(),
    }));
  }

  add(item: SeededItem): void {
    const story = item.storyIndex;
    this.count[story] = (this.count[story] ?? 0) + 1;
    this.first[story] = Math.min(this.first[story] as number, item.publishedAt);
    this.last[story] = Math.max(this.last[story] as number, item.publishedAt);
    const tags = this.tags[story];
    for (const tag of item.platforms) tags?.platforms.add(tag);
    for (const tag of item.jurisdictions) tags?.jurisdictions.add(tag);
    for (const tag of item.topics) tags?.topics.add(tag);
  }
}

function insertStories(
  client: pg.Client,
  rollUp: StoryRollUp,
  primaries: readonly number[],
  from: number,
  to: number,
): Promise<pg.QueryResult> {
  const indexes = Array.from({ length: to - from }, (_, offset) => from + offset);
  const sorted = (values: Set<string> | undefined) => textArrayLiteral([...(values ?? [])].sort());
  return client.query(
    `insert into stories (id, title, summary, primary_item_id, item_count, first_published_at, last_published_at,
                          platforms, jurisdictions, topics, created_at, updated_at)
     overriding system value
     select r.id, i.title, i.summary, r.primary_item_id, r.item_count, r.first_at, r.last_at, r.platforms::text[],
            r.jurisdictions::text[], r.topics::text[], r.first_at, r.last_at
     from unnest($1::bigint[], $2::bigint[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::text[],
                 $7::text[], $8::text[])
       as r(id, primary_item_id, item_count, first_at, last_at, platforms, jurisdictions, topics)
     join items i on i.id = r.primary_item_id`,
    [
      indexes.map((index) => index + 1),
      indexes.map((index) => primaries[index]),
      indexes.map((index) => rollUp.count[index]),
      indexes.map((index) => new Date(rollUp.first[index] as number).toISOString()),
      indexes.map((index) => new Date(rollUp.last[index] as number).toISOString()),
      indexes.map((index) => sorted(rollUp.tags[index]?.platforms)),
      indexes.map((index) => sorted(rollUp.tags[index]?.jurisdictions)),
      indexes.map((index) => sorted(rollUp.tags[index]?.topics)),
    ],
  );
}

/** Secondary indexes of the newsfeed tables (not primary keys): dropped for the load, rebuilt after it. */
async function secondaryIndexes(client: pg.Client): Promise<{ name: string; definition: string }[]> {
  const result = await client.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
     where schemaname = 'public' and tablename in ('items', 'entries', 'stories')
       and indexname not in (select conname from pg_constraint where contype = 'p')
     order by indexname`,
  );
  return result.rows;
}

async function timed<T>(phases: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const began = performance.now();
  const result = await work();
  phases[name] = (performance.now() - began) / 1000;
  return result;
}

export async function seedArchive(
  items: number,
  options: { reuse: boolean; log: (line: string) => void },
): Promise<SeedFigures> {
  const database = benchDatabaseName(items);
  const url = `${serverUrl}/${database}`;
  if (options.reuse) {
    const earlier = await earlierSeed(database, items);
    if (earlier) return earlier;
    options.log(`no reusable seed of ${items} items in ${database}: seeding`);
  }
  const began = performance.now();
  const phases: Record<string, number> = {};
  await withClient(`${serverUrl}/postgres`, (client) =>
    client.query(`drop database if exists ${database} with (force)`),
  );
  await timed(phases, 'migrate and sources sync', async () => {
    await migrateDatabase(url, migrations);
    execFileSync(process.execPath, [regwatchBin, 'sources', 'sync'], {
      env: { PATH: process.env.PATH, DATABASE_URL: url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  });
  const plan = await timed(phases, 'plan', async () => planArchive(items));
  const chains = await recordedTextChains();
  const rollUp = new StoryRollUp(plan.stories.length);

  await withClient(url, async (client) => {
    await client.query(`set maintenance_work_mem = '1GB'`);
    // Foreign keys are not checked row by row: the generator makes items, stories and entries agree.
    await client.query('set session_replication_role = replica');
    const indexes = await secondaryIndexes(client);
    for (const index of indexes) await client.query(`drop index ${index.name}`);

    await timed(phases, 'items', async () => {
      // The next batch is generated while PostgreSQL writes the previous one.
      let pending: Promise<unknown> = Promise.resolve();
      for (let low = 1; low <= items; low += batchSize) {
        const rows: SeededItem[] = [];
        for (let id = low; id < Math.min(low + batchSize, items + 1); id += 1) {
          const item = seededItem(plan, chains, id);
          rollUp.add(item);
          rows.push(item);
        }
        await pending;
        pending = insertItems(client, rows);
        if ((low - 1) % 200_000 === 0)
          options.log(`  items: ${(low - 1).toLocaleString('en')} of ${items.toLocaleString('en')}`);
      }
      await pending;
    });
    await timed(phases, 'stories', async () => {
      const primaries = plan.stories.map((story) => story.primaryItemId);
      for (let low = 0; low < plan.stories.length; low += batchSize * 5) {
        await insertStories(client, rollUp, primaries, low, Math.min(low + batchSize * 5, plan.stories.length));
      }
    });
    await timed(phases, 'entries', async () => {
      await client.query(
        `insert into entries (dedup_key, source_id, guid, item_id, url, content_hash, first_seen_at, last_changed_at)
         select dedup_key, source_id, guid, id, url, content_hash, first_seen_at, first_seen_at from items`,
      );
      // One item in twenty was also seen elsewhere (a syndicated copy): its alternate URL.
      const press = plan.sources.filter((source) => source.kind === 'press').map((source) => source.id);
      await client.query(
        `insert into entries (dedup_key, source_id, guid, item_id, url, content_hash, first_seen_at, last_changed_at)
         select md5('copy:' || i.id), ($1::text[])[1 + i.id % cardinality($1::text[])], 'copy-' || i.id, i.id,
                'https://syndicated.example/' || i.id, i.content_hash, i.first_seen_at + interval '2 hours',
                i.first_seen_at + interval '2 hours'
         from items i where i.id % 20 = 0`,
        [press],
      );
    });
    await timed(phases, 'indexes', async () => {
      for (const index of indexes) await client.query(index.definition);
      await client.query(`select setval(pg_get_serial_sequence('items', 'id'), (select max(id) from items))`);
      await client.query(`select setval(pg_get_serial_sequence('stories', 'id'), (select max(id) from stories))`);
    });
    await timed(phases, 'vacuum analyze', () => client.query('vacuum analyze'));
  });

  const { counts, indexes } = await withClient(url, async (client) => {
    const result = await client.query<{ items: string; stories: string; entries: string }>(
      `select (select count(*) from items) as items, (select count(*) from stories) as stories,
              (select count(*) from entries) as entries`,
    );
    return { counts: result.rows[0], indexes: await indexNames(client) };
  });
  const figures: SeedFigures = {
    database,
    url,
    items: Number(counts?.items),
    stories: Number(counts?.stories),
    entries: Number(counts?.entries),
    seconds: (performance.now() - began) / 1000,
    phases,
    reused: false,
    extraIndexes: [],
    missingIndexes: [],
  };
  await recordSeed(database, figures, indexes);
  return figures;
}
