import { RegwatchError } from '@regwatch/core';
import { findActiveApiKey, touchApiKey } from '@regwatch/db';
import { isDataPath } from '../access-policy.ts';
import { cacheFoundKeys } from '../auth/key-cache.ts';
import { identify } from '../auth/principal.ts';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

/**
 * Resolves who sends each data request (an API key, anonymous, or rejected) before the rate
 * limiter runs, and answers 401 to rejected ones after it: the limiter counts failed attempts
 * per address and turns them into 429 once API_AUTH_FAILURE_RATE is spent. A valid key is
 * honoured whatever its address has failed: offices and NATs share addresses, and a 256-bit
 * secret is not guessed, so the failure budget is about shedding broken clients, not guessing.
 */
export function registerAuthentication(app: FastifyTypeBox, deps: AppDeps): void {
  const now = deps.now ?? Date.now;
  const findApiKey = cacheFoundKeys(
    async (hash: string) => {
      const key = await findActiveApiKey(deps.database.db, hash);
      if (key && (key.lastUsedAt === null || now() - key.lastUsedAt.getTime() >= 60_000)) {
        // Off the request path: a failed bookkeeping write must not fail a read.
        touchApiKey(deps.database.db, key.id, new Date(now())).catch((error: unknown) =>
          app.log.warn({ err: error, keyId: key.id }, 'could not record API key use'),
        );
      }
      return key;
    },
    { ttlMs: deps.config.API_KEY_CACHE_SECONDS * 1000, now },
  );

  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request) => {
    // By the matched route, not the raw path: a 404 and the CORS preflight route (`*`) answer
    // the same whatever key is sent, so they neither look keys up nor could serve as an
    // unlimited oracle telling valid keys from invalid ones.
    const route = request.routeOptions.url;
    if (route === undefined || !isDataPath(route)) return;
    request.principal = await identify(request.headers.authorization, {
      anonymousAccess: deps.config.API_ANONYMOUS_ACCESS,
      findApiKey,
    });
  });

  // preValidation: after the rate limiter (an onRequest hook of each route), before parameters
  // are checked, so a caller without access learns nothing about the route's parameters.
  app.addHook('preValidation', async (request, reply) => {
    const principal = request.principal;
    if (principal?.kind !== 'rejected') return;
    // RFC 6750 §3: name the error only when a credential was sent.
    const challenge =
      principal.challenge === 'invalid' ? 'Bearer realm="regwatch", error="invalid_token"' : 'Bearer realm="regwatch"';
    reply.header('www-authenticate', challenge);
    throw new RegwatchError('unauthorized', principal.reason);
  });
}
