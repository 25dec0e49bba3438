import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegwatchError } from '@regwatch/core';
import { type FixtureServer, startFixtureServer } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchDispatcher, type FetchDispatcher, type FetchLimits, fetchDocument } from '../src/index.ts';

// Issue 3: the fetcher never connects to loopback, private, link-local (cloud metadata) or
// other non-public addresses, whether the URL names them, a redirect leads there or DNS does.

const limits: FetchLimits = { timeoutMs: 20_000, maxBytes: 64 * 1024, maxRedirects: 5, userAgent: 'Regwatch-test' };
let target: FixtureServer; // on 127.0.0.1: the address an attacker wants reached
let redirector: Server; // on 127.0.0.2: stands in for a public source that redirects
let redirectorUrl: string;
let redirectTo = '';
const redirectorRequests: string[] = [];
const dispatchers: FetchDispatcher[] = [];

function dispatcher(allow: string[]): FetchDispatcher {
  const created = createFetchDispatcher({ allow });
  dispatchers.push(created);
  return created;
}

beforeAll(async () => {
  target = await startFixtureServer();
  target.route('/secret', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('internal only');
  });
  // Linux routes all of 127.0.0.0/8 to loopback, so a second server on 127.0.0.2 can be
  // allowed on its own (allow-list 127.0.0.2/32) while 127.0.0.1 stays blocked.
  redirector = createServer((request, response) => {
    redirectorRequests.push(request.url ?? '');
    response.writeHead(302, { location: redirectTo }).end();
  });
  await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.2', resolve));
  redirectorUrl = `http://127.0.0.2:${(redirector.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all(dispatchers.map((each) => each.close()));
  await target.close();
  redirector.closeAllConnections();
  await new Promise<void>((resolve) => redirector.close(() => resolve()));
});

async function refusal(url: string, allow: string[] = []): Promise<RegwatchError> {
  const outcome = await fetchDocument({ url }, limits, dispatcher(allow)).then(
    (result) => result,
    (error: unknown) => error,
  );
  if (outcome instanceof RegwatchError) return outcome;
  throw new Error(`fetching ${url} was not refused: ${JSON.stringify(outcome)}`);
}

/** TCP sockets the process opened while `run` ran (net publishes each new client socket). */
async function socketsOpenedDuring(run: () => Promise<unknown>): Promise<number> {
  let opened = 0;
  const count = () => {
    opened += 1;
  };
  subscribe('net.client.socket', count);
  try {
    await run();
  } finally {
    unsubscribe('net.client.socket', count);
  }
  return opened;
}

describe('the SSRF guard', () => {
  it('refuses a loopback URL without the allow-list, before the server sees a request', async () => {
    const url = `${target.url}/secret`;
    let error: RegwatchError | undefined;
    const opened = await socketsOpenedDuring(async () => {
      error = await refusal(url);
    });
    expect(error?.code).toBe('fetch_blocked_address');
    expect(error?.message).toBe(
      'refused to connect to 127.0.0.1: 127.0.0.1 is in the loopback range 127.0.0.0/8 (only public addresses are fetched)',
    );
    expect(opened).toBe(0);
    expect(target.requests).toEqual([]);

    // The same URL with loopback allowed is fetched: the refusal above came from the guard.
    const allowed = await fetchDocument({ url }, limits, dispatcher(['127.0.0.0/8']));
    expect(allowed.kind === 'ok' && Buffer.from(allowed.body).toString()).toBe('internal only');
    target.requests.length = 0;
  });

  it('refuses other spellings of loopback and "this host"', async () => {
    const port = new URL(target.url).port;
    for (const host of ['[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '2130706433', '0x7f.1', '0.0.0.0', '[::]']) {
      const error = await refusal(`http://${host}:${port}/secret`);
      expect(error.code, host).toBe('fetch_blocked_address');
    }
    expect(target.requests).toEqual([]);
  });

  it('refuses a redirect from an allowed server to a blocked address', async () => {
    const allow = ['127.0.0.2/32']; // the redirecting server only
    redirectTo = `${target.url}/secret`;
    const error = await refusal(`${redirectorUrl}/feed`, allow);
    expect(error.code).toBe('fetch_blocked_address');
    expect(error.message).toContain('127.0.0.1 is in the loopback range 127.0.0.0/8');
    expect(redirectorRequests).toEqual(['/feed']);
    expect(target.requests).toEqual([]);

    redirectTo = 'http://[::1]/';
    expect((await refusal(`${redirectorUrl}/feed-v6`, allow)).code).toBe('fetch_blocked_address');
    redirectTo = 'http://169.254.169.254/latest/meta-data/';
    expect((await refusal(`${redirectorUrl}/feed-metadata`, allow)).code).toBe('fetch_blocked_address');

    // Control: allowing the target too, the same redirect is followed.
    redirectTo = `${target.url}/secret`;
    const followed = await fetchDocument(
      { url: `${redirectorUrl}/feed` },
      limits,
      dispatcher([...allow, '127.0.0.1/32']),
    );
    expect(followed).toMatchObject({ kind: 'ok', url: `${target.url}/secret` });
    target.requests.length = 0;
  });

  it('refuses a host name that resolves to a private address', async () => {
    const url = `http://localhost:${new URL(target.url).port}/secret`;
    const error = await refusal(url);
    expect(error.code).toBe('fetch_blocked_address');
    expect(error.message).toMatch(/^refused to connect to localhost: (127\.0\.0\.1|::1) is in the loopback range/);
    expect(error.details).toMatchObject({ host: 'localhost' });
    expect(target.requests).toEqual([]);

    // Control: the name resolves and connects once its address is allowed.
    const allowed = await fetchDocument({ url }, limits, dispatcher(['127.0.0.0/8', '::1/128']));
    expect(allowed.kind).toBe('ok');
    target.requests.length = 0;
  });

  it('refuses the cloud metadata address at once, without opening a socket', async () => {
    let error: RegwatchError | undefined;
    const opened = await socketsOpenedDuring(async () => {
      // A 20 s timeout: an attempted connection would end in fetch_timeout or fetch_network.
      error = await refusal('http://169.254.169.254/latest/meta-data/', ['127.0.0.0/8']);
    });
    expect(error?.code).toBe('fetch_blocked_address');
    expect(error?.message).toContain('169.254.169.254 is in the link-local (cloud metadata) range 169.254.0.0/16');
    expect(opened).toBe(0);
  });

  it.each(['file:///etc/passwd', 'ftp://127.0.0.1/feed', 'gopher://127.0.0.1:6379/_INFO', 'data:text/plain,hi'])(
    'refuses the non-http URL %s',
    async (url) => {
      expect((await refusal(url, ['127.0.0.0/8'])).code).toBe('fetch_bad_url');
    },
  );

  it('refuses to build a dispatcher from an allow-list entry that is not a CIDR', () => {
    expect(() => createFetchDispatcher({ allow: ['127.0.0.0/33'] })).toThrowError(
      'FETCH_ALLOW_ADDRESSES: "127.0.0.0/33" is not a CIDR',
    );
  });
});
