import { emailDomain, normaliseEmailAddress, type RoundupPreferences } from '@regwatch/core';
import { signUpSubscriber } from '@regwatch/db';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { AppDeps, RoundupQueue } from '../types.ts';
import { checkedPreferences, type RawPreferences } from './preferences-input.ts';
import type { SignUpRefusal } from './sign-up-limits.ts';

export type SignUpOutcome = { accepted: true } | { accepted: false; refusal: SignUpRefusal };

/** The checked sign-up: an address as stored and the preferences in one spelling. */
export function checkedSignUp(
  raw: { email: string } & RawPreferences,
  where: 'body field' | 'form field',
): { email: string; preferences: RoundupPreferences } {
  return { email: normaliseEmailAddress(raw.email), preferences: checkedPreferences(raw, where) };
}

/**
 * Asks the roundup service to mail a confirmation. The job names the subscriber by id only; its
 * id (one per subscriber per minute) makes a double submit one job. If Redis is down the row is
 * enough: the roundup's `check` task mails confirmations asked for and not sent.
 */
async function requestConfirmation(queue: RoundupQueue, subscriberId: string, log: FastifyBaseLogger) {
  const minute = Math.floor(Date.now() / 60_000);
  try {
    await queue.add('confirm', { task: 'confirm', subscriberId }, { jobId: `confirm-${subscriberId}-${minute}` });
  } catch (error) {
    log.warn(
      { subscriberId, reason: error instanceof Error ? error.message : String(error) },
      'could not queue a confirmation email: the roundup check task will send it',
    );
  }
}

/**
 * A sign-up after its input was checked: the limits, then one statement in PostgreSQL, then the
 * confirmation job when the row now waits for one (not for an active subscriber). Every
 * accepted sign-up answers alike, so the answer never tells whether an address was subscribed.
 */
export async function signUp(
  deps: Pick<AppDeps, 'database'> & {
    queue: RoundupQueue;
    limits: (request: FastifyRequest, domain: string) => Promise<SignUpRefusal | null>;
  },
  request: FastifyRequest,
  checked: { email: string; preferences: RoundupPreferences },
): Promise<SignUpOutcome> {
  const refusal = await deps.limits(request, emailDomain(checked.email));
  if (refusal) return { accepted: false, refusal };
  const waiting = await signUpSubscriber(deps.database.db, checked);
  if (waiting !== null) await requestConfirmation(deps.queue, waiting, request.log);
  return { accepted: true };
}
