import { describe, expect, it } from 'vitest';
import { type CachedFeed, feedCache } from '../src/feeds/feed-cache.ts';

const rendered = (body: string): CachedFeed => ({
  body: Buffer.from(body),
  etag: `"${body}"`,
  updated: '2026-01-01T00:00:00.000Z',
  contentType: 'x',
  headers: {},
  renderedAt: 0,
});

describe('feedCache', () => {
  it('renders a URL once per TTL, shares a rendering in progress, and forgets failures', async () => {
    let clock = 0;
    let renders = 0;
    const cache = feedCache(60_000, () => clock);
    const render = async () => {
      renders += 1;
      return rendered(`v${renders}`);
    };
    const [a, b] = await Promise.all([cache('/feeds/x', render), cache('/feeds/x', render)]);
    expect([String(a.body), String(b.body), renders]).toEqual(['v1', 'v1', 1]);
    clock = 59_999;
    expect(String((await cache('/feeds/x', render)).body)).toBe('v1');
    clock = 60_000;
    expect(String((await cache('/feeds/x', render)).body)).toBe('v2');
    await expect(cache('/feeds/y', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(String((await cache('/feeds/y', render)).body)).toBe('v3');
  });

  it('renders every time when the TTL is zero', async () => {
    let renders = 0;
    const cache = feedCache(0);
    const render = async () => rendered(`v${++renders}`);
    await cache('/feeds/x', render);
    await cache('/feeds/x', render);
    expect(renders).toBe(2);
  });
});
