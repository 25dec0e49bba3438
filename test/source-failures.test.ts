import { type Running, startParts } from '@regwatch/cli';
import { allConfigFields, loadConfig } from '@regwatch/config';
import { insertSource } from '@regwatch/db';
import {
  createTestDatabase,
  deletePrefix,
  type FixtureServer,
  feedHandler,
  rssFeed,
  startFixtureServer,
  type TestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';

// Issue 2: a malformed feed, a 500, a timeout and an oversized body each leave a clear
// last_error on the source, visible in /v1/sources, and the worker keeps serving other sources.
let test: TestDatabase;
let server: FixtureServer;
let running: Running;
let env: NodeJS.ProcessEnv;
const prefix = uniquePrefix('e2efail');
let healthyBody = rssFeed({ count: 2 });

const broken = {
  malformed: '/malformed.xml',
  'server-error': '/error.xml',
  timeout: '/slow.xml',
  oversized: '/huge.xml',
} as const;

beforeAll(async () => {
  test = await createTestDatabase('e2efail');
  server = await startFixtureServer();
  server.route(
    '/healthy.xml',
    feedHandler(() => healthyBody),
  );
  server.route(broken.malformed, (_request, response) => {
    response
      .writeHead(200, { 'content-type': 'application/rss+xml' })
      .end('<rss><channel><item><title>Broken</channel></rss>');
  });
  server.route(broken['server-error'], (_request, response) => {
    response.writeHead(500).end('Internal Server Error');
  });
  server.route(broken.timeout, (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.write('<rss>'); // then nothing: the fetch must give up by itself
  });
  server.route(broken.oversized, (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(`<rss>${' '.repeat(200 * 1024)}</rss>`);
  });

  // Sources exist before the workers start: the boot sync schedules and polls them all.
  for (const [id, path] of [['healthy', '/healthy.xml'], ...Object.entries(broken)]) {
    await insertSource(test.database.db, {
      id: id ?? '',
      name: id ?? '',
      kind: 'press',
      url: `${server.url}${path}`,
      jurisdictions: [],
      pollIntervalSeconds: 600,
    });
  }
  env = testEnv({
    databaseUrl: test.url,
    prefix,
    extra: { FETCH_TIMEOUT_MS: '1000', FETCH_MAX_BYTES: String(64 * 1024) },
  });
  running = await startParts(loadConfig(allConfigFields, env), ['api', 'ingest'], { migrate: false });
});
afterAll(async () => {
  await running.stop();
  await server.close();
  await deletePrefix(prefix);
  await test.drop();
});

interface SourceView {
  id: string;
  itemCount: number;
  health: { status: string; consecutiveFailures: number; lastError: { code: string; message: string } | null };
}

async function sources(): Promise<Record<string, SourceView>> {
  const response = await fetch(`${running.api?.url}/v1/sources`);
  const body = (await response.json()) as { data: SourceView[] };
  return Object.fromEntries(body.data.map((source) => [source.id, source]));
}

describe('broken sources', () => {
  it('each leave a clear last_error in /v1/sources while the healthy source is served', async () => {
    const view = await waitFor(
      async () => {
        const all = await sources();
        const done = Object.values(all).every((source) => source.health.status !== 'pending');
        return done && all.healthy?.itemCount === 2 ? all : undefined;
      },
      // Five polls, one of them waiting out its 1 s timeout: generous, for a machine running the whole suite.
      { what: 'every source to be polled once', timeoutMs: 60_000 },
    );

    const errors = Object.fromEntries(
      Object.keys(broken).map((id) => [
        id,
        [view[id]?.health.status, view[id]?.health.lastError?.code, view[id]?.health.lastError?.message],
      ]),
    );
    expect(errors).toEqual({
      malformed: ['failing', 'parse_malformed', expect.stringMatching(/^feed is not well-formed XML: /)],
      'server-error': ['failing', 'fetch_http_status', expect.stringMatching(/^HTTP 500 from 127\.0\.0\.1:\d+$/)],
      timeout: ['failing', 'fetch_timeout', 'no complete response within 1000 ms'],
      oversized: ['failing', 'fetch_too_large', 'response body is larger than 65536 bytes (after decompression)'],
    });
    expect(view.healthy?.health).toMatchObject({ status: 'ok', consecutiveFailures: 0, lastError: null });
  });

  it('keep failing without stopping the worker from serving the healthy source', async () => {
    healthyBody = rssFeed({ count: 3 });
    const results = await Promise.all(
      ['healthy', ...Object.keys(broken)].map((id) => runCli(['sources', 'poll', id], env)),
    );
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const view = await waitFor(
      async () => {
        const all = await sources();
        const failedTwice = Object.keys(broken).every((id) => all[id]?.health.consecutiveFailures === 2);
        return failedTwice && all.healthy?.itemCount === 3 ? all : undefined;
      },
      { what: 'the second round of polls' },
    );
    expect(view.healthy?.health.status).toBe('ok');

    const listed = await runCli(['sources', 'list'], env);
    expect(listed.stdout).toMatch(/^timeout\s+press\s+failing\s+0\s+0\s+-\s+fetch_timeout: no complete response/m);
  });
});
