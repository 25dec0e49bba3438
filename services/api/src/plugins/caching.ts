import { entityTag } from '@regwatch/render';
import { isCacheableRead, pathOf } from '../access-policy.ts';
import { ExpiringMap } from '../expiring-map.ts';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

/** RFC 9110 §13.1.2: `*`, or any listed tag equal to ours under weak comparison (W/ ignored). */
function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return [...header.matchAll(/(?:W\/)?("[^"]*")/g)].some((match) => match[1] === etag);
}

/**
 * Strong ETags and Cache-Control on /v1 reads, and 304 for a matching If-None-Match. The ETag
 * is a hash of the exact body bytes (render's `entityTag`, as for the feeds), so every instance
 * gives the same tag for the same data and any change in the data changes it.
 *
 * Cache-Control is `public` for anonymous responses, so shared caches (a CDN) may serve them,
 * and `private` for responses to a keyed request: RFC 9111 §3.5 lets a shared cache reuse a
 * response to an authorised request only when told to, and it must not, or the cache would
 * hand keyed data to requests without a key when anonymous access is off.
 *
 * The 304 keeps the headers set earlier (RateLimit-*, CORS, helmet) and sends no body.
 *
 * Bodies are also kept for API_RESPONSE_CACHE_SECONDS by URL, as bytes with their ETag: a page
 * many clients ask for within seconds is built once (measured by bench/api: the dominant cost of
 * a filtered page is its query), and a request for a kept URL is answered before its parameters
 * are checked again (they were valid when it was kept) and before the handler: a revalidation
 * costs a hash lookup and a string comparison.
 */
/** Distinct /v1 URLs whose bodies are kept; the least recently asked go first. */
const maxCachedResponses = 1_000;

export function registerCaching(app: FastifyTypeBox, deps: AppDeps): void {
  const maxAge = deps.config.API_CACHE_MAX_AGE;
  // Bodies do not depend on who asks (keys change limits and Cache-Control, not data): the URL is the key.
  const cache = new ExpiringMap<string, { body: Buffer; etag: string }>(
    deps.config.API_RESPONSE_CACHE_SECONDS * 1_000,
    maxCachedResponses,
    deps.now,
  );
  const keyed = `private, max-age=${maxAge}`;
  const anonymous = `public, max-age=${maxAge}`;
  const cacheControl = (principalKind: string | undefined) => (principalKind === 'api_key' ? keyed : anonymous);

  // After authentication, the rate limiter and the 401 of a rejected caller (a cached page still
  // counts), before validation: the URL was valid when its body was kept.
  app.addHook('preValidation', async (request, reply) => {
    if (!isCacheableRead(request.method, pathOf(request.url))) return;
    const hit = cache.get(request.url);
    if (!hit) return;
    reply.header('etag', hit.etag);
    reply.header('cache-control', cacheControl(request.principal?.kind));
    if (matchesIfNoneMatch(request.headers['if-none-match'], hit.etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(hit.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200 || !isCacheableRead(request.method, pathOf(request.url))) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    // A page served from the cache already carries its ETag.
    const cached = reply.getHeader('etag');
    const etag = typeof cached === 'string' ? cached : entityTag(payload);
    if (typeof cached !== 'string') {
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      cache.set(request.url, { body, etag });
      reply.header('etag', etag);
      reply.header('cache-control', cacheControl(request.principal?.kind));
    }
    if (!matchesIfNoneMatch(request.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    return null;
  });
}
