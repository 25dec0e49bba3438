import { dropDatabase, freshDatabaseName, testEnv, testServerUrl, uniquePrefix, waitFor } from '@regwatch/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnCli } from './support/cli.ts';

const name = freshDatabaseName('demo');
const env = testEnv({ databaseUrl: testServerUrl(name), prefix: uniquePrefix('demo') });
afterAll(() => dropDatabase(name));

interface ItemsPage {
  data: { source: { id: string } }[];
  nextCursor: string | null;
}

describe('regwatch demo', () => {
  it('creates its database, serves recorded sources, fills /v1/items, and stops on SIGTERM', async () => {
    const child = spawnCli(['demo'], env);
    try {
      const api = await waitFor(() => /^API: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(child.output())?.[1], {
        what: 'the demo to print its API URL',
        timeoutMs: 60_000,
      });
      const sourcesSeen = await waitFor(
        async () => {
          const page = (await (await fetch(`${api}/v1/items?limit=100`)).json()) as ItemsPage;
          const seen = new Set(page.data.map((item) => item.source.id));
          return seen.size === 3 ? seen : undefined;
        },
        { what: 'items from every demo source', timeoutMs: 60_000 },
      );
      expect([...sourcesSeen].sort()).toEqual(['golem', 'heise-developer', 'opc-pipeda']);
      const sources = (await (await fetch(`${api}/v1/sources`)).json()) as { data: { health: { status: string } }[] };
      expect(sources.data.map((source) => source.health.status)).toEqual(['ok', 'ok', 'ok']);
    } finally {
      child.kill('SIGTERM');
    }
    const { code } = await exited(child);
    expect(code, child.output()).toBe(0);
  });
});
