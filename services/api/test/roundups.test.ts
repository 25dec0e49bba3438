import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { editionContent, storeEdition } from './roundup-fixtures.ts';

// Issue 13: the stored editions at /roundups/2024-W38 and /v1/roundups/2024-W38.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let html38: string;

beforeAll(async () => {
  test = await createTestDatabase('apiroundups');
  api = await buildTestApp(test.database);
  html38 = await storeEdition(test.database.db, editionContent('2024-W38'), 'sent');
  await storeEdition(test.database.db, editionContent('2024-W39'), 'built');
});
afterAll(async () => {
  await api.close();
  await test.drop();
});

describe('GET /v1/roundups', () => {
  it('lists the stored editions, newest first, with an ETag and Cache-Control', async () => {
    const response = await api.app.inject('/v1/roundups');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      data: ['2024-W39', '2024-W38'].map((week) => {
        const content = editionContent(week);
        return {
          week,
          since: content.since,
          until: content.until,
          builtAt: content.builtAt,
          storyCount: 2,
          status: week === '2024-W38' ? 'sent' : 'built',
        };
      }),
    });
    expect(response.headers.etag).toMatch(/^"/);
    expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    const again = await api.app.inject({
      url: '/v1/roundups',
      headers: { 'if-none-match': String(response.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});

describe('GET /v1/roundups/:week', () => {
  it('serves the stored EditionContent with its status', async () => {
    const response = await api.app.inject('/v1/roundups/2024-W38');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ...editionContent('2024-W38'), status: 'sent' });
    expect(response.headers.etag).toBeDefined();
  });

  it('answers 400 for a malformed week and 404 for a week not built', async () => {
    for (const week of ['2024-38', '2024-W60', '2021-W53', 'latest']) {
      const response = await api.app.inject(`/v1/roundups/${week}`);
      expect(response.statusCode, week).toBe(400);
      expect(response.json().error).toEqual({
        code: 'invalid_parameter',
        message: expect.stringContaining('ISO week'),
      });
    }
    const missing = await api.app.inject('/v1/roundups/2024-W40');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'no roundup was built for 2024-W40' } });
  });
});

describe('GET /roundups', () => {
  it('serves an edition’s stored HTML as it was mailed, with a CSP allowing only inline style', async () => {
    const response = await api.app.inject('/roundups/2024-W38');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toBe(html38);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).not.toContain('script-src');
  });

  it('answers a page for a malformed week (400) and a week not built (404)', async () => {
    const malformed = await api.app.inject('/roundups/2024-W99');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^text\/html/);
    expect(malformed.body).toContain('is not an ISO week such as 2024-W38');
    const missing = await api.app.inject('/roundups/2023-W01');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('No roundup was built for 2023-W01');
    expect(missing.body).toContain('<main>');
  });

  it('lists the editions, linking to each', async () => {
    const response = await api.app.inject('/roundups');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<a href="/roundups/2024-W39">2024-W39</a>: 2 stories');
    expect(response.body.indexOf('2024-W39')).toBeLessThan(response.body.indexOf('2024-W38'));
    expect(response.body).toContain('<main>');
  });
});
