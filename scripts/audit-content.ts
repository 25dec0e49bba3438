// The content audit: what a DPO would see in the demo's newsfeed, counted.
//
//   npm run audit:content                 the table per source and per language (Markdown)
//   npm run audit:content -- --json       the same counts as one JSON object
//   npm run audit:content -- --strict     exit 1 when a count is neither 0 nor explained
//   npm run audit:content -- --database regwatch_audit_2   another scratch database (tests)
//
// It runs every catalog source's recorded response through the whole pipeline (the recorded
// server, the guarded fetcher, parse, normalise, the process queue, dedup, clustering,
// tagging, storage) into a fresh database (`regwatch_audit`, dropped first) and a Redis prefix
// of its own, exactly as `regwatch demo` does, then reads what was stored. Expected entries
// come from parsing the same recordings with the sources' own adapters (after their relevance
// filters): that is what a person reading the recording would count as distinct entries. Of
// those, the ones the pipeline sets aside as non-news pages (index pages, agendas: core's
// newsPageVerdict, as the poll applies it) are counted apart, so items = entries - set aside.
// Non-news pages are judged by a person: scripts/audit/non-news.json lists the recorded
// entries that are not news (index pages, agendas), with why. Explained non-zero counts live
// in scripts/audit/explained.json (source, check, why).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allConfigFields, loadConfig } from '@regwatch/config';
import { htmlToText, newsPageVerdict, normaliseEntry, privacyRelevance } from '@regwatch/core';
import { migrateDatabase, saveSource } from '@regwatch/db';
import { pollNow } from '@regwatch/queue';
import { adapterFor, sourceCatalog, testdataDir } from '@regwatch/sources';
import pg from 'pg';
import { catalogRow } from '../services/cli/src/catalog-rows.ts';
import { startParts } from '../services/cli/src/commands/start.ts';
import { startRecordedServer } from '../services/cli/src/demo/recorded-server.ts';
import { migrationsFolder } from '../services/cli/src/paths.ts';
import { createLogger, openDatabase } from '../services/cli/src/runtime.ts';
import {
  cutMidSentence,
  cutMidWord,
  hasLiteralEntity,
  hasTruncationTail,
  titleWordCount,
} from './lib/content-checks.ts';

const argv = process.argv.slice(2);
const args = new Set(argv);
const databaseFlag = argv.indexOf('--database');
const databaseName = databaseFlag >= 0 ? (argv[databaseFlag + 1] ?? '') : 'regwatch_audit';
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(databaseName)) {
  process.stderr.write('audit:content: --database takes a lower-case PostgreSQL name (letters, digits, _)\n');
  process.exit(2);
}
// The server comes from the configuration in force (DATABASE_URL), the database is the audit's own.
const configured = loadConfig(allConfigFields, process.env);
const serverUrl = withDatabase(configured.DATABASE_URL, 'postgres');
const databaseUrl = withDatabase(configured.DATABASE_URL, databaseName);

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
const queuePrefix = `regwatch-audit-${process.pid}`;
const auditDir = join(import.meta.dirname, 'audit');

interface NonNewsEntry {
  source: string;
  title: string;
  why: string;
}
interface Explained {
  source: string;
  check: string;
  why: string;
}
const nonNews: NonNewsEntry[] = JSON.parse(readFileSync(join(auditDir, 'non-news.json'), 'utf8'));
const explained: Explained[] = JSON.parse(readFileSync(join(auditDir, 'explained.json'), 'utf8'));

/** The counts of one row of the table (a source or a language). */
interface Counts {
  entries: number;
  setAside: number;
  items: number;
  emptySummary: number;
  entity: number;
  tail: number;
  midWord: number;
  midSentence: number;
  shortTitle: number;
  datedAtFirstSight: number;
  nonNews: number;
}
const checks = [
  'emptySummary',
  'entity',
  'tail',
  'midWord',
  'midSentence',
  'shortTitle',
  'datedAtFirstSight',
  'nonNews',
] as const;
type Check = (typeof checks)[number];

function zero(): Counts {
  return {
    entries: 0,
    setAside: 0,
    items: 0,
    emptySummary: 0,
    entity: 0,
    tail: 0,
    midWord: 0,
    midSentence: 0,
    shortTitle: 0,
    datedAtFirstSight: 0,
    nonNews: 0,
  };
}

/** What a person reading the recording counts: its distinct entries, and which of them carry a date. */
async function recordedEntries(source: (typeof sourceCatalog)[number]) {
  const body = readFileSync(join(testdataDir, source.recorded.file));
  const feed = await adapterFor(source.format).parse(
    { body, contentType: source.recorded.contentType, url: source.url },
    source.options ?? {},
  );
  const now = new Date();
  const byKey = new Map<string, { title: string; dated: boolean; text: string; news: boolean }>();
  for (const entry of feed.entries) {
    const result = normaliseEntry(entry, {
      sourceId: source.id,
      baseUrl: source.url,
      language: feed.language ?? source.language,
      now,
    });
    if (!result.ok) continue;
    const item = result.item;
    if (
      source.relevance &&
      !privacyRelevance({ title: item.title, summary: item.summary, categories: item.labels.categories ?? [] }).relevant
    ) {
      continue;
    }
    if (!byKey.has(item.dedupKey)) {
      const texts = [entry.summary, entry.content].map((html) => htmlToText(html ?? ''));
      const text = texts.reduce((longest, next) => (next.length > longest.length ? next : longest), '');
      byKey.set(item.dedupKey, {
        title: item.title,
        dated: Boolean(entry.published ?? entry.updated),
        text,
        news: newsPageVerdict({ title: item.title, summary: item.summary }).news,
      });
    }
  }
  return byKey;
}

async function freshDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${databaseName} with (force)`);
    await admin.query(`create database ${databaseName}`);
  } finally {
    await admin.end();
  }
}

async function waitUntilDrained(running: Awaited<ReturnType<typeof startParts>>, client: pg.Client) {
  const deadline = Date.now() + 240_000;
  let quietChecks = 0;
  while (Date.now() < deadline) {
    const unpolled = await client.query('select count(*)::int as n from sources where last_checked_at is null');
    const counts = await running.ingest?.queues.process.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    const pending = Object.values(counts ?? {}).reduce((sum, n) => sum + n, 0);
    const polls = await running.ingest?.queues.poll.getJobCounts('waiting', 'active');
    const pendingPolls = Object.values(polls ?? {}).reduce((sum, n) => sum + n, 0);
    quietChecks = unpolled.rows[0].n === 0 && pending === 0 && pendingPolls === 0 ? quietChecks + 1 : 0;
    if (quietChecks >= 3) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the pipeline did not drain within 240 s');
}

async function main(): Promise<number> {
  await freshDatabase();
  await migrateDatabase(databaseUrl, migrationsFolder);
  const config = loadConfig(allConfigFields, {
    ...process.env,
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: queuePrefix,
    FETCH_ALLOW_ADDRESSES: '127.0.0.1/32',
    LOG_LEVEL: 'error',
  });
  const recorded = await startRecordedServer(
    sourceCatalog.map((source) => ({
      path: `/${source.id}`,
      file: join(testdataDir, source.recorded.file),
      contentType: source.recorded.contentType,
      methods: [source.request?.method ?? 'GET'],
    })),
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let running: Awaited<ReturnType<typeof startParts>> | undefined;
  try {
    const database = openDatabase(databaseUrl, 'regwatch-audit', createLogger('error'));
    try {
      for (const source of sourceCatalog) await saveSource(database.db, catalogRow(source, recorded.url));
    } finally {
      await database.close();
    }
    running = await startParts(config, ['ingest'], { migrate: false });
    const ingest = running.ingest;
    if (ingest) for (const source of sourceCatalog) await pollNow(ingest.queues.poll, source.id);
    await waitUntilDrained(running, client);

    const bySource = new Map<string, Counts>();
    const byLanguage = new Map<string, Counts>();
    const failures: string[] = [];
    const sourceRows = await client.query(
      'select id, last_error_code, last_error, consecutive_failures from sources order by id',
    );
    for (const row of sourceRows.rows) {
      if (row.last_error_code) failures.push(`${row.id}: ${row.last_error_code} ${row.last_error ?? ''}`);
    }
    for (const source of sourceCatalog) {
      const expected = await recordedEntries(source);
      const counts = zero();
      counts.entries = expected.size;
      counts.setAside = [...expected.values()].filter((entry) => !entry.news).length;
      const datedTitles = new Set([...expected.values()].filter((entry) => entry.dated).map((entry) => entry.title));
      const textOf = new Map([...expected.values()].map((entry) => [entry.title, entry.text]));
      const stored = await client.query(
        `select title, summary, content, coalesce(language, 'und') as language, published_from = 'first-seen' as dated_at_first_sight
           from items where source_id = $1`,
        [source.id],
      );
      for (const item of stored.rows) {
        const sourceText = textOf.get(item.title) ?? item.content;
        const language = item.language as string;
        const row = byLanguage.get(language) ?? zero();
        byLanguage.set(language, row);
        const found: Partial<Record<Check | 'items', boolean>> = {
          items: true,
          emptySummary: item.summary.trim() === '',
          entity: hasLiteralEntity(item.summary) || hasLiteralEntity(item.title),
          tail: hasTruncationTail(item.summary),
          midWord: cutMidWord(item.summary, sourceText),
          midSentence: cutMidSentence(item.summary, sourceText),
          shortTitle: titleWordCount(item.title) < 3,
          datedAtFirstSight: item.dated_at_first_sight && datedTitles.has(item.title),
          nonNews: nonNews.some((entry) => entry.source === source.id && entry.title === item.title),
        };
        for (const [key, hit] of Object.entries(found)) {
          if (!hit) continue;
          counts[key as keyof Counts] += 1;
          row[key as keyof Counts] += 1;
        }
      }
      bySource.set(source.id, counts);
      for (const [language, row] of byLanguage) byLanguage.set(language, row);
    }
    // Languages count the recording's entries by the source's language.
    for (const source of sourceCatalog) {
      const row = byLanguage.get(source.language) ?? zero();
      row.entries += bySource.get(source.id)?.entries ?? 0;
      row.setAside += bySource.get(source.id)?.setAside ?? 0;
      byLanguage.set(source.language, row);
    }

    const unexplained: string[] = [];
    for (const [sourceId, counts] of bySource) {
      if (counts.items !== counts.entries - counts.setAside && !isExplained(sourceId, 'items')) {
        unexplained.push(
          `${sourceId}: ${counts.items} items for ${counts.entries} distinct entries, ${counts.setAside} set aside`,
        );
      }
      for (const check of checks) {
        if (counts[check] > 0 && !isExplained(sourceId, check))
          unexplained.push(`${sourceId}: ${check} ${counts[check]}`);
      }
    }

    if (args.has('--json')) {
      process.stdout.write(
        `${JSON.stringify({
          sources: Object.fromEntries(bySource),
          languages: Object.fromEntries(byLanguage),
          failures,
          unexplained,
        })}\n`,
      );
    } else {
      process.stdout.write(table('source', bySource));
      process.stdout.write('\n');
      process.stdout.write(table('language', byLanguage));
      process.stdout.write(
        `\nColumns: entries = distinct entries in the recording (after the source's relevance filter); set aside = of those,\n` +
          'non-news pages the pipeline keeps out (index pages, agendas); items = stored items (entries - set aside);\n' +
          'empty = empty summaries; entity = a literal HTML entity in a title or summary; tail = a […]/[...]/.…/"read more" tail;\n' +
          'mid-word = summary cut inside a word of the entry text; mid-sentence = cut from a longer text before a sentence end;\n' +
          '<3 words = titles under three words; first sight = dated when first seen although the source gave a date;\n' +
          'non-news = entries a person judged not news (scripts/audit/non-news.json) that got through.\n',
      );
      if (failures.length) process.stdout.write(`\nSources that failed: ${failures.join('; ')}\n`);
      process.stdout.write(
        unexplained.length
          ? `\nUnexplained (neither 0 nor in scripts/audit/explained.json):\n  ${unexplained.join('\n  ')}\n`
          : '\nEvery count is 0 or explained in scripts/audit/explained.json.\n',
      );
    }
    return args.has('--strict') && (unexplained.length > 0 || failures.length > 0) ? 1 : 0;
  } finally {
    await running?.stop().catch(() => undefined);
    await cleanRedis().catch(() => undefined);
    await client.end();
    await recorded.close();
  }
}

function isExplained(source: string, check: string): boolean {
  return explained.some((entry) => entry.source === source && entry.check === check);
}

function table(first: string, rows: Map<string, Counts>): string {
  const header = [
    first,
    'entries',
    'set aside',
    'items',
    'empty',
    'entity',
    'tail',
    'mid-word',
    'mid-sentence',
    '<3 words',
    'first sight',
    'non-news',
  ];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`,
  ];
  const total = zero();
  for (const [name, counts] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const values = [counts.entries, counts.setAside, counts.items, ...checks.map((check) => counts[check])];
    lines.push(`| ${name} | ${values.join(' | ')} |`);
    for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
  }
  const totals = [total.entries, total.setAside, total.items, ...checks.map((check) => total[check])];
  lines.push(`| **all** | ${totals.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

async function cleanRedis(): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(configured.REDIS_URL, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:content: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
