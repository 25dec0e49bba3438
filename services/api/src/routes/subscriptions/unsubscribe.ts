import { unsubscribeSubscriber } from '@regwatch/db';
import { renderUnsubscribedPage, renderUnsubscribePage } from '@regwatch/render';
import { sendNotice, sendPage } from '../../plugins/pages.ts';
import type { Subscriptions } from '../../subscriptions/context.ts';
import { linkPaths, subscriberForLink } from '../../subscriptions/links.ts';
import type { FastifyTypeBox } from '../../types.ts';
import { closedNotice, deadLinkNotice } from './link-notices.ts';

type TokenQuery = { Querystring: { token?: unknown } };

/**
 * RFC 8058 one-click: the POST unsubscribes at once, needing no cookie, no CSRF token and no
 * particular body (mail clients send `List-Unsubscribe=One-Click`); a repeat answers the same.
 * GET shows a button and changes nothing.
 */
export function unsubscribeRoutes(app: FastifyTypeBox, subscriptions: Subscriptions): void {
  const path = linkPaths.unsubscribe;

  app.get<TokenQuery>(path, { schema: { hide: true } }, async (request, reply) => {
    if (!subscriptions.open(request.log)) return sendNotice(reply, 503, closedNotice);
    const subscriber = await subscriberForLink(subscriptions, request.query.token, 'unsubscribe');
    if (!subscriber) return sendNotice(reply, 400, deadLinkNotice(request, subscriptions.publicUrl, 'unsubscribe'));
    const actionUrl = `${path}?token=${encodeURIComponent(String(request.query.token))}`;
    return sendPage(reply, 200, renderUnsubscribePage({ actionUrl }));
  });

  app.post<TokenQuery>(path, { schema: { hide: true } }, async (request, reply) => {
    if (!subscriptions.open(request.log)) return sendNotice(reply, 503, closedNotice);
    const subscriber = await subscriberForLink(subscriptions, request.query.token, 'unsubscribe');
    if (!subscriber || !(await unsubscribeSubscriber(subscriptions.database.db, subscriber.id))) {
      return sendNotice(reply, 400, deadLinkNotice(request, subscriptions.publicUrl, 'unsubscribe'));
    }
    return sendPage(reply, 200, renderUnsubscribedPage());
  });
}
