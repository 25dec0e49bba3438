/**
 * Which requests are about the newsfeed's data, decided by path alone. Authentication, rate
 * limiting, CORS, caching and the OpenAPI annotations all read these rules, so they cannot
 * disagree, and routes added later under these prefixes (the feeds) get the same treatment with
 * no wiring. Health probes, /openapi.json and /docs stay open and unlimited.
 */

/** The path of a request URL, without its query. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The JSON API and the feeds: a principal is resolved (key or anonymous) and rate-limited. */
export function isDataPath(path: string): boolean {
  return under(path, '/v1') || under(path, '/feeds');
}

/** The feeds and their pages: read by feed readers, with a budget of their own (plugins/rate-limit.ts). */
export function isFeedPath(path: string): boolean {
  return under(path, '/feeds');
}

/** Routes that act for one API key (its webhooks): a key is required even while anonymous reads are allowed. */
export function requiresApiKey(path: string): boolean {
  return under(path, '/v1/webhooks');
}

/**
 * JSON reads that carry a strong ETag and Cache-Control. The feeds are left to their own
 * conditional GET (Last-Modified as well as ETag).
 */
export function isCacheableRead(method: string, path: string): boolean {
  // A key's webhooks are its own: the response cache is keyed by URL alone, so they stay out of it.
  return (method === 'GET' || method === 'HEAD') && under(path, '/v1') && !requiresApiKey(path);
}

/**
 * Where browsers on other sites may read: the feeds, the OpenAPI document, and /v1 when it can
 * be read without a key. Never a request that carries a key (see plugins/cors.ts).
 */
export function allowsCrossOrigin(path: string, anonymousAccess: boolean): boolean {
  return under(path, '/feeds') || path === '/openapi.json' || (anonymousAccess && under(path, '/v1'));
}
