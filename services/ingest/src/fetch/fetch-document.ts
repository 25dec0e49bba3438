import { RegwatchError } from '@regwatch/core';
import { request } from 'undici';
import type { FetchDispatcher } from './dispatcher.ts';
import { readBody } from './read-body.ts';

export interface FetchLimits {
  /** Whole fetch: connection, redirects, headers and body. */
  timeoutMs: number;
  /** Decompressed body size. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchRequest {
  url: string;
  /** GET unless the source's API needs a POST (with a JSON body). */
  method?: 'GET' | 'POST';
  body?: string;
  validators?: Validators;
  /** Headers of the caller's own (a webhook delivery's signature), sent after the fetcher's defaults. */
  headers?: Readonly<Record<string, string>>;
}

export type FetchResult =
  | { kind: 'not-modified'; url: string }
  | {
      kind: 'ok';
      url: string;
      status: number;
      body: Uint8Array;
      contentType: string | null;
      validators: Validators;
    };

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

const accept =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json;q=0.9, ' +
  'application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/csv;q=0.8, text/html;q=0.7, */*;q=0.5';

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(date - now.getTime(), 0);
}

function checkProtocol(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RegwatchError('fetch_bad_url', `only http and https URLs are fetched, not ${url.protocol}`);
  }
}

/**
 * The fetcher every source goes through: conditional GET with stored validators, one total
 * timeout, a cap on the decompressed body, a bounded number of redirects (each re-checked),
 * and errors classified into Regwatch codes. It never throws anything but RegwatchError.
 * The dispatcher (createFetchDispatcher) refuses non-public addresses at connect time, so
 * every hop of a redirect chain is guarded too, and limits requests in flight per host.
 */
export async function fetchDocument(
  target: FetchRequest,
  limits: FetchLimits,
  dispatcher: FetchDispatcher,
  now: () => Date = () => new Date(),
): Promise<FetchResult> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    throw new RegwatchError('fetch_bad_url', `not a valid URL: ${target.url.slice(0, 200)}`);
  }
  let method = target.method ?? 'GET';
  let body = target.body;

  try {
    for (let redirects = 0; ; redirects += 1) {
      checkProtocol(url);
      const headers: Record<string, string> = {
        'user-agent': limits.userAgent,
        accept,
        'accept-encoding': 'gzip, deflate, br',
      };
      if (target.validators?.etag) headers['if-none-match'] = target.validators.etag;
      if (target.validators?.lastModified) headers['if-modified-since'] = target.validators.lastModified;
      if (body !== undefined) headers['content-type'] = 'application/json';
      Object.assign(headers, target.headers);

      const response = await request(url, {
        method,
        headers,
        body: body ?? null,
        signal,
        dispatcher,
        headersTimeout: limits.timeoutMs,
        bodyTimeout: limits.timeoutMs,
      });
      const status = response.statusCode;

      if (redirectStatuses.has(status)) {
        response.body.resume();
        const location = header(response.headers, 'location');
        if (!location)
          throw new RegwatchError('fetch_http_status', `HTTP ${status} redirect without a Location`, {
            details: { status },
          });
        if (redirects >= limits.maxRedirects) {
          throw new RegwatchError('fetch_too_many_redirects', `more than ${limits.maxRedirects} redirects`, {
            details: { status },
          });
        }
        url = new URL(location, url);
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }

      if (status === 304) {
        response.body.resume();
        return { kind: 'not-modified', url: url.href };
      }

      if (status < 200 || status > 299) {
        response.body.resume();
        const retryAfterMs =
          status === 429 || status === 503
            ? parseRetryAfter(header(response.headers, 'retry-after'), now())
            : undefined;
        throw new RegwatchError('fetch_http_status', `HTTP ${status} from ${url.host}`, {
          details: { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
        });
      }

      const declaredLength = Number(header(response.headers, 'content-length'));
      const contentEncoding = header(response.headers, 'content-encoding');
      if (!contentEncoding && Number.isFinite(declaredLength) && declaredLength > limits.maxBytes) {
        response.body.destroy();
        throw new RegwatchError(
          'fetch_too_large',
          `response body is ${declaredLength} bytes, more than ${limits.maxBytes}`,
          {
            details: { maxBytes: limits.maxBytes },
          },
        );
      }
      const bytes = await readBody(response.body, { contentEncoding, maxBytes: limits.maxBytes, signal });
      return {
        kind: 'ok',
        url: url.href,
        status,
        body: bytes,
        contentType: header(response.headers, 'content-type') ?? null,
        validators: {
          etag: header(response.headers, 'etag') ?? null,
          lastModified: header(response.headers, 'last-modified') ?? null,
        },
      };
    }
  } catch (error) {
    throw classifyFetchError(error, signal, limits.timeoutMs);
  }
}

function classifyFetchError(error: unknown, signal: AbortSignal, timeoutMs: number): RegwatchError {
  if (error instanceof RegwatchError) return error;
  if (signal.aborted) {
    return new RegwatchError('fetch_timeout', `no complete response within ${timeoutMs} ms`, { cause: error });
  }
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new RegwatchError('fetch_timeout', `no complete response within ${timeoutMs} ms`, { cause: error });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new RegwatchError('fetch_network', `host not found (${code})`, { cause: error });
    default:
      return new RegwatchError(
        'fetch_network',
        `connection failed: ${code ? `${code} ` : ''}${message}`.slice(0, 300),
        {
          cause: error,
        },
      );
  }
}
