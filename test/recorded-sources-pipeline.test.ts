import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogRow, type Running, startParts } from '@regwatch/cli';
import { allConfigFields, loadConfig } from '@regwatch/config';
import { saveSource } from '@regwatch/db';
import { pollNow } from '@regwatch/queue';
import { sourceCatalog, testdataDir } from '@regwatch/sources';
import {
  createTestDatabase,
  deletePrefix,
  type FixtureServer,
  startFixtureServer,
  type TestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 11: every recorded source, polled from a local server and run through the whole pipeline
// (fetch, parse, normalise, relevance filter, queue, tag, dedup, cluster, store), reaches
// /v1/items with as many items as the recording has distinct entries. The Garante's five
// decisions were one item with four alternates.
//
// Expected numbers were read from the recordings (packages/sources/testdata and their READMEs),
// not from a run: an entry the source's relevance filter sets aside (press, FTC, California AG;
// pinned in the sources package's tests) is counted there and does not reach /v1/items.
const distinctItems: Record<string, number> = {
  // 10 search results: 7 dated news and blog posts, the Welsh twin of the first and two undated
  // landing pages ("How to deal with…", "Media centre") that the adapter does not take for news.
  'ico-news': 7,
  'ico-enforcement': 6,
  'opc-news-en': 5,
  'opc-news-fr': 5,
  'opc-pipeda-en': 3,
  'opc-pipeda-fr': 3,
  'opc-parl-en': 2,
  'opc-parl-fr': 2,
  'opc-blog-en': 2,
  'opc-blog-fr': 2,
  // 60 data rows under 3 header rows, 60 distinct AIAAIC ids.
  aiaaic: 60,
  edpb: 4,
  // 9 cards, one decision (Maynooth University) shown twice.
  'dpc-ie': 8,
  // Ten entries, of which the index page and the plenary agenda are set aside as not news.
  cnil: 8,
  'ap-nl': 7,
  // 15 German notices and 15 English ones (their twins): 30 entries, 30 links.
  bfdi: 30,
  aepd: 6,
  // Five decisions of 28 May 2026: docweb 10259701, 10259916, 10262588, 10262614, 10262455.
  'garante-it': 5,
  // Nine table rows under a header row.
  'ip-si': 9,
  // 7 press releases, 3 about privacy and data protection.
  ftc: 3,
  // 4 press releases, 3 about privacy.
  'ca-ag': 3,
  therecord: 2,
  bleepingcomputer: 2,
  theregister: 3,
  darkreading: 2,
  '404media': 3,
  'techcrunch-privacy': 2,
  iapp: 2,
  'euractiv-tech': 1,
};

let test: TestDatabase;
let server: FixtureServer;
let running: Running;
let apiUrl: string;
const prefix = uniquePrefix('e2erec');

interface ItemRow {
  id: string;
  title: string;
  url: string;
  storyId: string;
  source: { id: string };
}

async function itemsOf(sourceId: string): Promise<ItemRow[]> {
  const response = await fetch(`${apiUrl}/v1/items?source=${sourceId}&limit=100`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: ItemRow[] }).data;
}

beforeAll(async () => {
  test = await createTestDatabase('e2erec');
  server = await startFixtureServer();
  for (const source of sourceCatalog) {
    const body = await readFile(join(testdataDir, source.recorded.file));
    server.route(`/${source.id}`, (_request, response) => {
      response.writeHead(200, { 'content-type': source.recorded.contentType }).end(body);
    });
    await saveSource(test.database.db, catalogRow(source, server.url));
  }
  // A whole catalog on a shared 2-core machine: locks long enough that a busy event loop is not a stall.
  const env = testEnv({
    databaseUrl: test.url,
    prefix,
    extra: { WORKER_LOCK_MS: '60000', WORKER_STALLED_INTERVAL_MS: '30000' },
  });
  running = await startParts(loadConfig(allConfigFields, env), ['api', 'ingest'], { migrate: false });
  apiUrl = running.api?.url ?? '';
  const queues = running.ingest?.queues;
  if (!queues) throw new Error('ingest did not start');
  for (const source of sourceCatalog) await pollNow(queues.poll, source.id);
  // Done when every source was polled and no job is left to run.
  await waitFor(
    async () => {
      const polled = await test.database.db.execute<{ pending: number }>(
        sql`select count(*)::int as pending from sources where last_checked_at is null`,
      );
      if ((polled.rows[0]?.pending ?? 1) > 0) return undefined;
      // The poll queue always holds each source's next scheduled poll, delayed.
      const counts = await Promise.all([
        queues.poll.getJobCounts('waiting', 'active', 'prioritized'),
        queues.process.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
      ]);
      return counts.every((count) => Object.values(count).every((n) => n === 0)) ? true : undefined;
    },
    { what: 'every recorded source polled and processed', timeoutMs: 80_000, intervalMs: 250 },
  );
}, 120_000);
afterAll(async () => {
  await running?.stop();
  await server?.close();
  await deletePrefix(prefix);
  await test?.drop();
});

describe('issue 11: every recorded source through the whole pipeline', () => {
  it('covers every catalog source', () => {
    expect(Object.keys(distinctItems).sort()).toEqual(sourceCatalog.map((source) => source.id).sort());
  });

  it.each(Object.entries(distinctItems))('%s reaches /v1/items with %i distinct items', async (sourceId, expected) => {
    const items = await itemsOf(sourceId);
    expect(items.map((item) => item.title)).toHaveLength(expected);
    expect(new Set(items.map((item) => item.url)).size).toBe(expected);
  });

  it('keeps the Garante’s five decisions as five items in five stories', async () => {
    const items = await itemsOf('garante-it');
    expect(items.map((item) => /docweb\/(\d+)$/.exec(item.url)?.[1]).sort()).toEqual([
      '10259701',
      '10259916',
      '10262455',
      '10262588',
      '10262614',
    ]);
    expect(new Set(items.map((item) => item.storyId)).size).toBe(5);
  });

  it('keeps the CNIL/EHESS and CNIL/Inria prizes of one day in two stories', async () => {
    const prizes = (await itemsOf('cnil')).filter((item) => /prix-(ehess|inria)-cnil/.test(item.url));
    expect(prizes).toHaveLength(2);
    expect(prizes[0]?.storyId).not.toBe(prizes[1]?.storyId);
  });

  it('puts The Record’s and TechCrunch’s reports of Meta’s settlement in one story', async () => {
    const record = (await itemsOf('therecord')).find((item) => item.title.startsWith('Meta pledges'));
    const techcrunch = (await itemsOf('techcrunch-privacy')).find((item) => item.title.startsWith('Meta’s $18B'));
    expect(record?.storyId).toBeDefined();
    expect(techcrunch?.storyId).toBe(record?.storyId);
  });
});
