import { entityTag, feedStylesheet, feedStylesheetPath } from '@regwatch/render';
import { sendNotModified } from '../../feeds/not-modified.ts';
import type { FastifyTypeBox } from '../../types.ts';

const etag = entityTag(feedStylesheet);

/** GET /feeds/feed.xsl: the XSLT RSS and Atom feeds name, for browsers that still run XSLT. */
export function feedStylesheetRoute(app: FastifyTypeBox): void {
  app.get(feedStylesheetPath, { schema: { hide: true } }, async (request, reply) => {
    reply.header('etag', etag).header('cache-control', 'public, max-age=86400');
    if (request.headers['if-none-match']?.includes(etag)) return sendNotModified(reply);
    return reply.type('text/xsl; charset=utf-8').send(feedStylesheet);
  });
}
