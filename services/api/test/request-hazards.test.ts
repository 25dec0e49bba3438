import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { apiKeyRandomBytes, generateApiKey } from '@regwatch/core';
import { createDatabase } from '@regwatch/db';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { seedItems } from './keys.ts';

// Issue 12: a NUL byte in a parameter was a 500 from PostgreSQL, a key in the URL was written
// to the request log in full, and a PostgreSQL outage answered 500 `internal`.
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('apihazards');
  await seedItems(test.database.db, 2);
});
afterAll(() => test.drop());

const period = 'since=2026-01-01&until=2026-02-01';

describe('a NUL byte in a parameter (issue 12)', () => {
  const urls = [
    '/v1/items?q=%00',
    '/v1/items?q=privacy%00fine',
    '/v1/stories?q=%00',
    `/v1/digest?${period}&q=%00`,
    '/feeds/items.rss?q=%00',
    '/feeds/items.atom?q=%00',
    '/feeds/items.json?q=%00',
    '/feeds/stories.rss?q=%00',
    '/feeds/stories.atom?q=%00',
    '/feeds/stories.json?q=%00',
    // Every other string parameter too.
    '/v1/items?since=2026-01-01%00',
    '/v1/items?until=%00',
    '/v1/items?cursor=%00',
    '/v1/items?platform=meta%00',
    '/v1/stories?jurisdiction=GB%00',
    '/v1/stories/1/items?cursor=%00',
    '/v1/digest?since=2026-01-01%00&until=2026-02-01',
    '/feeds/stories.rss?topic=%00',
    '/v1/items/%00',
  ];

  it('is a 400 naming the parameter in one line, on /v1, the digest and every feed', async () => {
    const api = await buildTestApp(test.database);
    try {
      for (const url of urls) {
        const response = await api.app.inject(url);
        expect(response.statusCode, url).toBe(400);
        const { error } = response.json();
        expect(error.code, url).toBe('invalid_parameter');
        expect(error.message, url).toMatch(/^(query|path) parameter "\w+" must not contain a NUL character \(%00\)$/);
      }
    } finally {
      await api.close();
    }
  });

  it('leaves other values alone', async () => {
    const api = await buildTestApp(test.database);
    try {
      expect((await api.app.inject('/v1/items?q=fine')).statusCode).toBe(200);
      expect((await api.app.inject('/feeds/items.rss?q=fine')).statusCode).toBe(200);
    } finally {
      await api.close();
    }
  });
});

describe('an API key in the URL (issue 12)', () => {
  const key = generateApiKey(randomBytes(apiKeyRandomBytes)).key;

  it('is refused on every route, saying to send it in the Authorization header', async () => {
    const api = await buildTestApp(test.database);
    try {
      for (const url of [
        `/v1/items?api_key=${key}`,
        `/v1/items?key=${key}`,
        `/v1/items?apikey=${key}`,
        `/v1/items?token=${key}`,
        `/v1/items?access_token=${key}`,
        `/v1/items?API-Key=${key}`,
        `/v1/stories?limit=5&token=anything`,
        `/v1/items?q=${key}`,
        `/feeds/stories.rss?api_key=${key}`,
        `/v1/topics?key=${key}`,
        `/healthz?token=${key}`,
      ]) {
        const response = await api.app.inject(url);
        expect(response.statusCode, url).toBe(400);
        const { error } = response.json();
        expect(error.code, url).toBe('invalid_parameter');
        expect(error.message, url).toMatch(
          /^query parameter "[\w-]+" looks like an API key: send keys only in the Authorization header/,
        );
        expect(error.message, url).not.toContain(key);
      }
      expect((await api.app.inject('/v1/items?q=keyboard')).statusCode).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('never reaches the request log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const api = await buildTestApp(test.database, { logger: pino({ level: 'info' }, sink) });
    try {
      await api.app.inject(`/v1/items?limit=2&api_key=${key}`);
      await api.app.inject(`/v1/items?q=${encodeURIComponent(key)}`);
      await api.app.inject(`/v1/items/${key}`);
    } finally {
      await api.close();
    }
    const incoming = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'incoming request');
    expect(incoming.map((entry) => entry.req.url)).toEqual([
      '/v1/items?limit=2&api_key=[redacted]',
      '/v1/items?q=[redacted]',
      '/v1/items/[redacted]',
    ]);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line).not.toContain(key);
      expect(line).not.toContain(key.slice(13));
    }
  });
});

describe('PostgreSQL unavailable (issue 12)', () => {
  it('answers 503 with Retry-After on /v1 and the feeds, and /readyz says not ready', async () => {
    // A pool pointed at a port nobody listens on: every checkout is ECONNREFUSED.
    const down = createDatabase({
      url: 'postgres://postgres@127.0.0.1:9/regwatch',
      applicationName: 'hazards-down',
      onConnectionLost: () => undefined,
    });
    const api = await buildTestApp(down, { config: { FEED_CACHE_SECONDS: 0 } });
    try {
      for (const url of [
        '/v1/items',
        '/v1/stories?q=fine',
        `/v1/digest?${period}`,
        '/v1/items/1',
        '/feeds/stories.rss',
      ]) {
        const response = await api.app.inject(url);
        expect(response.statusCode, url).toBe(503);
        expect(response.headers['retry-after'], url).toBe('2');
        expect(response.headers['content-type'], url).toMatch(/^application\/json/);
        expect(response.json(), url).toEqual({
          error: { code: 'unavailable', message: 'the service is temporarily unavailable; retry in 2 seconds' },
        });
      }
      const ready = await api.app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.postgres).toMatch(/^failed: .*ECONNREFUSED/);
    } finally {
      await api.close();
      await down.close();
    }
  });

  it('logs the outage once, not once per refused request', async () => {
    const down = createDatabase({
      url: 'postgres://postgres@127.0.0.1:9/regwatch',
      applicationName: 'hazards-down-log',
      onConnectionLost: () => undefined,
    });
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const api = await buildTestApp(down, { logger: pino({ level: 'info' }, sink) });
    try {
      for (let request = 0; request < 5; request += 1) {
        expect((await api.app.inject(`/v1/items?limit=${request + 1}`)).statusCode).toBe(503);
      }
    } finally {
      await api.close();
      await down.close();
    }
    const outage = lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg?.startsWith('database unavailable'));
    expect(outage).toHaveLength(1);
    expect(outage[0]).toMatchObject({ refused: 1, reason: expect.stringContaining('ECONNREFUSED') });
  });
});
