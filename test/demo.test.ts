import { readFile } from 'node:fs/promises';
import { sourceCatalog } from '@regwatch/sources';
import { waitFor } from '@regwatch/testing';
import { describe, expect, it } from 'vitest';
import { exited, spawnCli } from './support/cli.ts';
import { freshProcessEnv } from './support/fresh-env.ts';

const { env } = freshProcessEnv('demo');

interface SourcesPage {
  data: { id: string; kind: string; itemCount: number; health: { status: string; lastError: unknown } }[];
}
interface ItemsPage {
  data: {
    url: string | null;
    source: { id: string };
    publishedAt: string;
    publishedPrecision: string;
    publishedFrom: string;
  }[];
}

describe('regwatch demo', () => {
  it('replays every catalog source, fills /v1/items from ICO, OPC, AIAAIC and the press, and stops on SIGTERM', async () => {
    const child = spawnCli(['demo'], env);
    try {
      const api = await waitFor(() => /^API: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(child.output())?.[1], {
        what: 'the demo to print its API URL',
        timeoutMs: 60_000,
      });
      // Within 60 s of start every source has been polled successfully and has items.
      const sources = await waitFor(
        async () => {
          const page = (await (await fetch(`${api}/v1/sources`)).json()) as SourcesPage;
          return page.data.every((source) => source.health.status === 'ok' && source.itemCount > 0) ? page : undefined;
        },
        { what: 'every catalog source polled with items', timeoutMs: 60_000, intervalMs: 500 },
      );
      expect(sources.data.map((source) => source.id).sort()).toEqual(sourceCatalog.map((source) => source.id).sort());
      const families = (start: string) => sources.data.filter((source) => source.id.startsWith(start));
      expect(families('ico-').length).toBeGreaterThanOrEqual(2);
      expect(families('opc-').length).toBeGreaterThanOrEqual(8);
      expect(families('aiaaic')).toHaveLength(1);
      expect(sources.data.filter((source) => source.kind === 'press').length).toBeGreaterThanOrEqual(8);

      // Items link to the real sites, not to the replay server.
      const items = (await (await fetch(`${api}/v1/items?limit=100`)).json()) as ItemsPage;
      for (const item of items.data) expect(item.url ?? '').not.toContain('127.0.0.1');

      // Issue 11: the register's incidents are dated at the year they occurred, not at ingest, so
      // they no longer fill the top of the newest-first list.
      const newest = (await (await fetch(`${api}/v1/items?limit=20`)).json()) as ItemsPage;
      expect(newest.data.filter((item) => item.source.id === 'aiaaic')).toEqual([]);
      const register = (await (await fetch(`${api}/v1/items?source=aiaaic&limit=100`)).json()) as ItemsPage;
      expect(register.data).toHaveLength(60);
      for (const item of register.data) {
        expect([item.publishedPrecision, item.publishedFrom]).toEqual(['year', 'entry']);
        expect(item.publishedAt).toMatch(/^\d{4}-01-01T00:00:00\.000Z$/);
      }
      expect(items.data.every((item) => item.publishedFrom !== 'first-seen')).toBe(true);

      // Issue 14: the newsfeed opens in a browser on stories (the recordings' newest, though older
      // than a week), and the console takes the account the banner printed for this run.
      const home = await fetch(`${api}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toMatch(/<article [^>]*>[\s\S]*<a href="\/stories\/\d+">/);
      const account = /sign in as (\S+) with the password (\S+), made for this run/.exec(child.output());
      expect(account, child.output()).not.toBeNull();
      const login = await fetch(`${api}/console/login`);
      const cookies = login.headers
        .getSetCookie()
        .map((cookie) => cookie.split(';')[0])
        .join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1] ?? '';
      const signedIn = await fetch(`${api}/console/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
        body: new URLSearchParams({
          _csrf: csrf,
          email: account?.[1] ?? '',
          password: account?.[2] ?? '',
          next: '/console',
        }),
      });
      expect(signedIn.status).toBe(303);
      expect(signedIn.headers.get('location')).toBe('/console');

      // Issue 13: the roundup of the recordings' newest week, mailed to the demo's own SMTP receiver.
      const roundup = await waitFor(
        () => /^ {2}The messages received .* are in (\S+): (\S+\.html)/m.exec(child.output()) ?? undefined,
        {
          what: 'the demo to send its roundup',
          timeoutMs: 120_000,
        },
      );
      expect(child.output()).toMatch(/^ {2}The published edition: http:\/\/127\.0\.0\.1:\d+\/roundups\/\d{4}-W\d{2}$/m);
      const digest = /^ {2}The same week ranked for newsletters \(JSON\): (\S+)$/m.exec(child.output())?.[1] ?? '';
      expect(digest).toMatch(/\/v1\/digest\?week=\d{4}-W\d{2}$/);
      expect(child.output()).toMatch(/\(1 sent, 0 empty\)/);
      const html = await readFile(roundup[2] ?? '', 'utf8');
      expect(html).toContain('/subscriptions/unsubscribe?token=');
      const eml = await readFile((roundup[2] ?? '').replace(/\.html$/, '.eml'), 'latin1');
      expect(eml).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      // The published edition is served, and the one-click link the roundup signed works at the API.
      const published = /^ {2}The published edition: (\S+)$/m.exec(child.output())?.[1] ?? '';
      expect((await fetch(published)).status).toBe(200);
      // The digest of that week holds its stories (the default, last week, is empty on past recordings).
      const ranked = (await (await fetch(digest)).json()) as { data: unknown[] };
      expect(ranked.data.length).toBeGreaterThan(0);
      // The header is folded: its URL is on the next line.
      const oneClick = new URL(/^List-Unsubscribe:\s*<([^>]+)>/m.exec(eml)?.[1] ?? '');
      const unsubscribed = await fetch(`${api}${oneClick.pathname}${oneClick.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(unsubscribed.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const { code } = await exited(child);
    expect(code, child.output()).toBe(0);
  });
});
