/**
 * Screenshots of the public newsfeed pages over real recorded data: every catalog source's
 * recorded response (packages/sources/testdata) goes through the ingest pipeline
 * (`importDocument`) into a scratch database, as the demo does; the API then serves it with its
 * clock set just after the newest item, so `/` shows a real week. Writes docs/web-newsfeed.png
 * and docs/web-story.png (desktop, 1200 px) and their -phone.png twins (390 px), and prints the
 * size of each page. Needs PostgreSQL and Redis as the tests do (127.0.0.1); leaves nothing behind.
 *
 *   npx tsx scripts/web-screenshots.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiConfigFields, ingestConfigFields, loadConfig } from '@regwatch/config';
import { saveSource } from '@regwatch/db';
import { importDocument } from '@regwatch/ingest';
import { createRedis, waitForRedis } from '@regwatch/queue';
import { createLogger } from '@regwatch/runtime';
import { sourceCatalog, testdataDir } from '@regwatch/sources';
import { createTestDatabase, deletePrefix, launchBrowser, testRedisUrl, uniquePrefix } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { buildApp } from '../services/api/src/index.ts';
import { catalogRow } from '../services/cli/src/catalog-rows.ts';

const scratch = await createTestDatabase('webshots');
const prefix = uniquePrefix('webshots');
const logger = createLogger('warn', 'web-screenshots');
const redis = createRedis(testRedisUrl, 'client');
try {
  const { db } = scratch.database;
  const ingestConfig = loadConfig(ingestConfigFields, {
    DATABASE_URL: scratch.url,
    REDIS_URL: testRedisUrl,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
  });
  for (const source of sourceCatalog) {
    await saveSource(db, catalogRow(source));
    const body = readFileSync(join(testdataDir, source.recorded.file));
    await importDocument(
      { config: ingestConfig, db, logger },
      { sourceId: source.id, body, contentType: source.recorded.contentType, timeoutMs: 600_000 },
    );
  }
  const newest = await db.execute<{ at: string }>(sql`select max(last_published_at)::text as at from stories`);
  const newestAt = Date.parse(newest.rows[0]?.at ?? '');
  if (Number.isNaN(newestAt)) throw new Error('no stories were stored from the recordings');
  // The week's busiest story, for its page.
  const busiest = await db.execute<{ id: string }>(sql`
    select id::text from stories
    where merged_into_id is null and last_published_at >= ${new Date(newestAt - 7 * 86_400_000).toISOString()}::timestamptz
    order by item_count desc, last_published_at desc limit 1`);
  const storyId = busiest.rows[0]?.id;

  await waitForRedis(redis);
  const app = await buildApp({
    config: { ...loadConfig(apiConfigFields, {}), QUEUE_PREFIX: prefix, API_ANONYMOUS_RATE: 100_000 },
    database: scratch.database,
    redis,
    logger,
    lifecycle: { draining: false },
    version: 'screenshots',
    now: () => newestAt + 3_600_000,
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  try {
    const shots = [
      { path: '/', file: 'docs/web-newsfeed' },
      { path: `/stories/${storyId}`, file: 'docs/web-story' },
    ];
    for (const shot of shots) {
      const response = await fetch(`${origin}${shot.path}`);
      const bytes = Buffer.byteLength(await response.text());
      process.stdout.write(`${shot.path}: ${response.status}, ${(bytes / 1024).toFixed(1)} KB\n`);
      for (const device of [
        { suffix: '', viewport: { width: 1200, height: 900 }, isMobile: false },
        { suffix: '-phone', viewport: { width: 390, height: 844 }, isMobile: true },
      ]) {
        const context = await browser.newContext({
          viewport: device.viewport,
          isMobile: device.isMobile,
          hasTouch: device.isMobile,
          javaScriptEnabled: false,
        });
        const page = await context.newPage();
        await page.goto(`${origin}${shot.path}`);
        const file = `${shot.file}${device.suffix}.png`;
        await page.screenshot({ path: file, fullPage: !device.isMobile });
        process.stdout.write(`wrote ${file} (${device.viewport.width} px wide)\n`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await app.close();
  }
} finally {
  redis.disconnect();
  await scratch.drop();
  await deletePrefix(prefix);
}
