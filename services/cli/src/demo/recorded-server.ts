import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded response: what a source served at a path. */
export interface RecordedResponse {
  /** Path on the recorded server, e.g. `/ico/news.json`. */
  path: string;
  /** File holding the recorded body. */
  file: string;
  contentType: string;
  /** Methods the real source answers (the ICO's search API takes POST). */
  methods?: readonly ('GET' | 'POST')[];
}

export interface RecordedServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves recorded responses the way a well-behaved source does (ETag, Last-Modified, 304 on
 * a matching validator), so the demo exercises the same conditional-GET path as production.
 * Bodies are read once at start; a missing file fails the start, not a poll.
 */
export async function startRecordedServer(responses: readonly RecordedResponse[], port = 0): Promise<RecordedServer> {
  const routes = new Map<string, { body: Buffer; etag: string; response: RecordedResponse }>();
  for (const response of responses) {
    const body = await readFile(response.file);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 20)}"`;
    routes.set(response.path, { body, etag, response });
  }
  // A fixed date: the recordings do not change while the demo runs.
  const lastModified = new Date(Date.UTC(2026, 10, 1)).toUTCString();
  const server: Server = createServer((request, reply) => {
    const path = new URL(request.url ?? '/', 'http://recorded.invalid').pathname;
    const route = routes.get(path);
    if (!route) {
      reply.writeHead(404, { 'content-type': 'text/plain' }).end('no recorded response at this path');
      return;
    }
    const methods = route.response.methods ?? ['GET'];
    if (!methods.includes(request.method as 'GET' | 'POST') && request.method !== 'HEAD') {
      reply.writeHead(405, { allow: methods.join(', ') }).end();
      return;
    }
    request.resume();
    const headers = { etag: route.etag, 'last-modified': lastModified };
    if (request.headers['if-none-match'] === route.etag) {
      reply.writeHead(304, headers).end();
      return;
    }
    reply
      .writeHead(200, { ...headers, 'content-type': route.response.contentType, 'content-length': route.body.length })
      .end(request.method === 'HEAD' ? undefined : route.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
