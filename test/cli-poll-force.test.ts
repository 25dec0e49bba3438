import { getSource, insertSource } from '@regwatch/db';
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
import { exited, runCli, spawnCli } from './support/cli.ts';

// Issue 12: `regwatch sources poll ID --force` refetches the whole document, sending none of the
// validators a plain poll sends, so a source whose stored ETag hides lost entries can be read again.
let test: TestDatabase;
let server: FixtureServer;
const prefix = uniquePrefix('pollforce');

beforeAll(async () => {
  test = await createTestDatabase('pollforce');
  server = await startFixtureServer();
  server.route(
    '/feed.xml',
    feedHandler(() => rssFeed({ count: 5 })),
  );
  await insertSource(test.database.db, {
    id: 'small',
    name: 'Small feed',
    kind: 'press',
    url: `${server.url}/feed.xml`,
    jurisdictions: [],
    pollIntervalSeconds: 3_600,
  });
});
afterAll(async () => {
  await deletePrefix(prefix);
  await server?.close();
  await test?.drop();
});

const feedRequests = () => server.requests.filter((request) => request.path === '/feed.xml');

/** Runs `regwatch sources poll small ARGS` and waits for the fetch it causes; returns its request. */
async function pollAndWait(env: NodeJS.ProcessEnv, args: string[], matches: (headers: Headers) => boolean) {
  const seen = feedRequests().length;
  const result = await runCli(['sources', 'poll', 'small', ...args], env);
  expect(result.code, result.stderr).toBe(0);
  // A scheduled poll may land in between: wait for a request after ours that matches.
  return waitFor(
    async () =>
      feedRequests()
        .slice(seen)
        .find((request) => matches(new Headers(request.headers as Record<string, string>))),
    { what: `a fetch for \`sources poll small ${args.join(' ')}\``, timeoutMs: 60_000, intervalMs: 50 },
  );
}

describe('regwatch sources poll --force (issue 12)', () => {
  it('sends the stored validators on a plain poll and none with --force', { timeout: 180_000 }, async () => {
    const env = testEnv({ databaseUrl: test.url, prefix });
    const ingest = spawnCli(['start', '--only', 'ingest', '--no-migrate'], env);
    try {
      await pollAndWait(env, [], () => true);
      const etag = await waitFor(async () => (await getSource(test.database.db, 'small'))?.etag ?? undefined, {
        what: 'the ETag stored on the source',
        timeoutMs: 60_000,
      });

      const plain = await pollAndWait(env, [], (headers) => headers.has('if-none-match'));
      expect(plain.headers['if-none-match']).toBe(etag);
      expect(plain.headers['if-modified-since']).toBe('Wed, 21 Oct 2026 07:28:00 GMT');

      const forced = await pollAndWait(env, ['--force'], (headers) => !headers.has('if-none-match'));
      expect(forced.headers['if-modified-since']).toBeUndefined();
    } finally {
      ingest.kill('SIGTERM');
      await exited(ingest);
    }
  });
});
