import { type EditionWeek, signRoundupToken, type TokenPurpose } from '@regwatch/core';

/** The instance's address for links in emails (PUBLIC_URL empty: the default local API). */
export function publicBase(publicUrl: string): string {
  return (publicUrl === '' ? 'http://127.0.0.1:3000' : publicUrl).replace(/\/+$/, '');
}

export function editionUrl(publicUrl: string, week: EditionWeek): string {
  return `${publicBase(publicUrl)}/roundups/${week}`;
}

const pagePath: Record<TokenPurpose, string> = {
  confirm: '/subscriptions/confirm',
  manage: '/subscriptions/manage',
  unsubscribe: '/subscriptions/unsubscribe',
};

/** A signed link of one subscriber (paths.md): no address in it. */
export function subscriberLink(
  config: { PUBLIC_URL: string; ROUNDUP_SECRET: string },
  subscriberId: string,
  purpose: TokenPurpose,
  now: Date,
): string {
  const token = signRoundupToken(config.ROUNDUP_SECRET, { subscriberId, purpose, issuedAt: now.getTime() });
  return `${publicBase(config.PUBLIC_URL)}${pagePath[purpose]}?token=${token}`;
}

/** The Message-ID of one edition to one subscriber: the same on every attempt, so a receiver can tell a copy. */
export function roundupMessageId(publicUrl: string, week: EditionWeek, subscriberId: string): string {
  const host = new URL(publicBase(publicUrl)).hostname || 'regwatch.invalid';
  return `<roundup-${week}-${subscriberId}@${host}>`;
}
