import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { insertSource } from '@regwatch/db';
import type { ArticleJob } from '@regwatch/queue';
import { testdataDir } from '@regwatch/sources';
import { feedHandler } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFetchUrl, fetchArticle, pollSource, reconcileArticlePages, storeBatchJob } from '../src/index.ts';
import { type PollHarness, startPollHarness } from './poll-harness.ts';

// Issue 11, "Article pages": where a listing gives no text, the item's page is fetched (through
// the poll's guarded fetcher, once per entry version) and its main text makes the summary.
let harness: PollHarness;
let test: PollHarness['test'];
let server: PollHarness['server'];
let queues: PollHarness['queues'];
let deps: PollHarness['deps'];

beforeAll(async () => {
  harness = await startPollHarness('articles', 2_000);
  ({ test, server, queues, deps } = harness);
});
afterAll(() => harness.close());

const articlePage = (name: string) => readFileSync(join(testdataDir, 'articles', name), 'utf8');
const html = 'text/html; charset=utf-8';

/** An RSS feed whose items carry no description, as the AP's does. */
function emptyFeed(items: { title: string; link: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.org/</link>
${items
  .map(
    (item, n) =>
      `<item><title>${item.title}</title><link>${item.link}</link><guid>${item.link}</guid>` +
      `<pubDate>Mon, 23 Nov 2026 10:0${n}:00 GMT</pubDate><description></description></item>`,
  )
  .join('\n')}</channel></rss>`;
}

let feedBody = '';
async function addSource(id: string, items: { title: string; link: string }[], mode?: 'never' | 'when-empty') {
  feedBody = emptyFeed(items);
  const body = feedBody;
  server.route(
    `/${id}/feed.xml`,
    feedHandler(() => body),
  );
  await insertSource(test.database.db, {
    id,
    name: id,
    kind: 'regulator',
    url: `${server.url}/${id}/feed.xml`,
    jurisdictions: ['NL'],
    language: 'nl',
    pollIntervalSeconds: 600,
    ...(mode ? { fetchArticlePages: mode } : {}),
  });
}

/** Polls a source and runs the processing step on what it queued, as the process worker would. */
async function pollAndProcess(sourceId: string): Promise<void> {
  const summary = await pollSource(deps, sourceId, true);
  expect(summary.status, JSON.stringify(summary)).toBe('fetched');
  const jobs = await queues.process.getJobs(['waiting', 'prioritized']);
  await queues.process.obliterate({ force: true });
  for (const job of jobs) await storeBatchJob(test.database.db, job.data, { article: queues.article });
}

/** The article jobs queued so far (taken off the queue), as the article worker would receive them. */
async function takeArticleJobs(): Promise<ArticleJob[]> {
  const jobs = await queues.article.getJobs(['waiting', 'prioritized']);
  await queues.article.obliterate({ force: true });
  return jobs.map((job) => job.data);
}

async function itemByUrl(url: string) {
  const result = await test.database.db.execute<{
    id: string;
    summary: string;
    content: string;
    story_summary: string;
    story_features: { terms: string[] } | null;
  }>(sql`select i.id::text, i.summary, i.content, s.summary as story_summary, i.story_features
         from items i left join stories s on s.id = i.story_id where i.url = ${url}`);
  const row = result.rows[0];
  if (!row) throw new Error(`no item at ${url}`);
  return row;
}

async function pageOf(itemId: string) {
  const result = await test.database.db.execute<{
    status: string;
    attempts: number;
    http_status: number | null;
    error_code: string | null;
    etag: string | null;
    retryable: boolean;
  }>(
    sql`select status, attempts, http_status, error_code, etag, retryable from article_pages where item_id = ${itemId}::bigint`,
  );
  return result.rows[0];
}

const requestsTo = (path: string) => server.requests.filter((request) => request.path === path);

describe('article pages', () => {
  it('fills an empty entry from its page: text stored, summary rebuilt, story and features follow', async () => {
    const link = `${server.url}/ap/actueel/dpia.html`;
    server.route(
      '/ap/actueel/dpia.html',
      feedHandler(() => articlePage('ap-nl-dpia-uitzonderingen.html'), html),
    );
    await addSource('ap-text', [{ title: 'AP vraagt reacties op lijst DPIA-uitzonderingen', link }], 'when-empty');
    await pollAndProcess('ap-text');
    const before = await itemByUrl(link);
    expect(before.summary).toBe('');

    const jobs = await takeArticleJobs();
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    if (!job) throw new Error('no article job');
    expect(await fetchArticle(deps, job)).toMatchObject({ status: 'extracted' });

    const after = await itemByUrl(link);
    expect(after.summary).toMatch(/^De Autoriteit Persoonsgegevens \(AP\) wil weten wat organisaties vinden/);
    expect(after.summary.length).toBeLessThanOrEqual(600);
    expect(after.summary).not.toMatch(/Overslaan|Kruimelpad|Postbus/);
    expect(after.content).toContain('Europees Comité voor gegevensbescherming (EDPB)');
    expect(after.story_summary).toBe(after.summary);
    // The story features now come from the page's text, not the title alone.
    expect(after.story_features?.terms.length).toBeGreaterThan(before.story_features?.terms.length ?? 0);
    expect(await pageOf(after.id)).toMatchObject({ status: 'extracted', attempts: 1, http_status: 200 });
    const stored = await test.database.db.execute<{ text: string }>(
      sql`select text from article_pages where item_id = ${after.id}::bigint`,
    );
    expect(stored.rows[0]?.text).toMatch(/^De Autoriteit Persoonsgegevens/);
  });

  it('fetches a page once: processing the same entry again, or replaying its job, sends no second request', async () => {
    const path = '/ap/actueel/once.html';
    const link = `${server.url}${path}`;
    server.route(
      path,
      feedHandler(() => articlePage('ap-nl-dpia-uitzonderingen.html'), html),
    );
    await addSource('ap-once', [{ title: 'AP vraagt reacties op lijst DPIA-uitzonderingen (2)', link }], 'when-empty');
    await pollAndProcess('ap-once');
    const [job] = await takeArticleJobs();
    if (!job) throw new Error('no article job');
    await fetchArticle(deps, job);
    expect(requestsTo(path)).toHaveLength(1);

    // The same entry version processed again (a retry, the reconciler) and its job replayed.
    const item = await itemByUrl(link);
    const payload = {
      item: {
        sourceId: 'ap-once',
        guid: link,
        dedupKey: job.dedupKey,
        url: link,
        canonicalUrl: link,
        title: 'AP vraagt reacties op lijst DPIA-uitzonderingen (2)',
        summary: '',
        content: '',
        author: null,
        publishedAt: '2026-11-23T10:00:00.000Z',
        language: 'nl',
        labels: {},
        contentHash: job.entryHash,
      },
      jurisdictions: ['NL'],
      articlePages: 'when-empty' as const,
    };
    await storeBatchJob(test.database.db, payload, { article: queues.article });
    const again = await takeArticleJobs();
    for (const replay of [...again, job]) {
      expect(await fetchArticle(deps, replay)).toEqual({
        status: 'skipped',
        reason: 'already fetched for this version of the entry',
      });
    }
    expect(requestsTo(path)).toHaveLength(1);
    expect((await itemByUrl(link)).summary).toBe(item.summary);
  });

  it('asks again with a conditional GET when the entry changes, and keeps the text on 304', async () => {
    const path = '/ap/actueel/conditional.html';
    const link = `${server.url}${path}`;
    server.route(
      path,
      feedHandler(() => articlePage('ap-nl-dpia-uitzonderingen.html'), html),
    );
    await addSource('ap-cond', [{ title: 'AP vraagt reacties op DPIA-lijst', link }], 'when-empty');
    await pollAndProcess('ap-cond');
    for (const job of await takeArticleJobs()) await fetchArticle(deps, job);
    const first = await itemByUrl(link);
    expect(first.summary).not.toBe('');
    expect((await pageOf(first.id))?.etag).toMatch(/^"/);

    // The entry's title is edited: a new version, still without text, overwrites the item.
    const edited = emptyFeed([{ title: 'AP vraagt reacties op lijst DPIA-uitzonderingen', link }]);
    server.route(
      '/ap-cond/feed.xml',
      feedHandler(() => edited),
    );
    await pollAndProcess('ap-cond');
    expect((await itemByUrl(link)).summary).toBe('');
    const jobs = await takeArticleJobs();
    expect(jobs).toHaveLength(1);
    for (const job of jobs) expect(await fetchArticle(deps, job)).toEqual({ status: 'not-modified' });

    const requests = requestsTo(path);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers['if-none-match']).toBe((await pageOf(first.id))?.etag);
    expect(requests[1]?.headers['if-modified-since']).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
    expect((await itemByUrl(link)).summary).toBe(first.summary);
    expect(await pageOf(first.id)).toMatchObject({ status: 'extracted', attempts: 1 });
  });

  it('refuses an article link to a private address (the SSRF guard) and records it once', async () => {
    const link = 'http://10.20.30.40/actueel/intern.html';
    await addSource('ap-ssrf', [{ title: 'AP bericht met een interne link', link }], 'when-empty');
    await pollAndProcess('ap-ssrf');
    const [job] = await takeArticleJobs();
    if (!job) throw new Error('no article job');
    expect(await fetchArticle(deps, job)).toMatchObject({
      status: 'failed',
      code: 'fetch_blocked_address',
      retryable: false,
    });
    const item = await itemByUrl(link);
    expect(await pageOf(item.id)).toMatchObject({
      status: 'failed',
      error_code: 'fetch_blocked_address',
      retryable: false,
    });
    expect(item.summary).toBe('');
    // Recorded, not retried: the job replayed does nothing.
    expect(await fetchArticle(deps, job)).toMatchObject({ status: 'skipped' });
  });

  it('refuses a page over FETCH_MAX_BYTES and records it; the item keeps its empty summary', async () => {
    const path = '/ap/actueel/huge.html';
    const link = `${server.url}${path}`;
    const huge = `<html><body><article>${'<p>Een zeer lange pagina over persoonsgegevens en toezicht.</p>'.repeat(6_000)}</article></body></html>`;
    expect(huge.length).toBeGreaterThan(deps.limits.maxBytes);
    server.route(path, (_request, response) => {
      response.writeHead(200, { 'content-type': html }).end(huge);
    });
    await addSource('ap-huge', [{ title: 'AP publiceert een heel lange pagina', link }], 'when-empty');
    await pollAndProcess('ap-huge');
    for (const job of await takeArticleJobs())
      expect(await fetchArticle(deps, job)).toMatchObject({
        status: 'failed',
        code: 'fetch_too_large',
        retryable: false,
      });
    const item = await itemByUrl(link);
    expect(await pageOf(item.id)).toMatchObject({ status: 'failed', error_code: 'fetch_too_large' });
    expect(item.summary).toBe('');
  });

  it('records a 404 once and leaves the item with its empty summary', async () => {
    const path = '/ap/actueel/gone.html';
    const link = `${server.url}${path}`;
    await addSource('ap-404', [{ title: 'AP bericht dat niet meer bestaat', link }], 'when-empty');
    await pollAndProcess('ap-404');
    const [job] = await takeArticleJobs();
    if (!job) throw new Error('no article job');
    expect(await fetchArticle(deps, job)).toMatchObject({
      status: 'failed',
      code: 'fetch_http_status',
      retryable: false,
    });
    const item = await itemByUrl(link);
    expect(await pageOf(item.id)).toMatchObject({ status: 'failed', http_status: 404, attempts: 1, retryable: false });
    expect(item.summary).toBe('');
    expect(await fetchArticle(deps, job)).toMatchObject({ status: 'skipped' });
    expect(requestsTo(path)).toHaveLength(1);
  });

  it('retries a 503 a bounded number of times, then records it', async () => {
    const path = '/ap/actueel/busy.html';
    const link = `${server.url}${path}`;
    server.route(path, (_request, response) => {
      response.writeHead(503).end('busy');
    });
    await addSource('ap-503', [{ title: 'AP bericht op een drukke server', link }], 'when-empty');
    await pollAndProcess('ap-503');
    const [job] = await takeArticleJobs();
    if (!job) throw new Error('no article job');
    // The first two attempts throw (the queue retries them); the third is the last.
    await expect(fetchArticle(deps, job)).rejects.toMatchObject({ code: 'fetch_http_status' });
    await expect(fetchArticle(deps, job)).rejects.toMatchObject({ code: 'fetch_http_status' });
    expect(await fetchArticle(deps, job)).toMatchObject({ status: 'failed', retryable: false });
    expect(await fetchArticle(deps, job)).toMatchObject({ status: 'skipped' });
    expect(requestsTo(path)).toHaveLength(3);
    const item = await itemByUrl(link);
    expect(await pageOf(item.id)).toMatchObject({ status: 'failed', http_status: 503, attempts: 3 });
  });

  it('records a page without an article as such and keeps the empty summary', async () => {
    const path = '/bfdi/overview.html';
    const link = `${server.url}${path}`;
    server.route(
      path,
      feedHandler(() => articlePage('bfdi-overview-no-article.html'), html),
    );
    await addSource('bfdi-index', [{ title: 'BfDI Kurzmeldungen im Überblick', link }], 'when-empty');
    await pollAndProcess('bfdi-index');
    for (const job of await takeArticleJobs()) expect(await fetchArticle(deps, job)).toEqual({ status: 'no-article' });
    const item = await itemByUrl(link);
    expect(await pageOf(item.id)).toMatchObject({ status: 'no-article', http_status: 200 });
    expect(item.summary).toBe('');
  });

  it("never fetches the pages of a source set to 'never' (the default)", async () => {
    const path = '/plain/actueel/page.html';
    const link = `${server.url}${path}`;
    server.route(
      path,
      feedHandler(() => articlePage('ap-nl-dpia-uitzonderingen.html'), html),
    );
    await addSource('plain-never', [{ title: 'Een bericht zonder tekst', link }]);
    await pollAndProcess('plain-never');
    expect(await takeArticleJobs()).toEqual([]);
    expect(requestsTo(path)).toEqual([]);
    expect((await itemByUrl(link)).summary).toBe('');
  });

  it('queues again from PostgreSQL a page whose job Redis lost, and nothing once it was read', async () => {
    const path = '/ap/actueel/lost.html';
    const link = `${server.url}${path}`;
    server.route(
      path,
      feedHandler(() => articlePage('ap-nl-dpia-uitzonderingen.html'), html),
    );
    await addSource('ap-lost', [{ title: 'AP bericht waarvan de taak verloren ging', link }], 'when-empty');
    await pollAndProcess('ap-lost');
    await takeArticleJobs(); // Redis lost the job.
    const later = new Date(Date.now() + 60_000);
    expect(await reconcileArticlePages(test.database.db, queues.article, { graceMs: 1_000, now: later })).toBe(1);
    const jobs = await takeArticleJobs();
    expect(jobs).toHaveLength(1);
    for (const job of jobs) expect(await fetchArticle(deps, job)).toMatchObject({ status: 'extracted' });
    expect(await reconcileArticlePages(test.database.db, queues.article, { graceMs: 1_000, now: later })).toBe(0);
    expect(requestsTo(path)).toHaveLength(1);
  });

  it('asks a replayed or mirrored source’s own server for its pages, never the real site', () => {
    const mirror = {
      url: 'http://127.0.0.1:4100/ap-nl',
      linkBase: 'https://www.autoriteitpersoonsgegevens.nl/feed/article/rss.xml',
    };
    expect(articleFetchUrl('https://www.autoriteitpersoonsgegevens.nl/actueel/x?y=1', mirror)).toBe(
      'http://127.0.0.1:4100/actueel/x?y=1',
    );
    expect(articleFetchUrl('https://other.example/actueel/x', mirror)).toBe('https://other.example/actueel/x');
    expect(articleFetchUrl('https://www.autoriteitpersoonsgegevens.nl/a', { url: 'https://x/', linkBase: null })).toBe(
      'https://www.autoriteitpersoonsgegevens.nl/a',
    );
  });
});
