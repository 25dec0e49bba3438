import { normalizeIP } from '@fastify/rate-limit';
import { sha256Hex } from '@regwatch/core';
import type { FastifyRequest } from 'fastify';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

const windowMs = 15 * 60 * 1_000;

/**
 * Sign-in attempts: CONSOLE_LOGIN_RATE per 15 minutes from one client address, and as many for
 * one account from all addresses (guessing one editor's password from many machines), counted in
 * Redis by the API's rate limiter the way sign-ups are (subscriptions/sign-up-limits.ts). Every
 * attempt counts, right or wrong, so the answer to an unknown address and a wrong password is the
 * same. The account is counted by its address's hash: Redis holds no address.
 *
 * If Redis fails the attempt is refused (fail closed, unlike the public limits): a sign-in is
 * worth guarding more than it is worth keeping open during an outage.
 */
export function loginLimits(app: FastifyTypeBox, config: Pick<AppDeps['config'], 'CONSOLE_LOGIN_RATE'>) {
  const accounts = new WeakMap<FastifyRequest, string>();
  const common = { timeWindow: windowMs, max: config.CONSOLE_LOGIN_RATE, allowList: () => false, skipOnError: false };
  const perClient = app.createRateLimit({
    ...common,
    keyGenerator: (request) => `console-login-client:${normalizeIP(request.ip)}`,
  });
  const perAccount = app.createRateLimit({
    ...common,
    keyGenerator: (request) => `console-login-account:${sha256Hex(accounts.get(request) ?? '').slice(0, 32)}`,
  });

  /** Spends one attempt of the client and of the account; minutes to wait when either is spent. */
  return async function check(request: FastifyRequest, email: string): Promise<{ retryAfterSeconds: number } | null> {
    accounts.set(request, email.trim().toLowerCase());
    for (const limit of [perClient, perAccount]) {
      const result = await limit(request);
      if (!result.isAllowed && result.isExceeded) return { retryAfterSeconds: result.ttlInSeconds };
    }
    return null;
  };
}
