import { parseAuthorization } from '@regwatch/core';
import type { ActiveApiKey } from '@regwatch/db';

/** Who a request to a data route is, for authorisation and rate limiting. */
export type Principal =
  | { kind: 'api_key'; keyId: number; prefix: string; ratePerMinute: number | null }
  | { kind: 'anonymous' }
  /** Answered 401 (or 429 once its address has failed too often); `challenge` shapes WWW-Authenticate. */
  | { kind: 'rejected'; challenge: 'missing' | 'invalid'; reason: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for data routes (see access-policy.ts) by plugins/auth.ts; null elsewhere. */
    principal: Principal | null;
  }
}

export type FindApiKey = (hash: string) => Promise<Pick<ActiveApiKey, 'id' | 'prefix' | 'ratePerMinute'> | undefined>;

/** Resolves the `Authorization` header of a data request to its principal. */
export async function identify(
  authorization: string | undefined,
  options: { anonymousAccess: boolean; findApiKey: FindApiKey },
): Promise<Principal> {
  const credential = parseAuthorization(authorization);
  switch (credential.kind) {
    case 'none':
      return options.anonymousAccess
        ? { kind: 'anonymous' }
        : {
            kind: 'rejected',
            challenge: 'missing',
            reason: 'an API key is required: send "Authorization: Bearer <API key>"',
          };
    case 'malformed':
      return { kind: 'rejected', challenge: 'invalid', reason: credential.reason };
    case 'api_key': {
      const key = await options.findApiKey(credential.hash);
      if (!key) return { kind: 'rejected', challenge: 'invalid', reason: 'the API key is unknown or has been revoked' };
      return { kind: 'api_key', keyId: key.id, prefix: key.prefix, ratePerMinute: key.ratePerMinute };
    }
  }
}
