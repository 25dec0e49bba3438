import { normalizeIP } from '@fastify/rate-limit';
import { sha256Hex } from '@regwatch/core';
import type { FastifyRequest } from 'fastify';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

const hourMs = 60 * 60 * 1_000;

/** A sign-up refused by a limit: how long to wait, and why in one line. */
export interface SignUpRefusal {
  retryAfterSeconds: number;
  message: string;
}

/**
 * The sign-up limits: SUBSCRIBE_CLIENT_RATE per client address and SUBSCRIBE_DOMAIN_RATE per
 * mail domain (from all clients) per hour, so the form cannot mail-bomb a person or a company.
 * They are counters of the API's rate limiter (plugins/rate-limit.ts: the same Redis store,
 * `nameSpace` and fixed windows; the plugin's child store puts the route's method and URL in the
 * key, which a limiter made outside a route lacks). Like it, they let requests through when
 * Redis fails (`skipOnError`): the confirmation email itself is still limited to one a day per
 * address by PostgreSQL. The domain is counted by its hash, so Redis holds no part of an address.
 */
export function signUpLimits(app: FastifyTypeBox, config: AppDeps['config']) {
  const domains = new WeakMap<FastifyRequest, string>();
  const perClient = app.createRateLimit({
    timeWindow: hourMs,
    max: config.SUBSCRIBE_CLIENT_RATE,
    allowList: () => false,
    keyGenerator: (request) => `subscribe-client:${normalizeIP(request.ip)}`,
  });
  const perDomain = app.createRateLimit({
    timeWindow: hourMs,
    max: config.SUBSCRIBE_DOMAIN_RATE,
    allowList: () => false,
    keyGenerator: (request) => `subscribe-domain:${sha256Hex(domains.get(request) ?? '').slice(0, 32)}`,
  });
  const minutes = (seconds: number) => `${Math.max(1, Math.ceil(seconds / 60))} minutes`;

  /** Spends one sign-up of the client and of the domain; a refusal when either is spent. */
  return async function check(request: FastifyRequest, domain: string): Promise<SignUpRefusal | null> {
    const client = await perClient(request);
    if (!client.isAllowed && client.isExceeded) {
      return {
        retryAfterSeconds: client.ttlInSeconds,
        message: `too many sign-ups from this address; retry in ${minutes(client.ttlInSeconds)}`,
      };
    }
    domains.set(request, domain);
    const forDomain = await perDomain(request);
    if (!forDomain.isAllowed && forDomain.isExceeded) {
      return {
        retryAfterSeconds: forDomain.ttlInSeconds,
        message: `too many sign-ups for addresses at this mail domain; retry in ${minutes(forDomain.ttlInSeconds)}`,
      };
    }
    return null;
  };
}
