import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertSource } from '@regwatch/db';
import {
  createTestDatabase,
  deletePrefix,
  type TestDatabase,
  testEnv,
  testSource,
  uniquePrefix,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, runCli, spawnCli } from './support/cli.ts';

// Issue 4: two articles of one new story processed at the same time by different workers make
// one story. Two processes (a running ingest worker and `regwatch import`'s own worker), eight
// jobs at a time each, take the jobs of one feed whose two articles per event sit side by side.
let test: TestDatabase;
const prefix = uniquePrefix('e2estory');
const events = 24;
const feedFile = join(tmpdir(), `${prefix}.xml`);

function eventArticles(n: number): string {
  // A week apart: outside one another's time window, so events cannot interact.
  const at = Date.UTC(2026, 0, 5) + n * 7 * 86_400_000;
  const company = `Zentrox${String.fromCharCode(97 + (n % 26))}${n}`;
  const item = (suffix: string, title: string, summary: string, minutes: number) => `<item>
  <title>${title}</title>
  <link>https://press.example/${n}-${suffix}</link>
  <guid isPermaLink="false">${n}-${suffix}</guid>
  <pubDate>${new Date(at + minutes * 60_000).toUTCString()}</pubDate>
  <description>${summary}</description>
</item>`;
  return (
    item(
      'a',
      `${company} fined £4m by ICO over facial recognition`,
      `${company} used facial recognition on shoppers.`,
      0,
    ) +
    item(
      'b',
      `ICO fines ${company} £4m for facial recognition in shops`,
      `The ICO said ${company} scanned shoppers.`,
      5,
    )
  );
}

beforeAll(async () => {
  test = await createTestDatabase('e2estory');
  await insertSource(test.database.db, testSource('press', { name: 'Press', pollIntervalSeconds: 86_400 }));
  const items = Array.from({ length: events }, (_, n) => eventArticles(n)).join('\n');
  writeFileSync(
    feedFile,
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Press</title><link>https://press.example/</link>${items}</channel></rss>`,
  );
});
afterAll(async () => {
  await deletePrefix(prefix);
  await test.drop();
});

describe('story clustering under concurrent workers', () => {
  it('makes one story per event when both articles are processed at once', async () => {
    const env = testEnv({ databaseUrl: test.url, prefix, extra: { PROCESS_CONCURRENCY: '8' } });
    const worker = spawnCli(['start', '--only', 'ingest', '--no-migrate'], env);
    try {
      const imported = await runCli(['import', '--source', 'press', feedFile], env, 90_000);
      expect(imported.code, imported.stderr).toBe(0);
    } finally {
      worker.kill('SIGTERM');
      await exited(worker);
    }
    const result = await test.database.db.execute<{ items: number; stories: number; split: number }>(sql`
      select (select count(*)::int from items) as items,
             (select count(*)::int from stories where merged_into_id is null and item_count > 0) as stories,
             (select count(*)::int from (
                select split_part(guid, '-', 1) as event from items
                group by 1 having count(distinct story_id) > 1) e) as split`);
    expect(result.rows[0]).toEqual({ items: events * 2, stories: events, split: 0 });
  });
});
