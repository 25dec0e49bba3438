import { isRegwatchError, type NewsFilterQuery } from '@regwatch/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { canonicalQuery } from '../../feeds/feed-urls.ts';
import { sendNotice } from '../../plugins/pages.ts';
import { Cursor } from '../../schemas/common.ts';
import { NewsFilterParams } from '../../schemas/news-filter.ts';

/** The newsfeed page's query: the filter language of /v1/stories and /feeds, and its cursor. */
export const NewsfeedQuery = Type.Object(
  { cursor: Type.Optional(Cursor), ...NewsFilterParams },
  { additionalProperties: false },
);

export type NewsfeedQueryValues = NewsFilterQuery & { cursor?: string | undefined };

/** What each parameter takes, in words, for the one-line 400 page. */
const accepted: Record<string, string> = {
  jurisdiction: 'takes jurisdiction codes such as GB, US-CA or EU, comma-separated',
  platform: 'takes platform ids such as meta or linkedin, comma-separated (see /v1/platforms)',
  topic: 'takes topic ids such as children or biometrics, comma-separated (see /v1/topics)',
  source: 'takes source ids such as ico-news, comma-separated (see /sources)',
  kind: 'takes source kinds: regulator, incident-db or press',
  q: 'takes 1 to 200 characters of search words',
  since: 'takes an ISO 8601 date such as 2026-11-01',
  until: 'takes an ISO 8601 date such as 2026-11-01',
  expand: 'takes true or false',
  cursor: 'is not one this site gave: start again from the first page',
};
const filterNames = Object.keys(accepted).filter((name) => name !== 'cursor');

/**
 * A form sent by GET names every control, chosen or not (`/?jurisdiction=GB&platform=&q=`): it
 * is sent on to the URL of the filter language (`/?jurisdiction=GB`), so the address a person
 * copies, and the cache key, is the same as any other link to that filter. True when it redirected.
 */
export function redirectEmptyParameters(request: FastifyRequest, reply: FastifyReply): boolean {
  const query = request.query as Record<string, unknown>;
  if (!Object.values(query).some((value) => value === '')) return false;
  const path = request.url.split('?')[0] ?? '/';
  void reply.redirect(`${path}${canonicalQuery(query)}`, 303);
  return true;
}

/** The 400 page of a refused query, in one line saying what the parameter accepts. */
export function sendInvalidQuery(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  let message: string;
  const validation = (error as { validation?: { instancePath?: string; params?: Record<string, unknown> }[] })
    .validation?.[0];
  if (validation) {
    const extra = validation.params?.additionalProperty;
    const name = typeof extra === 'string' ? extra : (validation.instancePath ?? '').replace(/^\//, '');
    message =
      typeof extra === 'string'
        ? `"${name}" is not a filter: the filters are ${filterNames.join(', ')}.`
        : `"${name}" ${accepted[name] ?? 'is not valid'}.`;
  } else if (isRegwatchError(error)) {
    const name = /^query parameter "(\w+)"/.exec(error.message)?.[1];
    const what = name === undefined ? undefined : accepted[name];
    message =
      error.code === 'invalid_cursor'
        ? `"cursor" ${accepted.cursor}.`
        : `${error.message.replace(/^query parameter /, '')}${what === undefined ? '' : `: it ${what}`}.`;
  } else {
    throw error;
  }
  request.log.debug({ message }, 'newsfeed query refused');
  return sendNotice(reply, 400, { title: 'Not a filter this newsfeed knows', message });
}
