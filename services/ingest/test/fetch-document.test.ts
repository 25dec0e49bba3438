import { brotliCompressSync, gzipSync } from 'node:zlib';
import { RegwatchError } from '@regwatch/core';
import { type FixtureServer, startFixtureServer } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchDispatcher, type FetchLimits, fetchDocument, parseRetryAfter } from '../src/index.ts';

let server: FixtureServer;
// Fixture servers are on loopback: allow it, as FETCH_ALLOW_ADDRESSES does in tests.
const dispatcher = createFetchDispatcher({ allow: ['127.0.0.0/8', '::1/128'] });
const limits: FetchLimits = { timeoutMs: 1_000, maxBytes: 64 * 1024, maxRedirects: 5, userAgent: 'Regwatch-test' };

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  await dispatcher.close();
});

async function failure(path: string, overrides: Partial<FetchLimits> = {}): Promise<RegwatchError> {
  try {
    await fetchDocument({ url: `${server.url}${path}` }, { ...limits, ...overrides }, dispatcher);
  } catch (error) {
    if (error instanceof RegwatchError) return error;
    throw error;
  }
  throw new Error(`fetching ${path} did not fail`);
}

describe('fetchDocument', () => {
  it('returns the body, content type and validators, and sends conditional headers', async () => {
    server.route('/ok', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: '"v1"',
        'last-modified': 'Wed, 21 Oct 2026 07:28:00 GMT',
      });
      response.end('<rss/>');
    });
    const first = await fetchDocument({ url: `${server.url}/ok` }, limits, dispatcher);
    expect(first).toMatchObject({
      kind: 'ok',
      status: 200,
      contentType: 'application/rss+xml',
      validators: { etag: '"v1"', lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT' },
    });
    expect(first.kind === 'ok' && Buffer.from(first.body).toString()).toBe('<rss/>');
    const second = await fetchDocument(
      { url: `${server.url}/ok`, validators: { etag: '"v1"', lastModified: 'x' } },
      limits,
      dispatcher,
    );
    expect(second.kind).toBe('not-modified');
    const sent = server.requests.filter((request) => request.path === '/ok').at(-1);
    expect(sent?.headers['if-none-match']).toBe('"v1"');
    expect(sent?.headers['if-modified-since']).toBe('x');
    expect(sent?.headers['user-agent']).toBe('Regwatch-test');
  });

  it('decompresses gzip and brotli bodies', async () => {
    server.route('/gzip', (_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('<rss>gzip</rss>'));
    });
    server.route('/br', (_request, response) => {
      response.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('<rss>br</rss>'));
    });
    for (const path of ['/gzip', '/br']) {
      const result = await fetchDocument({ url: `${server.url}${path}` }, limits, dispatcher);
      expect(result.kind === 'ok' && Buffer.from(result.body).toString()).toBe(`<rss>${path.slice(1)}</rss>`);
    }
  });

  it('follows up to five redirects, resolving relative locations, and refuses a sixth', async () => {
    for (let hop = 0; hop < 6; hop += 1) {
      server.route(`/hop/${hop}`, (_request, response) => {
        response.writeHead(hop % 2 ? 301 : 302, { location: `/hop/${hop + 1}` }).end();
      });
    }
    server.route('/hop/6', (_request, response) => {
      response.writeHead(200).end('<rss>end</rss>');
    });
    const fromOne = await fetchDocument({ url: `${server.url}/hop/1` }, limits, dispatcher);
    expect(fromOne).toMatchObject({ kind: 'ok', url: `${server.url}/hop/6` });
    const fromZero = await failure('/hop/0');
    expect(fromZero.code).toBe('fetch_too_many_redirects');
  });

  it('refuses a redirect to a non-http scheme', async () => {
    server.route('/to-file', (_request, response) => {
      response.writeHead(302, { location: 'file:///etc/passwd' }).end();
    });
    expect((await failure('/to-file')).code).toBe('fetch_bad_url');
  });

  it('classifies an error status, and reads Retry-After on 429 and 503', async () => {
    server.route('/500', (_request, response) => {
      response.writeHead(500).end('boom');
    });
    server.route('/429', (_request, response) => {
      response.writeHead(429, { 'retry-after': '120' }).end();
    });
    const serverError = await failure('/500');
    expect(serverError.code).toBe('fetch_http_status');
    expect(serverError.message).toBe(`HTTP 500 from 127.0.0.1:${new URL(server.url).port}`);
    expect(serverError.details).toEqual({ status: 500 });
    expect((await failure('/429')).details).toEqual({ status: 429, retryAfterMs: 120_000 });
  });

  it('gives up after the total timeout, even on a server that trickles bytes', async () => {
    server.route('/slow-headers', () => undefined); // never answers
    server.route('/trickle', (_request, response) => {
      response.writeHead(200);
      const timer = setInterval(() => response.write('<'), 100);
      response.on('close', () => clearInterval(timer));
    });
    // Both servers keep the connection open for ever: a fetch that returns at all was cut by its timeout.
    expect((await failure('/slow-headers', { timeoutMs: 300 })).code).toBe('fetch_timeout');
    expect((await failure('/trickle', { timeoutMs: 300 })).code).toBe('fetch_timeout');
  });

  it('refuses a body over the cap, declared or streamed, and a gzip bomb', async () => {
    server.route('/declared', (_request, response) => {
      response.writeHead(200, { 'content-length': String(1024 * 1024) });
      response.end(Buffer.alloc(1024 * 1024));
    });
    server.route('/chunked', (_request, response) => {
      response.writeHead(200);
      for (let i = 0; i < 100; i += 1) response.write(Buffer.alloc(1024, 0x61));
      response.end();
    });
    // 50 MiB of zeros compress to ~50 KiB: small on the wire, huge when inflated.
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    server.route('/bomb', (_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb);
    });
    for (const path of ['/declared', '/chunked', '/bomb']) {
      const error = await failure(path);
      expect(error.code, path).toBe('fetch_too_large');
    }
  });

  it('classifies a refused connection and a corrupt compressed body as network failures', async () => {
    const refused = await fetchDocument({ url: 'http://127.0.0.1:1/' }, limits, dispatcher).catch((error) => error);
    expect(refused).toBeInstanceOf(RegwatchError);
    expect(refused.code).toBe('fetch_network');
    server.route('/corrupt', (_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' }).end('this is not gzip');
    });
    expect((await failure('/corrupt')).code).toBe('fetch_network');
  });

  it('refuses URLs that are not http(s)', async () => {
    const error = await fetchDocument({ url: 'ftp://example.org/feed' }, limits, dispatcher).catch((e) => e);
    expect(error.code).toBe('fetch_bad_url');
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Nov 2026 00:02:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
