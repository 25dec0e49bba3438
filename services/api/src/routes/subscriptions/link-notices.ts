import type { TokenPurpose } from '@regwatch/core';
import type { FastifyRequest } from 'fastify';
import { baseUrl } from '../../feeds/feed-urls.ts';
import { closedMessage } from '../../subscriptions/context.ts';

/** What a page says when its link does not work (forged, for another page, expired, or its subscriber erased). */
export function deadLinkNotice(request: FastifyRequest, publicUrl: string, purpose: TokenPurpose) {
  const subscribeUrl = `${baseUrl(request, publicUrl)}/subscribe`;
  const message =
    purpose === 'confirm'
      ? `This link has expired: sign up again at ${subscribeUrl}`
      : purpose === 'manage'
        ? `This link has expired: use the link in your latest roundup email, or sign up again at ${subscribeUrl}`
        : 'This link has expired: use the unsubscribe link in your latest roundup email.';
  return { title: 'This link has expired', message };
}

/** A working link of a subscription that has ended (unsubscribed, or mail to it bounced). */
export function endedNotice(request: FastifyRequest, publicUrl: string) {
  return {
    title: 'This subscription has ended',
    message: `This subscription has ended: to receive the roundup again, sign up at ${baseUrl(request, publicUrl)}/subscribe`,
  };
}

export const closedNotice = { title: 'Sign-ups are closed', message: `Sorry: ${closedMessage}.` };
