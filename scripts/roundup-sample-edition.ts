/**
 * Builds packages/render/testdata/edition-sample.json, the edition the email tests, the bench and
 * the screenshots use, from real recorded stories: every catalog source's recorded response
 * (packages/sources/testdata) goes through the ingest pipeline (`importDocument`: parse,
 * normalise, dedup, cluster, tag, store) into a scratch database, as the demo does; the newest
 * edition week of what was stored is ranked as `/v1/digest` ranks it and composed as the roundup
 * service composes its editions (`composeStoredStories`). Needs PostgreSQL and Redis as the tests do (127.0.0.1); leaves nothing behind.
 *
 *   npx tsx scripts/roundup-sample-edition.ts [--min-stories 8]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestConfigFields, loadConfig } from '@regwatch/config';
import { editionPeriod, nextEditionBuildAt, previousEditionWeek, weekOf } from '@regwatch/core';
import { saveSource } from '@regwatch/db';
import { importDocument } from '@regwatch/ingest';
import { composeStoredStories } from '@regwatch/roundup';
import { createLogger } from '@regwatch/runtime';
import { sourceCatalog, testdataDir } from '@regwatch/sources';
import { createTestDatabase, deletePrefix, testRedisUrl, uniquePrefix } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { catalogRow } from '../services/cli/src/catalog-rows.ts';

const { values } = parseArgs({ options: { 'min-stories': { type: 'string', default: '8' } } });
const minStories = Number(values['min-stories']);
/** The most stories an edition holds here (what the sender's edition would cap at is its own choice). */
const editionLimit = 40;
const sampleFile = new URL('../packages/render/testdata/edition-sample.json', import.meta.url);
const fortyFile = new URL('../packages/render/testdata/edition-40-stories.json', import.meta.url);

const scratch = await createTestDatabase('roundupsample');
const prefix = uniquePrefix('roundupsample');
try {
  const config = loadConfig(ingestConfigFields, {
    DATABASE_URL: scratch.url,
    REDIS_URL: testRedisUrl,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger('warn', 'roundup-sample');
  const { db } = scratch.database;
  for (const source of sourceCatalog) {
    await saveSource(db, catalogRow(source));
    const body = readFileSync(join(testdataDir, source.recorded.file));
    await importDocument(
      { config, db, logger },
      { sourceId: source.id, body, contentType: source.recorded.contentType, timeoutMs: 600_000 },
    );
  }
  const compose = (week: string, since: Date, until: Date) =>
    composeStoredStories(db, { week, since, until, now: until, limit: editionLimit });
  const write = (file: URL, edition: Awaited<ReturnType<typeof compose>>, what: string) => {
    writeFileSync(file, `${JSON.stringify(edition, null, 2)}\n`);
    process.stdout.write(
      `wrote ${file.pathname}: ${what}, ${edition.storyCount} stories in ${edition.sections.length} sections\n`,
    );
  };

  // The newest week: the edition whose period holds the newest item with a known day.
  const newest = await db.execute<{ at: string }>(
    sql`select max(published_at)::text as at from items where published_precision in ('instant', 'day')`,
  );
  const newestAt = newest.rows[0]?.at;
  if (!newestAt) throw new Error('no items were stored from the recordings');
  const newestWeek = weekOf(nextEditionBuildAt(new Date(newestAt)));

  // The sample: the newest week holding at least --min-stories stories (the recordings are a
  // few items per source spread over months, so most weeks hold one or two).
  let week = newestWeek;
  for (let tries = 0; ; tries++) {
    const { since, until } = editionPeriod(week);
    const edition = await compose(week, since, until);
    if (edition.storyCount >= minStories || tries === 104) {
      write(sampleFile, edition, week);
      break;
    }
    week = previousEditionWeek(week);
  }

  // A busy week's size: the 40 best-ranked stories of the newest weeks, as many weeks back as it
  // takes, composed as one edition of the newest week (for the bench and the size test).
  const until = editionPeriod(newestWeek).until;
  let since = editionPeriod(newestWeek).since;
  for (let weeks = 1; weeks <= 104; weeks++) {
    const edition = await compose(newestWeek, since, until);
    if (edition.storyCount >= editionLimit || weeks === 104) {
      write(fortyFile, edition, `${newestWeek} and the ${weeks - 1} weeks before`);
      break;
    }
    since = new Date(since.getTime() - 7 * 86_400_000);
  }
} finally {
  await scratch.drop();
  await deletePrefix(prefix);
}
