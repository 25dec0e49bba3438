import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pollPolicy, sourceHealthStatus } from '@regwatch/core';
import { getItem, getSource, insertSource } from '@regwatch/db';
import { entriesOfJob } from '@regwatch/queue';
import { testdataDir } from '@regwatch/sources';
import { feedHandler, rssFeed } from '@regwatch/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pollSource, storeBatchJob } from '../src/index.ts';
import { type PollHarness, startPollHarness } from './poll-harness.ts';

let harness: PollHarness;
let test: PollHarness['test'];
let server: PollHarness['server'];
let queues: PollHarness['queues'];
let deps: PollHarness['deps'];
let now: Date;

beforeAll(async () => {
  harness = await startPollHarness('poll');
  ({ test, server, queues, deps } = harness);
  now = deps.now?.() ?? new Date();
});
afterAll(() => harness.close());
beforeEach(async () => {
  await queues.process.obliterate({ force: true });
});

let sourceCount = 0;
async function addSource(path: string) {
  sourceCount += 1;
  return insertSource(test.database.db, {
    id: `source-${sourceCount}`,
    name: `Source ${sourceCount}`,
    kind: 'press',
    url: `${server.url}${path}`,
    jurisdictions: ['GB'],
    pollIntervalSeconds: 600,
  });
}

/** Runs the processing step for every queued job, as the process worker would; returns the entries stored. */
async function drainProcessQueue() {
  const jobs = await queues.process.getJobs(['waiting', 'prioritized']);
  for (const job of jobs) await storeBatchJob(test.database.db, job.data);
  await queues.process.obliterate({ force: true });
  return jobs.reduce((sum, job) => sum + entriesOfJob(job.data).length, 0);
}

describe('pollSource', () => {
  it('fetches, enqueues every entry and records validators and health', async () => {
    server.route(
      '/feed-a',
      feedHandler(() => rssFeed({ count: 3 })),
    );
    const source = await addSource('/feed-a');
    const summary = await pollSource(deps, source.id);
    expect(summary).toEqual({
      status: 'fetched',
      entries: 3,
      rejected: 0,
      filtered: 0,
      dropped: [],
      enqueued: 3,
      warning: null,
    });
    // One batch job of three entries (PROCESS_BATCH_SIZE’s default is 64), in the live lane (no priority).
    const queued = await queues.process.getJobs(['waiting']);
    expect(queued.map((job) => entriesOfJob(job.data).length)).toEqual([3]);
    const row = await getSource(test.database.db, source.id);
    expect(row).toMatchObject({
      etag: expect.stringMatching(/^".+"$/),
      lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT',
      lastSuccessAt: now,
      lastCheckedAt: now,
      nextCheckAt: new Date(now.getTime() + 600_000),
      consecutiveFailures: 0,
      lastEntryCount: 3,
    });
  });

  it('sends the validators on the next poll and writes nothing on 304', async () => {
    server.route(
      '/feed-b',
      feedHandler(() => rssFeed({ count: 3 })),
    );
    const source = await addSource('/feed-b');
    await pollSource(deps, source.id);
    await drainProcessQueue();
    const summary = await pollSource(deps, source.id, true);
    expect(summary).toEqual({ status: 'not-modified' });
    const last = server.requests.filter((request) => request.path === '/feed-b').at(-1);
    expect(last?.headers['if-none-match']).toMatch(/^".+"$/);
    expect(last?.headers['if-modified-since']).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(await queues.process.count()).toBe(0);
  });

  it('refetches without validators when asked to (sources poll --force), so entries Redis lost come back', async () => {
    server.route(
      '/feed-refetch',
      feedHandler(() => rssFeed({ count: 3 })),
    );
    const source = await addSource('/feed-refetch');
    await pollSource(deps, source.id);
    await queues.process.obliterate({ force: true }); // Redis lost the jobs: nothing was stored
    const requests = () => server.requests.filter((request) => request.path === '/feed-refetch');
    expect(await pollSource(deps, source.id, true)).toEqual({ status: 'not-modified' });
    expect(requests().at(-1)?.headers['if-none-match']).toMatch(/^".+"$/);

    const summary = await pollSource(deps, source.id, { refetch: true });
    expect(summary).toMatchObject({ status: 'fetched', entries: 3, enqueued: 3 });
    const refetch = requests().at(-1);
    expect(refetch?.headers['if-none-match']).toBeUndefined();
    expect(refetch?.headers['if-modified-since']).toBeUndefined();
    expect(await drainProcessQueue()).toBe(3);
  });

  it('refetches an unchanged body past the body-hash check when asked to', async () => {
    server.route('/no-validators-refetch', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed({ count: 2 }));
    });
    const source = await addSource('/no-validators-refetch');
    expect((await pollSource(deps, source.id)).status).toBe('fetched');
    await queues.process.obliterate({ force: true });
    expect(await pollSource(deps, source.id, true)).toEqual({ status: 'not-modified' });
    expect(await pollSource(deps, source.id, { refetch: true })).toMatchObject({ status: 'fetched', enqueued: 2 });
  });

  it('skips an unchanged body by hash when the server sends no validators', async () => {
    server.route('/no-validators', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed({ count: 2 }));
    });
    const source = await addSource('/no-validators');
    expect((await pollSource(deps, source.id)).status).toBe('fetched');
    expect(await pollSource(deps, source.id, true)).toEqual({ status: 'not-modified' });
  });

  it('enqueues only new and changed entries when the feed changes', async () => {
    let body = rssFeed({ count: 5 });
    server.route(
      '/feed-c',
      feedHandler(() => body),
    );
    const source = await addSource('/feed-c');
    await pollSource(deps, source.id);
    expect(await drainProcessQueue()).toBe(5);
    body = rssFeed({ count: 7 }); // two new items on top
    const summary = await pollSource(deps, source.id, true);
    expect(summary).toEqual({
      status: 'fetched',
      entries: 7,
      rejected: 0,
      filtered: 0,
      dropped: [],
      enqueued: 2,
      warning: null,
    });
  });

  it('skips a source that is not due, unless forced, and a disabled one', async () => {
    server.route(
      '/feed-d',
      feedHandler(() => rssFeed({ count: 1 })),
    );
    const source = await addSource('/feed-d');
    await pollSource(deps, source.id);
    expect(await pollSource(deps, source.id)).toEqual({ status: 'skipped', reason: 'not due' });
    expect((await pollSource(deps, 'no-such-source')).status).toBe('skipped');
  });

  it.each([
    ['a malformed feed', '/bad-xml', 'parse_malformed', /not well-formed XML/],
    ['a server error', '/error-500', 'fetch_http_status', /HTTP 500/],
    ['a timeout', '/hang', 'fetch_timeout', /no complete response within 500 ms/],
    ['an oversized body', '/huge', 'fetch_too_large', /larger than 262144 bytes/],
    ['an HTML page', '/html', 'parse_unsupported', /not an RSS, RDF or Atom feed/],
  ])('records %s on the source and backs off', async (_label, path, code, message) => {
    server.route('/bad-xml', (_request, response) => {
      response.writeHead(200).end('<rss><channel><item><title>x</channel>');
    });
    server.route('/error-500', (_request, response) => {
      response.writeHead(500).end();
    });
    server.route('/hang', () => undefined);
    server.route('/huge', (_request, response) => {
      response.writeHead(200).end(Buffer.alloc(300 * 1024, 0x20));
    });
    server.route('/html', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>moved</body></html>');
    });
    const source = await addSource(path);
    const summary = await pollSource(deps, source.id);
    expect(summary).toMatchObject({ status: 'failed', code });
    const row = await getSource(test.database.db, source.id);
    expect(row?.lastErrorCode).toBe(code);
    expect(row?.lastError).toMatch(message);
    expect(row?.consecutiveFailures).toBe(1);
    expect(row?.lastSuccessAt).toBeNull();
    expect(row?.nextCheckAt).toEqual(new Date(now.getTime() + 600_000));

    // A second failure in a row doubles the wait.
    await pollSource(deps, source.id, true);
    const again = await getSource(test.database.db, source.id);
    expect(again?.consecutiveFailures).toBe(2);
    expect(again?.nextCheckAt).toEqual(new Date(now.getTime() + 1_200_000));
  });

  it('waits as long as Retry-After says on 429', async () => {
    server.route('/rate-limited', (_request, response) => {
      response.writeHead(429, { 'retry-after': '3600' }).end();
    });
    const source = await addSource('/rate-limited');
    await pollSource(deps, source.id);
    const row = await getSource(test.database.db, source.id);
    expect(row?.nextCheckAt).toEqual(new Date(now.getTime() + 3_600_000));
  });

  // Issue 3: Retry-After is honoured, in seconds or as an HTTP date, but never beyond the cap.
  it.each([
    ['429 with Retry-After in seconds', 429, () => '120', 120_000],
    ['429 with Retry-After as an HTTP date', 429, () => new Date(now.getTime() + 900_000).toUTCString(), 900_000],
    ['503 with an absurd Retry-After', 503, () => '99999999999999999999', pollPolicy.maxRetryAfterMs],
    [
      '503 with a Retry-After date centuries away',
      503,
      () => 'Fri, 31 Dec 9999 23:59:59 GMT',
      pollPolicy.maxRetryAfterMs,
    ],
  ])('waits as Retry-After says on %s, capped', async (label, status, retryAfter, waitMs) => {
    const path = `/retry-after-${label.replaceAll(' ', '-')}`;
    server.route(path, (_request, response) => {
      response.writeHead(status, { 'retry-after': retryAfter() }).end();
    });
    const source = await addSource(path);
    expect(await pollSource(deps, source.id)).toMatchObject({ status: 'failed', code: 'fetch_http_status' });
    const row = await getSource(test.database.db, source.id);
    expect(row?.nextCheckAt).toEqual(new Date(now.getTime() + waitMs));
    expect(row?.enabled).toBe(true);
  });

  it('flags a source failing for a day as dead, and keeps retrying it within the backoff cap', async () => {
    server.route('/down-all-day', (_request, response) => {
      response.writeHead(500).end();
    });
    const source = await addSource('/down-all-day');
    let clock = now;
    const clocked: PollHarness['deps'] = { ...deps, now: () => clock };
    const dayLater = now.getTime() + pollPolicy.deadAfterMs;
    let polls = 0;
    for (;;) {
      // Not forced: each poll happens because the source is due again.
      expect(await pollSource(clocked, source.id)).toMatchObject({ status: 'failed' });
      polls += 1;
      const row = await getSource(test.database.db, source.id);
      if (!row) throw new Error('source vanished');
      const waitMs = row.nextCheckAt.getTime() - clock.getTime();
      expect(waitMs).toBeGreaterThan(0);
      expect(waitMs).toBeLessThanOrEqual(pollPolicy.maxBackoffMs * (1 + pollPolicy.jitter));
      const health = sourceHealthStatus({ ...row, now: clock });
      if (clock.getTime() >= dayLater) {
        expect(health).toBe('dead');
        expect(row.enabled).toBe(true);
        expect(row.consecutiveFailures).toBe(polls);
        break;
      }
      // Not flagged before a day without success (the row was created about a minute before `now`).
      if (clock.getTime() < dayLater - 120_000) expect(health).toBe('failing');
      clock = row.nextCheckAt;
    }
    expect(server.requests.filter((request) => request.path === '/down-all-day')).toHaveLength(polls);
  });

  it('disables a source that answers 410 Gone, saying why', async () => {
    server.route('/gone', (_request, response) => {
      response.writeHead(410).end();
    });
    const source = await addSource('/gone');
    await pollSource(deps, source.id);
    const row = await getSource(test.database.db, source.id);
    expect(row?.enabled).toBe(false);
    expect(row?.disabledReason).toBe(`the source answered 410 Gone on ${now.toISOString()}`);
    expect((await pollSource(deps, source.id, true)).status).toBe('skipped');
  });

  it('recovers: a success after failures resets the count and keeps the last error for the record', async () => {
    let healthy = false;
    server.route('/flaky', (request, response) => {
      if (!healthy) {
        response.writeHead(503).end();
        return;
      }
      feedHandler(() => rssFeed({ count: 1 }))(request, response);
    });
    const source = await addSource('/flaky');
    await pollSource(deps, source.id);
    healthy = true;
    await pollSource(deps, source.id, true);
    const row = await getSource(test.database.db, source.id);
    expect(row?.consecutiveFailures).toBe(0);
    expect(row?.lastSuccessAt).toEqual(now);
    expect(row?.lastErrorCode).toBe('fetch_http_status');
  });

  it('stores a job queued before dates carried a precision, reading its old estimated flag (issue 11)', async () => {
    server.route(
      '/feed-old-job',
      // An article no other test stores, so the job makes a new item.
      feedHandler(() => rssFeed({ count: 1, start: 9_001 })),
    );
    const source = await addSource('/feed-old-job');
    await pollSource(deps, source.id);
    const [job] = await queues.process.getJobs(['waiting', 'prioritized']);
    if (!job) throw new Error('expected one queued job');
    const [entry] = entriesOfJob(job.data);
    if (!entry) throw new Error('expected one queued entry');
    const { publishedPrecision: _precision, publishedFrom: _from, ...older } = entry.item;
    // Queued before batches too: one entry, not a batch.
    const {
      results: [stored],
    } = await storeBatchJob(test.database.db, { ...entry, item: { ...older, publishedAtEstimated: true } });
    if (!stored) throw new Error('expected a stored entry');
    expect(stored.outcome).toBe('inserted');
    expect(await getItem(test.database.db, stored.itemId)).toMatchObject({
      publishedPrecision: 'instant',
      publishedFrom: 'first-seen',
    });
  });
});

// Issue 12: what decoding had to guess is kept on the source, and a clean poll clears it.
describe('pollSource: decoding warnings', () => {
  const koi8 = readFileSync(join(testdataDir, 'feed', 'koi8r.xml'));
  const undeclaredKoi8 = Buffer.from(koi8.toString('latin1').replace(' encoding="KOI8-R"', ''), 'latin1');

  /** Serves whatever bytes `body()` gives, with no charset anywhere in the headers. */
  function serveBytes(path: string, body: () => Buffer) {
    server.route(path, (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body());
    });
  }

  it('stores an undeclared KOI8-R feed readable, names the guess on the source, and clears it on a clean poll', async () => {
    let body = undeclaredKoi8;
    serveBytes('/koi8', () => body);
    const source = await addSource('/koi8');
    const summary = await pollSource(deps, source.id);
    expect(summary).toMatchObject({ status: 'fetched', warning: 'no declared encoding; decoded as KOI8-R (detected)' });
    const jobs = await queues.process.getJobs(['waiting', 'prioritized']);
    expect(jobs.flatMap((job) => entriesOfJob(job.data).map((entry) => entry.item.title))).toContain('Первая новость');
    expect(await getSource(test.database.db, source.id)).toMatchObject({
      lastWarning: 'no declared encoding; decoded as KOI8-R (detected)',
      lastWarningAt: now,
    });

    body = koi8; // The same feed, now declaring its charset: nothing guessed.
    expect(await pollSource(deps, source.id, true)).toMatchObject({ status: 'fetched', warning: null });
    expect(await getSource(test.database.db, source.id)).toMatchObject({ lastWarning: null, lastWarningAt: null });
  });

  it('keeps a UTF-8 feed with one invalid byte as UTF-8 and says one sequence was replaced', async () => {
    const feed = Buffer.from(
      rssFeed({ count: 2 })
        .replaceAll('<title>', '<title>Protección de datos: ')
        .replace('</channel>', '<!-- x --></channel>'),
    );
    const at = feed.indexOf('x -->');
    serveBytes('/stray-byte', () => Buffer.concat([feed.subarray(0, at), Buffer.from([0x92]), feed.subarray(at + 1)]));
    const source = await addSource('/stray-byte');
    expect(await pollSource(deps, source.id)).toMatchObject({
      status: 'fetched',
      warning: '1 invalid UTF-8 sequence replaced',
    });
    expect((await getSource(test.database.db, source.id))?.lastWarning).toBe('1 invalid UTF-8 sequence replaced');
  });

  it('keeps the warning through a not-modified poll: the bytes it describes are still the source’s', async () => {
    serveBytes('/koi8-unchanged', () => undeclaredKoi8);
    const source = await addSource('/koi8-unchanged');
    await pollSource(deps, source.id);
    expect(await pollSource(deps, source.id, true)).toEqual({ status: 'not-modified' });
    expect((await getSource(test.database.db, source.id))?.lastWarning).toBe(
      'no declared encoding; decoded as KOI8-R (detected)',
    );
  });
});
