import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createFetchDispatcher, type FetchLimits, fetchDocument } from '../src/index.ts';

// Issue 3: a host is never sent more than 2 requests at once, however many of its sources poll.

const limits: FetchLimits = { timeoutMs: 20_000, maxBytes: 64 * 1024, maxRedirects: 5, userAgent: 'Regwatch-test' };
const dispatcher = createFetchDispatcher({ allow: ['127.0.0.0/8'] });
const servers: Server[] = [];

interface CountingServer {
  url: string;
  maxInFlight: () => number;
  served: () => number;
}

/**
 * A server that counts requests in flight. It holds each request until a second one is in
 * flight, then answers the held ones 100 ms later, leaving time for any request beyond the
 * limit to arrive and be counted; a request alone is answered after a second.
 */
async function startCountingServer(host: string): Promise<CountingServer> {
  let inFlight = 0;
  let max = 0;
  let served = 0;
  let held: ServerResponse[] = [];
  let releaseScheduled = false;
  const answer = (response: ServerResponse) => {
    if (response.writableEnded) return;
    inFlight -= 1;
    served += 1;
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel/></rss>');
  };
  const releaseAll = () => {
    releaseScheduled = false;
    const release = held;
    held = [];
    for (const response of release) answer(response);
  };
  const server = createServer((_request, response) => {
    inFlight += 1;
    max = Math.max(max, inFlight);
    held.push(response);
    if (held.length >= 2) {
      if (!releaseScheduled) setTimeout(releaseAll, 100);
      releaseScheduled = true;
      return;
    }
    setTimeout(() => {
      if (held.length === 1 && held[0] === response) releaseAll();
    }, 1_000);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    maxInFlight: () => max,
    served: () => served,
  };
}

afterAll(async () => {
  await dispatcher.close();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('requests per host', () => {
  it('keeps at most 2 requests in flight to one host while 6 fetches run at once', async () => {
    const server = await startCountingServer('127.0.0.1');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fetchDocument({ url: `${server.url}/feed-${i}` }, limits, dispatcher)),
    );
    expect(results.map((result) => result.kind)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(server.served()).toBe(6);
    expect(server.maxInFlight()).toBe(2);
  });

  it('limits each host on its own', async () => {
    // Two loopback addresses are two hosts (Linux routes all of 127.0.0.0/8 to loopback).
    const one = await startCountingServer('127.0.0.1');
    const two = await startCountingServer('127.0.0.2');
    const results = await Promise.all(
      [one, two].flatMap((server) =>
        Array.from({ length: 4 }, (_, i) => fetchDocument({ url: `${server.url}/feed-${i}` }, limits, dispatcher)),
      ),
    );
    expect(results.every((result) => result.kind === 'ok')).toBe(true);
    expect([one.maxInFlight(), two.maxInFlight()]).toEqual([2, 2]);
  });
});
