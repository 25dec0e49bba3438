import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertSource } from '@regwatch/db';
import { testdataDir } from '@regwatch/sources';
import { createTestDatabase, deletePrefix, rssFeed, type TestDatabase, testEnv, uniquePrefix } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { scalar } from './support/db.ts';

// Issue 12: `regwatch import` read any file whole (a 100 MiB file: 818 MB resident). A file
// above FETCH_MAX_BYTES is refused from its size, in one line, before anything is stored; one
// at the cap is imported. What decoding its bytes had to guess is said, as on a polled source.
const MiB = 1024 * 1024;
const cap = MiB; // A small FETCH_MAX_BYTES keeps the file at the cap quick to import.
let test: TestDatabase;
let env: NodeJS.ProcessEnv;
const prefix = uniquePrefix('importcap');
const dir = mkdtempSync(join(tmpdir(), 'regwatch-import-cap-'));

/** A valid feed of `count` entries padded with an XML comment to exactly `bytes` bytes. */
function feedOfSize(bytes: number, count: number): string {
  const feed = rssFeed({ count });
  const room = bytes - Buffer.byteLength(feed) - '<!--  -->\n'.length;
  if (room < 0) throw new Error(`a feed of ${count} entries does not fit in ${bytes} bytes`);
  return `${feed.replace('<rss', `<!-- ${'x'.repeat(room)} -->\n<rss`)}`;
}

const stored = () => scalar<number>(test.database, sql`select count(*)::int as value from items`);
const pending = () => scalar<number>(test.database, sql`select count(*)::int as value from pending_entries`);

beforeAll(async () => {
  test = await createTestDatabase('importcap');
  await insertSource(test.database.db, {
    id: 'saved',
    name: 'Saved feed',
    kind: 'press',
    url: 'https://news.example.org/feed.xml',
    jurisdictions: [],
    pollIntervalSeconds: 3_600,
  });
  env = testEnv({ databaseUrl: test.url, prefix });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await deletePrefix(prefix);
  await test.drop();
});

describe('regwatch import', () => {
  it('refuses a 100 MiB file above FETCH_MAX_BYTES in one line, with exit code 1, storing nothing', async () => {
    const file = join(dir, 'huge.xml');
    writeFileSync(file, '');
    truncateSync(file, 100 * MiB); // Sparse: the size is real, the disk blocks are not.
    const result = await runCli(['import', '--source', 'saved', file], env);
    expect(result.stderr.trim().split('\n')).toEqual([
      `regwatch: ${file} is ${100 * MiB} bytes, above FETCH_MAX_BYTES (${10 * MiB}); split it, or raise FETCH_MAX_BYTES`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(await stored()).toBe(0);
    expect(await pending()).toBe(0);
  });

  it('refuses a file one byte above the cap, and imports one exactly at it', async () => {
    const capped = { ...env, FETCH_MAX_BYTES: String(cap) };
    const over = join(dir, 'over.xml');
    writeFileSync(over, feedOfSize(cap + 1, 3));
    const refused = await runCli(['import', '--source', 'saved', over], capped);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `regwatch: ${over} is ${cap + 1} bytes, above FETCH_MAX_BYTES (${cap}); split it, or raise FETCH_MAX_BYTES`,
    );
    expect(await stored()).toBe(0);

    const at = join(dir, 'at.xml');
    writeFileSync(at, feedOfSize(cap, 3));
    const imported = await runCli(['import', '--source', 'saved', at], capped);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/: 3 entries .*stored 3 new/);
    expect(await stored()).toBe(3);
  });

  it('names what reading the file had to guess, on stderr', async () => {
    // The recorded KOI8-R feed without its prolog's encoding: nothing declares the charset.
    const koi8 = readFileSync(join(testdataDir, 'feed', 'koi8r.xml')).toString('latin1');
    const file = join(dir, 'koi8r-undeclared.xml');
    writeFileSync(
      file,
      Buffer.from(koi8.replace(' encoding="KOI8-R"', '').replaceAll('example.com', 'koi8.example'), 'latin1'),
    );
    const result = await runCli(['import', '--source', 'saved', file], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.trim()).toBe(`${file}: no declared encoding; decoded as KOI8-R (detected)`);
    const titles = await test.database.db.execute<{ title: string }>(
      sql`select title from items where url like 'http%://koi8.example/%' order by title`,
    );
    expect(titles.rows.map((row) => row.title)).toContain('Первая новость');
  });

  it('says why a file cannot be read, as a usage error', async () => {
    const missing = await runCli(['import', '--source', 'saved', join(dir, 'missing.xml')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^regwatch: cannot read .*missing\.xml: no such file; run `regwatch help` for usage$/m,
    );
    const directory = await runCli(['import', '--source', 'saved', dir], env);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toMatch(/: it is a directory, not a file; run `regwatch help` for usage$/m);
  });
});
