import { jurisdictionNames } from '@regwatch/core';
import { entityTag, feedMediaTypes, type OpmlFeed, renderOpml } from '@regwatch/render';
import { baseUrl } from '../../feeds/feed-urls.ts';
import { sendNotModified } from '../../feeds/not-modified.ts';
import { errorResponses, NoQuery } from '../../schemas/common.ts';
import { feedResponse, NotModified } from '../../schemas/feed.ts';
import type { TagCounts } from '../../tag-counts-cache.ts';
import type { AppDeps, FastifyTypeBox } from '../../types.ts';

const blocs = new Set(['EU', 'EEA']);

/**
 * /feeds/opml: ready-made story feeds per jurisdiction (every jurisdiction that has stories,
 * blocs with their member states), in folders, for a feed reader to import in one go.
 */
export function opmlRoute(app: FastifyTypeBox, deps: AppDeps, tagCounts: TagCounts): void {
  app.get(
    '/feeds/opml',
    {
      schema: {
        operationId: 'getJurisdictionsOpml',
        summary: 'Ready-made story feeds per jurisdiction, as OPML 2.0',
        description: 'Import it into a feed reader to subscribe to the jurisdictions you follow.',
        tags: ['feeds'],
        querystring: NoQuery,
        response: { 200: feedResponse(feedMediaTypes.opml, 'OPML 2.0'), 304: NotModified, ...errorResponses },
      },
    },
    async (request, reply) => {
      const base = baseUrl(request, deps.config.PUBLIC_URL);
      const counts = await tagCounts('jurisdictions');
      const present = [...counts].filter(([, count]) => count.stories > 0).map(([code]) => code);
      const feed = (code: string): OpmlFeed => {
        const query = blocs.has(code) ? `jurisdiction=${code}&expand=true` : `jurisdiction=${code}`;
        const name = jurisdictionNames.get(code) ?? code;
        return {
          text: `${name} (${code})`,
          xmlUrl: `${base}/feeds/stories.rss?${query}`,
          htmlUrl: `${base}/?${query}`,
          description: blocs.has(code) ? `Stories about the ${name} and its member states` : `Stories about ${name}`,
        };
      };
      const byName = (a: string, b: string) =>
        (jurisdictionNames.get(a) ?? a).localeCompare(jurisdictionNames.get(b) ?? b, 'en');
      const countries = present.filter((code) => !blocs.has(code) && !code.includes('-')).sort(byName);
      const subdivisions = present.filter((code) => code.includes('-')).sort(byName);
      const body = renderOpml({
        title: 'Regwatch: stories by jurisdiction',
        outlines: [
          { text: 'Everything', xmlUrl: `${base}/feeds/stories.rss`, htmlUrl: `${base}/` },
          { text: 'Blocs', feeds: ['EU', 'EEA'].map(feed) },
          { text: 'Countries', feeds: countries.map(feed) },
          ...(subdivisions.length > 0 ? [{ text: 'States and provinces', feeds: subdivisions.map(feed) }] : []),
        ],
      });
      const etag = entityTag(body);
      reply.header('etag', etag);
      reply.header('cache-control', 'public, max-age=3600');
      if (request.headers['if-none-match']?.includes(etag)) return sendNotModified(reply);
      return reply.type(feedMediaTypes.opml).send(body);
    },
  );
}
