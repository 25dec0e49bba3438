import { confirmSubscriber } from '@regwatch/db';
import { renderConfirmedPage, renderConfirmPage } from '@regwatch/render';
import { sendNotice, sendPage } from '../../plugins/pages.ts';
import type { Subscriptions } from '../../subscriptions/context.ts';
import { linkPaths, subscriberForLink, subscriberLink } from '../../subscriptions/links.ts';
import type { FastifyTypeBox } from '../../types.ts';
import { closedNotice, deadLinkNotice, endedNotice } from './link-notices.ts';

type TokenQuery = { Querystring: { token?: unknown } };

/**
 * GET shows a button and changes nothing (link scanners fetch confirmation URLs); its POST
 * confirms. Confirming leaves the links valid: a second POST answers "already confirmed".
 */
export function confirmRoutes(app: FastifyTypeBox, subscriptions: Subscriptions): void {
  const path = linkPaths.confirm;

  app.get<TokenQuery>(path, { schema: { hide: true } }, async (request, reply) => {
    if (!subscriptions.open(request.log)) return sendNotice(reply, 503, closedNotice);
    const subscriber = await subscriberForLink(subscriptions, request.query.token, 'confirm');
    if (!subscriber) return sendNotice(reply, 400, deadLinkNotice(request, subscriptions.publicUrl, 'confirm'));
    if (subscriber.status === 'active') {
      const manageUrl = subscriberLink(subscriptions.secret, 'manage', subscriber.id, subscriptions.now());
      return sendPage(reply, 200, renderConfirmedPage({ manageUrl, already: true }));
    }
    if (subscriber.status !== 'pending') return sendNotice(reply, 400, endedNotice(request, subscriptions.publicUrl));
    const actionUrl = `${path}?token=${encodeURIComponent(String(request.query.token))}`;
    return sendPage(reply, 200, renderConfirmPage({ actionUrl }));
  });

  app.post<TokenQuery>(path, { schema: { hide: true } }, async (request, reply) => {
    if (!subscriptions.open(request.log)) return sendNotice(reply, 503, closedNotice);
    const subscriber = await subscriberForLink(subscriptions, request.query.token, 'confirm');
    if (!subscriber) return sendNotice(reply, 400, deadLinkNotice(request, subscriptions.publicUrl, 'confirm'));
    const outcome = await confirmSubscriber(subscriptions.database.db, subscriber.id);
    if (outcome !== 'confirmed' && outcome !== 'active') {
      return sendNotice(reply, 400, endedNotice(request, subscriptions.publicUrl));
    }
    const manageUrl = subscriberLink(subscriptions.secret, 'manage', subscriber.id, subscriptions.now());
    return sendPage(reply, 200, renderConfirmedPage({ manageUrl, already: outcome === 'active' }));
  });
}
