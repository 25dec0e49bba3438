import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestConfigFields, loadConfig } from '@regwatch/config';
import { insertSource } from '@regwatch/db';
import { pollNow } from '@regwatch/queue';
import { testdataDir } from '@regwatch/sources';
import {
  createTestDatabase,
  type FixtureServer,
  feedHandler,
  startFixtureServer,
  type TestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIngest } from '../src/index.ts';

// Issue 11, "Article pages", through the real workers: the process worker queues the page of an
// entry without text, the article worker declared in the registry fetches it and fills the item.
let test: TestDatabase;
let server: FixtureServer;

const page = (name: string) => readFileSync(join(testdataDir, 'articles', name), 'utf8');
const html = 'text/html; charset=utf-8';
const feed = (items: { title: string; link: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.org/</link>${items
    .map(
      (item, n) =>
        `<item><title>${item.title}</title><link>${item.link}</link><pubDate>Mon, 23 Nov 2026 10:0${n}:00 GMT</pubDate><description/></item>`,
    )
    .join('')}</channel></rss>`;

beforeAll(async () => {
  test = await createTestDatabase('artworker');
  server = await startFixtureServer();
  server.route(
    '/ap/actueel/dpia',
    feedHandler(() => page('ap-nl-dpia-uitzonderingen.html'), html),
  );
  server.route(
    '/ip/novice/peskovnik',
    feedHandler(() => page('ip-si-regulativni-peskovnik.html'), html),
  );
  server.route(
    '/direct/feed.xml',
    feedHandler(() =>
      feed([
        { title: 'AP vraagt reacties op lijst DPIA-uitzonderingen', link: `${server.url}/ap/actueel/dpia` },
        { title: 'Javni poziv za regulativni peskovnik', link: `${server.url}/ip/novice/peskovnik` },
      ]),
    ),
  );
  // As the demo registers a source: polled from a replay server, linking to the real site.
  server.route(
    '/replayed/feed.xml',
    feedHandler(() =>
      feed([
        { title: 'AP stelt procesbeschrijving vast', link: 'https://www.autoriteitpersoonsgegevens.nl/actueel/proces' },
      ]),
    ),
  );
  for (const id of ['direct', 'replayed']) {
    await insertSource(test.database.db, {
      id,
      name: id,
      kind: 'regulator',
      url: `${server.url}/${id}/feed.xml`,
      linkBase: id === 'replayed' ? 'https://www.autoriteitpersoonsgegevens.nl/feed/article/rss.xml' : null,
      jurisdictions: ['NL'],
      pollIntervalSeconds: 3_600,
      fetchArticlePages: 'when-empty',
    });
  }
});
afterAll(async () => {
  await server?.close();
  await test?.drop();
});

const pages = async () =>
  (
    await test.database.db.execute<{
      source_id: string;
      summary: string;
      status: string | null;
      http_status: number | null;
    }>(
      sql`select i.source_id, i.summary, a.status, a.http_status from items i
          left join article_pages a on a.item_id = i.id order by i.url`,
    )
  ).rows;

describe('the article worker (issue 11)', () => {
  it('fills the summaries of entries without text, and asks a replayed source’s server, which answers 404', {
    timeout: 60_000,
  }, async () => {
    const config = loadConfig(
      ingestConfigFields,
      testEnv({ databaseUrl: test.url, prefix: uniquePrefix('artworker'), extra: { ARTICLE_CONCURRENCY: '1' } }),
    );
    expect(config.ARTICLE_CONCURRENCY).toBe(1);
    const ingest = await startIngest({ config, db: test.database.db, logger: pino({ level: 'silent' }) });
    try {
      await pollNow(ingest.queues.poll, 'direct');
      await pollNow(ingest.queues.poll, 'replayed');
      await waitFor(
        async () =>
          (await pages()).length === 3 &&
          (await pages()).every((row) => row.status !== null && row.status !== 'fetching'),
        {
          what: 'three article pages read',
          timeoutMs: 45_000,
        },
      );
      const rows = await pages();
      const direct = rows.filter((row) => row.source_id === 'direct');
      expect(direct.map((row) => row.status)).toEqual(['extracted', 'extracted']);
      expect(direct[0]?.summary).toMatch(/^De Autoriteit Persoonsgegevens \(AP\) wil weten/);
      expect(direct[1]?.summary).toMatch(/^Informacijski pooblaščenec \(IP\) vabi podjetja/);
      const replayed = rows.find((row) => row.source_id === 'replayed');
      expect(replayed).toMatchObject({ status: 'failed', http_status: 404, summary: '' });
      expect(server.requests.filter((request) => request.path === '/actueel/proces')).toHaveLength(1);
      for (const path of ['/ap/actueel/dpia', '/ip/novice/peskovnik'])
        expect(server.requests.filter((request) => request.path === path)).toHaveLength(1);
    } finally {
      await ingest.close();
    }
  });
});
