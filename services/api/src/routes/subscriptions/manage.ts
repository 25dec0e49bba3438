import {
  type EditionContent,
  editionFor,
  isRegwatchError,
  type RoundupPreferences,
  roundupFilter,
} from '@regwatch/core';
import { latestRoundupContent, type SubscriberView, saveSubscriberPreferences } from '@regwatch/db';
import { type EditionPreview, renderManagePage } from '@regwatch/render';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendNotice, sendPage } from '../../plugins/pages.ts';
import type { Subscriptions } from '../../subscriptions/context.ts';
import { linkPaths, subscriberForLink, subscriberLink } from '../../subscriptions/links.ts';
import { checkedPreferences, type FormFields, preferencesFromForm } from '../../subscriptions/preferences-input.ts';
import type { FastifyTypeBox } from '../../types.ts';
import { closedNotice, deadLinkNotice, endedNotice } from './link-notices.ts';

type TokenQuery = { Querystring: { token?: unknown } };

/** What the latest stored edition would have held for these preferences. */
async function preview(subscriptions: Subscriptions, preferences: RoundupPreferences): Promise<EditionPreview> {
  const latest = await latestRoundupContent(subscriptions.database.db);
  if (!latest) return { kind: 'none' };
  const part = editionFor(latest.content as EditionContent, roundupFilter(preferences));
  return part === null ? { kind: 'empty', week: latest.week } : { kind: 'part', edition: part };
}

/** GET: the subscriber's choices, pre-filled, and the preview; POST: saves them and shows the same page. */
export function manageRoutes(app: FastifyTypeBox, subscriptions: Subscriptions): void {
  const path = linkPaths.manage;

  async function page(
    request: FastifyRequest<TokenQuery>,
    reply: FastifyReply,
    subscriber: SubscriberView,
    shown: { status: number; preferences: RoundupPreferences; saved?: boolean; error?: string },
  ) {
    const markup = renderManagePage({
      actionUrl: `${path}?token=${encodeURIComponent(String(request.query.token))}`,
      unsubscribeUrl: subscriberLink(subscriptions.secret, 'unsubscribe', subscriber.id, subscriptions.now()),
      preferences: shown.preferences,
      preview: await preview(subscriptions, shown.preferences),
      pending: subscriber.status === 'pending',
      ...(shown.saved ? { saved: true } : {}),
      ...(shown.error ? { error: shown.error } : {}),
    });
    return sendPage(reply, shown.status, markup);
  }

  /** The subscriber a manage link names, or the page that answers instead. */
  async function subscriberOrAnswer(
    request: FastifyRequest<TokenQuery>,
    reply: FastifyReply,
  ): Promise<{ subscriber: SubscriberView } | { answered: FastifyReply }> {
    if (!subscriptions.open(request.log)) return { answered: sendNotice(reply, 503, closedNotice) };
    const subscriber = await subscriberForLink(subscriptions, request.query.token, 'manage');
    if (!subscriber) {
      return { answered: sendNotice(reply, 400, deadLinkNotice(request, subscriptions.publicUrl, 'manage')) };
    }
    if (subscriber.status !== 'pending' && subscriber.status !== 'active') {
      return { answered: sendNotice(reply, 200, endedNotice(request, subscriptions.publicUrl)) };
    }
    return { subscriber };
  }

  app.get<TokenQuery>(path, { schema: { hide: true } }, async (request, reply) => {
    const found = await subscriberOrAnswer(request, reply);
    if ('answered' in found) return found.answered;
    const { subscriber } = found;
    return page(request, reply, subscriber, { status: 200, preferences: subscriber.preferences });
  });

  app.post<TokenQuery>(path, { schema: { hide: true } }, async (request, reply) => {
    const found = await subscriberOrAnswer(request, reply);
    if ('answered' in found) return found.answered;
    const { subscriber } = found;
    let preferences: RoundupPreferences;
    try {
      preferences = checkedPreferences(
        preferencesFromForm((request.body as FormFields | undefined) ?? {}),
        'form field',
      );
    } catch (error) {
      if (!isRegwatchError(error)) throw error;
      return page(request, reply, subscriber, {
        status: 400,
        preferences: subscriber.preferences,
        error: `${error.message}.`,
      });
    }
    if (!(await saveSubscriberPreferences(subscriptions.database.db, subscriber.id, preferences))) {
      return sendNotice(reply, 200, endedNotice(request, subscriptions.publicUrl));
    }
    return page(request, reply, subscriber, { status: 200, preferences, saved: true });
  });
}
