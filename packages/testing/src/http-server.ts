import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export interface FixtureServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Serves `handler` at `path` (replacing what was there). */
  route(path: string, handler: Handler): void;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback whose routes a test programs; unrouted paths answer 404. */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push({ method: request.method ?? 'GET', path, headers: request.headers });
    const handler = routes.get(path);
    if (!handler) {
      response.writeHead(404).end('not found');
      return;
    }
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    route: (path, handler) => routes.set(path, handler),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Serves a body like a well-behaved feed server: ETag and Last-Modified on every 200, and 304
 * when the request's validators match.
 */
export function feedHandler(getBody: () => string, contentType = 'application/rss+xml; charset=utf-8'): Handler {
  return (request, response) => {
    const body = getBody();
    const etag = `"${Buffer.from(body).length}-${hashOf(body)}"`;
    const lastModified = 'Wed, 21 Oct 2026 07:28:00 GMT';
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentType, etag, 'last-modified': lastModified }).end(body);
  };
}

function hashOf(text: string): string {
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(16);
}
