import type { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

/** Feeds vary by these request headers: a browser's navigation gets a page, a reader the feed. */
export const feedVary = 'Accept, Sec-Fetch-Dest';

/**
 * Whether a request for a feed is a person's browser opening it: a navigation
 * (`Sec-Fetch-Dest: document`, sent by every current browser), or an Accept preferring HTML to
 * the feed's own type and generic XML/JSON. Readers (feed types, `*\/*`, no Sec-Fetch headers)
 * get the feed.
 */
export function isBrowserNavigation(request: FastifyRequest, feedType: string): boolean {
  const dest = request.headers['sec-fetch-dest'];
  if (dest !== undefined) return dest === 'document';
  // What most readers send: no preference, so the feed (Negotiator would keep the first type given).
  const accept = request.headers.accept;
  if (accept === undefined || accept === '*/*') return false;
  const generic = feedType.includes('json') ? ['application/json'] : ['application/xml', 'text/xml'];
  // The feed's types first: on a tie (`*/*`, no Accept) Negotiator keeps the order given.
  const preferred = new Negotiator(request).mediaType([feedType, ...generic, 'text/html']);
  return preferred === 'text/html';
}
