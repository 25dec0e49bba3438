import { entityTag, isNotModified } from '@regwatch/render';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../plugins/pages.ts';

/**
 * Sends a public page cached like /v1: a strong ETag of the exact bytes, `public` Cache-Control
 * for API_CACHE_MAX_AGE seconds, and 304 with no body for a matching If-None-Match. (Pages reached
 * by a subscriber's token go through `sendPage`, never cached.)
 */
export function sendPublicPage(request: FastifyRequest, reply: FastifyReply, markup: string, maxAge: number) {
  const etag = entityTag(markup);
  reply.header('etag', etag);
  if (
    isNotModified({ ifNoneMatch: request.headers['if-none-match'] }, { etag, lastModified: new Date(0).toISOString() })
  ) {
    return reply.code(304).header('cache-control', `public, max-age=${maxAge}`).send();
  }
  return sendPage(reply, 200, markup).header('cache-control', `public, max-age=${maxAge}`);
}
