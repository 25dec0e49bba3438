import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { type Cidr, checkAddress, parseCidr, RegwatchError } from '@regwatch/core';
import { Agent, buildConnector } from 'undici';

export interface FetchDispatcherOptions {
  /**
   * CIDRs the guard lets through although they are loopback, private, link-local…
   * (FETCH_ALLOW_ADDRESSES). Empty in production; tests and the offline demo allow loopback.
   */
  allow: readonly string[];
  /** Requests in flight at once to one origin (one connection each, no pipelining). Default 2. */
  maxConnectionsPerHost?: number;
  /** Time allowed to open one connection, DNS included. Default 10 s. */
  connectTimeoutMs?: number;
}

const guarded = Symbol('regwatch.fetch-dispatcher');

/**
 * The only dispatcher the fetcher accepts: an undici Agent that refuses to connect to a
 * non-public address and keeps at most a few requests in flight per origin. The brand makes
 * a plain `new Agent()` a type error where a fetch is made.
 */
export type FetchDispatcher = Agent & { readonly [guarded]: true };

function blocked(host: string, address: string, reason: string): RegwatchError {
  return new RegwatchError(
    'fetch_blocked_address',
    `refused to connect to ${host}: ${address} ${reason} (only public addresses are fetched)`,
    { details: { host, address } },
  );
}

/**
 * Resolves like dns.lookup, then keeps only the addresses the guard allows. Node skips the
 * lookup for IP literals, so the connector checks those itself.
 */
function guardedLookup(allow: readonly Cidr[]): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', undefined);
        return;
      }
      const allowed = addresses.filter((entry) => checkAddress(entry.address, allow).allowed);
      const first = allowed[0];
      if (!first) {
        const refused = addresses[0];
        const verdict = refused ? checkAddress(refused.address, allow) : undefined;
        const reason = verdict && !verdict.allowed ? verdict.reason : 'has no address';
        const others = addresses.length > 1 ? ` and ${addresses.length - 1} more blocked address(es)` : '';
        // net passes the lookup error through unchanged, so undici rejects the request with it.
        callback(
          blocked(hostname, refused?.address ?? '(none)', `${reason}${others}`) as unknown as NodeJS.ErrnoException,
          '',
          undefined,
        );
        return;
      }
      if (options.all) callback(null, allowed);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * Builds the fetcher's dispatcher. The SSRF guard sits in the connect step, so it judges the
 * address actually connected to, whatever URL, redirect or DNS answer led there:
 * - a literal IP host is checked before any socket is opened;
 * - a host name is resolved with a lookup that drops blocked addresses (and fails if none is left);
 * - the connected socket's peer address is checked again before a byte is sent.
 */
export function createFetchDispatcher(options: FetchDispatcherOptions): FetchDispatcher {
  const allow = options.allow.map((entry) => {
    const cidr = parseCidr(entry);
    if (!cidr) throw new RegwatchError('invalid_config', `FETCH_ALLOW_ADDRESSES: "${entry}" is not a CIDR`);
    return cidr;
  });
  const base = buildConnector({ lookup: guardedLookup(allow), timeout: options.connectTimeoutMs ?? 10_000 });

  const connect: buildConnector.connector = (target, callback) => {
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host) !== 0) {
      const verdict = checkAddress(host, allow);
      if (!verdict.allowed) {
        callback(blocked(host, host, verdict.reason), null);
        return;
      }
    }
    base(target, (error, socket) => {
      if (error || !socket) {
        callback(error ?? new Error('connect failed without an error'), null);
        return;
      }
      const remote = socket.remoteAddress ?? '(unknown)';
      const verdict = checkAddress(remote, allow);
      if (!verdict.allowed) {
        socket.destroy();
        callback(blocked(host, remote, verdict.reason), null);
        return;
      }
      callback(null, socket);
    });
  };

  const maxConnections = options.maxConnectionsPerHost ?? 2;
  // Agent keeps one pool per origin: `connections` caps sockets, and pipelining 1 makes that
  // the number of requests in flight, so a slow host is never hit by more than this at once.
  const agent = new Agent({ connect, connections: maxConnections, pipelining: 1, keepAliveTimeout: 10_000 });
  return Object.assign(agent, { [guarded]: true as const });
}
