import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Whether a request may read /metrics (a refusal is a 401). Who may read /metrics. With METRICS_TOKEN set, a request bearing it (`Authorization: Bearer …`,
 * compared in constant time); without one, only clients on the loopback address (a scraper on the
 * same host, or through a tunnel). The address is the socket's, never X-Forwarded-For.
 */
export function metricsAccess(
  token: string,
  remoteAddress: string | undefined,
  authorization: string | undefined,
): boolean {
  if (token === '') return isLoopback(remoteAddress);
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

/** What a refused scrape is told. */
export const metricsRefusal = 'scrape /metrics from loopback, or send the METRICS_TOKEN as a bearer token';
