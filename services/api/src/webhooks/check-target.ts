import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type Cidr, checkAddress, parseCidr, RegwatchError } from '@regwatch/core';

const refused = (message: string) => new RegwatchError('invalid_parameter', `body field "url" ${message}`);

/** The fetcher's exemptions from the SSRF guard (FETCH_ALLOW_ADDRESSES), parsed once. */
export function allowedCidrs(entries: readonly string[]): Cidr[] {
  return entries.flatMap((entry) => {
    const cidr = parseCidr(entry);
    return cidr ? [cidr] : [];
  });
}

/**
 * Refuses a webhook URL whose host is, or resolves to, an address the fetcher's SSRF guard
 * refuses (loopback, private, link-local, metadata), unless FETCH_ALLOW_ADDRESSES exempts it.
 * Every address a name resolves to must be public: a name that also points inward is refused.
 * The sender checks again at each connection (the fetcher's dispatcher), so a name that changes
 * its answer later is still not followed inward.
 */
export async function checkWebhookTarget(url: URL, allow: readonly Cidr[]): Promise<void> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      throw refused(`names a host that does not resolve (${host}): use a public host name or address`);
    }
  }
  for (const address of addresses) {
    const verdict = checkAddress(address, allow);
    if (!verdict.allowed) {
      const shown = address === host ? address : `${host} (${address})`;
      throw refused(`points at ${shown}, which ${verdict.reason}: webhooks are delivered to public addresses only`);
    }
  }
}
