import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestAppOptions } from './build.ts';
import { bearer, createTestKey, seedItems } from './keys.ts';

let test: TestDatabase;
const apps: Awaited<ReturnType<typeof buildTestApp>>[] = [];

beforeAll(async () => {
  test = await createTestDatabase('apihygiene');
  await seedItems(test.database.db, 2);
});
afterAll(async () => {
  for (const api of apps) await api.close();
  await test.drop();
});

async function app(options: TestAppOptions = {}, database = test.database) {
  const api = await buildTestApp(database, options);
  apps.push(api);
  return api.app;
}

describe('security headers', () => {
  it('are on every response: data, errors, health', async () => {
    const api = await app();
    for (const url of ['/v1/items', '/v1/items/abc', '/v1/nothing', '/healthz']) {
      const { headers } = await api.inject(url);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['x-frame-options'], url).toBe('DENY');
      expect(headers['referrer-policy'], url).toBe('no-referrer');
      expect(headers['strict-transport-security'], url).toMatch(/^max-age=\d+/);
      expect(headers['content-security-policy'], url).toBe(
        "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
      );
      expect(headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('let /docs run Swagger UI from this server only, with no inline script and no CDN', async () => {
    const api = await app();
    const page = await api.inject('/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https:|\*/);
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)|<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src, src).not.toMatch(/^(https?:)?\/\//);
      const asset = await api.inject(new URL(src, 'http://api.test/docs').pathname);
      expect(asset.statusCode, src).toBe(200);
    }
    const initializer = await api.inject('/docs/static/swagger-initializer.js');
    expect(initializer.body).toContain("resolveUrl('./json')");
    const document = await api.inject('/docs/json');
    expect(document.json().openapi).toBe('3.1.0');
  });
});

describe('CORS', () => {
  const origin = 'https://newsletter.example';

  it('lets any origin read anonymous /v1 GETs, without credentials, exposing the cache and rate headers', async () => {
    const api = await app();
    const response = await api.inject({ url: '/v1/items', headers: { origin } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(response.headers['access-control-expose-headers'])).toContain('ETag');
    expect(String(response.headers['access-control-expose-headers'])).toContain('RateLimit-Remaining');

    const preflight = await api.inject({
      method: 'OPTIONS',
      url: '/v1/items',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
    // Authorization is not allowed, so browsers never send a key cross-origin.
    expect(preflight.headers['access-control-allow-headers']).toBe('If-None-Match');
  });

  it('is path-based: the feeds (when they land) and /openapi.json are allowed, health and docs are not', async () => {
    const api = await app();
    const preflight = (url: string) =>
      api.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': 'GET' } });
    expect((await preflight('/feeds/items.atom')).statusCode).toBe(204);
    expect(
      (await api.inject({ url: '/openapi.json', headers: { origin } })).headers['access-control-allow-origin'],
    ).toBe('*');
    for (const url of ['/readyz', '/docs']) {
      const refused = await preflight(url);
      expect(refused.statusCode, url).toBe(404);
      expect(refused.json().error.code, url).toBe('not_found');
      expect(refused.headers['access-control-allow-origin'], url).toBeUndefined();
      expect(
        (await api.inject({ url, headers: { origin } })).headers['access-control-allow-origin'],
        url,
      ).toBeUndefined();
    }
  });

  it('is never granted to a request carrying a key, nor to /v1 when anonymous access is off', async () => {
    const open = await app();
    const { key } = await createTestKey(test.database.db);
    const keyed = await open.inject({ url: '/v1/items', headers: { origin, ...bearer(key) } });
    expect(keyed.statusCode).toBe(200);
    expect(keyed.headers['access-control-allow-origin']).toBeUndefined();

    const closed = await app({ config: { API_ANONYMOUS_ACCESS: false } });
    const preflight = await closed.inject({
      method: 'OPTIONS',
      url: '/v1/items',
      headers: { origin, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
  });
});

describe('size limits', () => {
  it('refuse a URL over 4 KiB with 414 in the error shape, before authentication', async () => {
    const api = await app({ config: { API_ANONYMOUS_ACCESS: false } });
    const response = await api.inject(`/v1/items?source=${'a'.repeat(4_200)}`);
    expect(response.statusCode).toBe(414);
    expect(response.json()).toEqual({
      error: { code: 'uri_too_long', message: 'the request URL is longer than 4096 bytes' },
    });
  });

  it('answer a request line over Node’s 16 KiB header limit in the error shape too', async () => {
    const api = await app();
    await api.listen({ host: '127.0.0.1', port: 0 });
    const { port } = api.server.address() as AddressInfo;
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: `/v1/items?q=${'a'.repeat(20_000)}` }, (reply) => {
        let body = '';
        reply.on('data', (chunk) => {
          body += chunk;
        });
        reply.on('end', () => resolve({ status: reply.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(response.status).toBe(431);
    expect(JSON.parse(response.body)).toEqual({
      error: { code: 'headers_too_large', message: 'the request line and headers exceed 16 KiB' },
    });
  });

  it('refuse a path parameter over 200 characters and a bad parameter with 4xx in the error shape', async () => {
    const api = await app();
    const long = await api.inject(`/v1/items/${'9'.repeat(300)}`);
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({
      error: { code: 'uri_too_long', message: 'a path segment is longer than 200 characters' },
    });
    const malformed = await api.inject('/v1/items/%zz');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toEqual({
      error: { code: 'invalid_parameter', message: 'the URL is not validly percent-encoded' },
    });
    const bad = await api.inject('/v1/items?limit=%3Cscript%3E');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: { code: 'invalid_parameter', message: 'query parameter "limit" must be a whole number from 1 to 100' },
    });
  });
});

describe('a failing database', () => {
  it('gives a 500 that shows no SQL, table name or stack, for data routes and for key lookups', async () => {
    const broken = await createTestDatabase('apibroken');
    try {
      const { key } = await createTestKey(broken.database.db);
      // What a bad migration or a lost table looks like: drizzle's error message holds the SQL.
      await broken.database.db.execute(sql`drop table cluster_keys, entries, items cascade`);
      const api = await app({}, broken.database);
      const failed = await api.inject('/v1/items');
      expect(failed.statusCode).toBe(500);
      expect(failed.json()).toEqual({ error: { code: 'internal', message: 'internal error' } });

      await broken.database.db.execute(sql`drop table api_keys cascade`);
      const lookup = await api.inject({ url: '/v1/sources', headers: bearer(key) });
      expect(lookup.statusCode).toBe(500);
      for (const body of [failed.body, lookup.body]) {
        expect(body).not.toMatch(/select|from|relation|items|api_keys|key_hash|\n\s+at /i);
        expect(body).not.toContain(key);
      }
    } finally {
      await broken.drop();
    }
  });
});
