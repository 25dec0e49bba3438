import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Running, startParts } from '@regwatch/cli';
import { allConfigFields, loadConfig } from '@regwatch/config';
import { getSource } from '@regwatch/db';
import {
  createTestDatabase,
  deletePrefix,
  type FixtureServer,
  feedHandler,
  feedItemTitle,
  rssFeed,
  startFixtureServer,
  type TestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { scalar } from './support/db.ts';

// Issue 2: a feed served anywhere reaches /v1/items through the real queue and database.
let test: TestDatabase;
let server: FixtureServer;
let running: Running;
let env: NodeJS.ProcessEnv;
let apiUrl: string;
const prefix = uniquePrefix('e2efeed');
let feedBody = rssFeed({ count: 3 });
const feedResponses: number[] = [];

beforeAll(async () => {
  test = await createTestDatabase('e2efeed');
  server = await startFixtureServer();
  const serve = feedHandler(() => feedBody);
  server.route('/feed.xml', async (request, response) => {
    response.on('finish', () => feedResponses.push(response.statusCode));
    await serve(request, response);
  });
  env = testEnv({ databaseUrl: test.url, prefix });
  running = await startParts(loadConfig(allConfigFields, env), ['api', 'ingest'], { migrate: false });
  apiUrl = running.api?.url ?? '';
});
afterAll(async () => {
  await running.stop();
  await server.close();
  await deletePrefix(prefix);
  await test.drop();
});

async function items(): Promise<{ id: string; title: string; url: string }[]> {
  const response = await fetch(`${apiUrl}/v1/items?limit=100`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { id: string; title: string; url: string }[] }).data;
}

const lastCheck = async () => (await getSource(test.database.db, 'local'))?.lastCheckedAt?.getTime() ?? 0;

async function pollAndWait() {
  const before = await lastCheck();
  const result = await runCli(['sources', 'poll', 'local'], env);
  expect(result.code, result.stderr).toBe(0);
  await waitFor(async () => (await lastCheck()) > before, { what: 'the poll to finish' });
}

describe('a local feed, end to end', () => {
  it('appears in /v1/items after `regwatch sources add` and one poll', async () => {
    const added = await runCli(
      [
        'sources',
        'add',
        '--id',
        'local',
        '--url',
        `${server.url}/feed.xml`,
        '--name',
        'Local feed',
        '--jurisdiction',
        'GB',
      ],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('added source local');
    const listed = await waitFor(
      async () => {
        const data = await items();
        return data.length === 3 ? data : undefined;
      },
      { what: 'three items in /v1/items' },
    );
    expect(listed.map((item) => item.title)).toEqual([feedItemTitle(1), feedItemTitle(2), feedItemTitle(3)]);
    expect(listed[0]).toMatchObject({
      url: 'https://news.example.org/articles/1?utm_source=rss',
      jurisdictions: ['GB'],
    });
    expect(feedResponses).toEqual([200]);
  });

  it('sends the validators on the next poll, gets 304, and writes nothing', async () => {
    const snapshot = sql`select count(*)::int || '/' || max(updated_at)::text as value from items`;
    const before = await scalar<string>(test.database, snapshot);
    await pollAndWait();
    expect(feedResponses).toEqual([200, 304]);
    const request = server.requests.filter((entry) => entry.path === '/feed.xml').at(-1);
    expect(request?.headers['if-none-match']).toMatch(/^".+"$/);
    expect(request?.headers['if-modified-since']).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(await scalar<string>(test.database, snapshot)).toBe(before);
  });

  it('adds only the new items when the feed changes', async () => {
    const before = (await items()).map((item) => item.id);
    feedBody = rssFeed({ count: 5 }); // items 4 and 5 are new
    await pollAndWait();
    const after = await waitFor(
      async () => {
        const data = await items();
        return data.length === 5 ? data : undefined;
      },
      { what: 'five items' },
    );
    expect(
      after
        .map((item) => item.id)
        .filter((id) => before.includes(id))
        .sort(),
    ).toEqual([...before].sort());
    expect(await scalar<number>(test.database, sql`select count(*)::int as value from entries`)).toBe(5);
  });

  it('imports a saved copy of the feed without duplicating anything, and backfills older entries', async () => {
    const file = join(tmpdir(), `${prefix}-feed.xml`);
    await writeFile(file, feedBody);
    const again = await runCli(['import', '--source', 'local', file], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      /5 entries \(0 unusable, 0 set aside as not news or not about privacy, 5 already stored\); stored 0 new/,
    );
    expect((await items()).length).toBe(5);

    await writeFile(file, rssFeed({ count: 8 })); // items 6–8 exist only in the backfill file
    const backfill = await runCli(['import', '--source', 'local', file], env);
    expect(backfill.code, backfill.stderr).toBe(0);
    expect(backfill.stdout).toMatch(
      /8 entries \(0 unusable, 0 set aside as not news or not about privacy, 5 already stored\); stored 3 new/,
    );
    // The API reuses a response for API_RESPONSE_CACHE_SECONDS: the new items show once it expires.
    await waitFor(async () => (await items()).length === 8 || undefined, { what: 'eight items' });

    const repeat = await runCli(['import', '--source', 'local', file], env);
    expect(repeat.stdout).toMatch(/stored 0 new/);
    expect(await scalar<number>(test.database, sql`select count(*)::int as value from items`)).toBe(8);
  });

  it('refuses to import for an unknown source, or a file that is not a feed', async () => {
    const file = join(tmpdir(), `${prefix}-junk.txt`);
    await writeFile(file, 'not a feed');
    const unknown = await runCli(['import', '--source', 'nope', file], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown source "nope"/);
    const junk = await runCli(['import', '--source', 'local', file], env);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/document is not XML/);
  });
});
