import { createRoundupQueue } from '@regwatch/queue';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { AppDeps, FastifyTypeBox, RoundupQueue } from '../types.ts';
import { type SignUpRefusal, signUpLimits } from './sign-up-limits.ts';

/** What every subscription route shares. */
export interface Subscriptions {
  database: AppDeps['database'];
  /** ROUNDUP_SECRET; empty: sign-ups closed (see `open`). */
  secret: string;
  queue: RoundupQueue;
  limits: (request: FastifyRequest, domain: string) => Promise<SignUpRefusal | null>;
  now: () => number;
  publicUrl: string;
  /** Whether sign-ups and links work on this instance; logs once why not. */
  open(log: FastifyBaseLogger): boolean;
}

export const closedMessage = 'sign-ups are not open on this instance';

/**
 * The subscription routes' shared parts. The roundup queue is the one given (tests read it
 * back), else one on the API's own Redis connection, closed with the app.
 */
export function subscriptions(app: FastifyTypeBox, deps: AppDeps): Subscriptions {
  const queue = deps.roundupQueue ?? createRoundupQueue({ connection: deps.redis, prefix: deps.config.QUEUE_PREFIX });
  if (!deps.roundupQueue) app.addHook('onClose', () => queue.close());
  let closedLogged = false;
  return {
    database: deps.database,
    secret: deps.config.ROUNDUP_SECRET,
    queue,
    limits: signUpLimits(app, deps.config),
    now: deps.now ?? Date.now,
    publicUrl: deps.config.PUBLIC_URL,
    open(log) {
      if (deps.config.ROUNDUP_SECRET !== '') return true;
      if (!closedLogged) {
        closedLogged = true;
        log.warn('roundup sign-ups refused with 503: ROUNDUP_SECRET is empty (set it, at least 32 characters)');
      }
      return false;
    },
  };
}
