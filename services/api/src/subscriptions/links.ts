import { isRoundupTokenCurrent, signRoundupToken, type TokenPurpose, verifyRoundupToken } from '@regwatch/core';
import { findSubscriber, type SubscriberView } from '@regwatch/db';
import type { AppDeps } from '../types.ts';

/** The page a purpose's link opens (paths.md: the URLs the emails carry). */
export const linkPaths: Record<TokenPurpose, string> = {
  confirm: '/subscriptions/confirm',
  manage: '/subscriptions/manage',
  unsubscribe: '/subscriptions/unsubscribe',
};

/** The query parameter a link's token travels in (plugins/keys-in-url.ts lets it through on these pages). */
export const linkTokenParameter = 'token';

/** A link of `purpose` for a subscriber, issued now (relative: the pages link within this site). */
export function subscriberLink(secret: string, purpose: TokenPurpose, subscriberId: string, now: number): string {
  const token = signRoundupToken(secret, { subscriberId, purpose, issuedAt: now });
  return `${linkPaths[purpose]}?${linkTokenParameter}=${encodeURIComponent(token)}`;
}

/**
 * The subscriber a link's token names, when the token is signed with our secret, is for this
 * purpose, and is still current for them (not issued before their `tokens_valid_after`, a
 * confirmation not older than its lifetime). Undefined for anything else, erased rows included.
 */
export async function subscriberForLink(
  deps: Pick<AppDeps, 'database'> & { secret: string; now: () => number },
  raw: unknown,
  purpose: TokenPurpose,
): Promise<SubscriberView | undefined> {
  if (typeof raw !== 'string') return undefined;
  const token = verifyRoundupToken(deps.secret, raw);
  if (token === null || token.purpose !== purpose) return undefined;
  const subscriber = await findSubscriber(deps.database.db, token.subscriberId);
  if (!subscriber) return undefined;
  return isRoundupTokenCurrent(token, subscriber.tokensValidAfter, new Date(deps.now())) ? subscriber : undefined;
}
