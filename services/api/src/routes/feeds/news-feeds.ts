import { type NewsFilter, newsFilter } from '@regwatch/core';
import { listItems, listStories } from '@regwatch/db';
import {
  type Entry,
  entityTag,
  type FeedDocument,
  feedMediaTypes,
  feedStylesheetPath,
  isNotModified,
  lastModified,
  newestEntryDate,
  renderAtom,
  renderFeedPage,
  renderFeedViewPage,
  renderJsonFeed,
  renderRss,
} from '@regwatch/render';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { feedVary, isBrowserNavigation } from '../../feeds/browser-navigation.ts';
import type { CachedFeed, FeedCache, ServedFeeds } from '../../feeds/feed-cache.ts';
import { feedTitle } from '../../feeds/feed-title.ts';
import { baseUrl, canonicalQuery } from '../../feeds/feed-urls.ts';
import { sendNotModified } from '../../feeds/not-modified.ts';
import { pageContentSecurityPolicy } from '../../plugins/pages.ts';
import { errorResponses } from '../../schemas/common.ts';
import { FeedQuery, feedResponse, NotModified } from '../../schemas/feed.ts';
import type { AppDeps, FastifyTypeBox } from '../../types.ts';

/** `operation` completes each route's operationId: getStoriesRss, getItemsJsonFeed, … */
const formats = {
  rss: { render: renderRss, contentType: feedMediaTypes.rss, name: 'RSS 2.0', operation: 'Rss' },
  atom: { render: renderAtom, contentType: feedMediaTypes.atom, name: 'Atom 1.0', operation: 'Atom' },
  json: { render: renderJsonFeed, contentType: feedMediaTypes.jsonFeed, name: 'JSON Feed 1.1', operation: 'JsonFeed' },
  html: { render: renderFeedPage, contentType: feedMediaTypes.html, name: 'HTML', operation: 'Page' },
} as const;
type Format = keyof typeof formats;

/** The feed formats a page links to and announces, with the names readers show. */
const subscribable = [
  { format: 'rss', title: 'RSS', type: 'application/rss+xml' },
  { format: 'atom', title: 'Atom', type: 'application/atom+xml' },
  { format: 'json', title: 'JSON Feed', type: 'application/feed+json' },
] as const;

/** A feed with no entries yet still needs a date that does not move (the bytes, and so the ETag, must not). */
const beforeAnything = '2000-01-01T00:00:00.000Z';

async function entriesOf(
  deps: AppDeps,
  kind: 'items' | 'stories',
  filter: NewsFilter,
  limit: number,
  base: string,
): Promise<Entry[]> {
  if (kind === 'items') {
    const page = await listItems(deps.database.db, { limit, filter });
    return page.items.map(({ highlight: _highlight, ...item }) => ({ ...item, kind: 'item' as const }));
  }
  const page = await listStories(deps.database.db, { limit, filter });
  // Each story entry also links to its page here; its main link stays the primary article.
  return page.stories.map((story) => ({ ...story, kind: 'story' as const, pageUrl: `${base}/stories/${story.id}` }));
}

/** The conditional headers of a request, as render's `isNotModified` takes them. */
const conditionalOf = (request: FastifyRequest) => ({
  ifNoneMatch: request.headers['if-none-match'],
  ifModifiedSince: request.headers['if-modified-since'],
});

const notModified = (request: FastifyRequest, feed: CachedFeed) =>
  isNotModified(conditionalOf(request), { etag: feed.etag, lastModified: feed.updated });

function sendFeed(request: FastifyRequest, reply: FastifyReply, feed: CachedFeed) {
  reply.headers(feed.headers);
  if (notModified(request, feed)) return sendNotModified(reply);
  // The page a browser gets instead of the feed: the site's stylesheet by its hash, as every page.
  if (feed.contentType === feedMediaTypes.html) reply.header('content-security-policy', pageContentSecurityPolicy);
  return reply.type(feed.contentType).send(feed.body);
}

/** A rendering's body as bytes, with the headers every response of it carries, formatted once. */
function cachedFeed(body: string, updated: string, contentType: string, maxAge: number): CachedFeed {
  const etag = entityTag(body);
  return {
    body: Buffer.from(body),
    etag,
    updated,
    contentType,
    headers: { etag, 'last-modified': lastModified(updated), 'cache-control': `public, max-age=${maxAge}` },
    renderedAt: Date.now(),
  };
}

/**
 * /feeds/{items,stories}.{rss,atom,json}: the newsfeed for feed readers, taking the same filters
 * as /v1. Rendered feeds are kept in memory for FEED_CACHE_SECONDS, keyed by their canonical URL,
 * so readers revalidating (ETag or Last-Modified) cost no query.
 */
export function newsFeedRoutes(app: FastifyTypeBox, deps: AppDeps, cache: FeedCache, served: ServedFeeds): void {
  const maxAge = deps.config.FEED_CACHE_SECONDS;
  const servedKey = (request: FastifyRequest, asPage: boolean) =>
    `${baseUrl(request, deps.config.PUBLIC_URL)}${request.url}${asPage ? '#page' : ''}`;
  for (const kind of ['stories', 'items'] as const) {
    for (const format of Object.keys(formats) as Format[]) {
      const { render, contentType, name, operation } = formats[format];
      const path = `/feeds/${kind}.${format}`;
      app.get(
        path,
        {
          schema: {
            operationId: `get${kind === 'stories' ? 'Stories' : 'Items'}${operation}`,
            summary: `${kind === 'stories' ? 'Stories' : 'Items'} as ${format === 'html' ? 'a web page' : name}`,
            description:
              `The newest ${kind} (\`limit\`, default 50) matching the filters, as ${format === 'html' ? 'a web page for people (what the feeds’ channel link opens), linking the feed in each format' : name}. ` +
              (kind === 'stories' ? "One entry per story, listing every outlet's article, the primary first. " : '') +
              'Conditional GET: send `If-None-Match` or `If-Modified-Since` to get 304 when nothing changed.',
            tags: ['feeds'],
            querystring: FeedQuery,
            response: { 200: feedResponse(contentType, name), 304: NotModified, ...errorResponses },
          },
          // A revalidation of a URL served moments ago: 304 before validation, the handler and the
          // cache's key are reached (after authentication and the rate limiter, which still count it).
          preValidation: async (request, reply) => {
            if (request.headers['if-none-match'] === undefined && request.headers['if-modified-since'] === undefined) {
              return;
            }
            const asPage = format !== 'html' && isBrowserNavigation(request, contentType);
            const feed = served.get(servedKey(request, asPage));
            if (!feed || Date.now() - feed.renderedAt >= maxAge * 1_000 || !notModified(request, feed)) return;
            if (format !== 'html') reply.header('vary', feedVary);
            reply.headers(feed.headers);
            return sendNotModified(reply);
          },
        },
        async (request, reply) => {
          const { limit = 50, ...query } = request.query;
          // Checked before the cache: a bad parameter is a 400 whether or not a good feed is cached.
          const filter = newsFilter(query);
          const base = baseUrl(request, deps.config.PUBLIC_URL);
          const canonical = canonicalQuery({ ...query, limit: request.query.limit });
          // A browser opening an RSS, Atom or JSON feed gets it as a page (the /feeds/*.html page stays as it is).
          const asPage = format !== 'html' && isBrowserNavigation(request, contentType);
          if (format !== 'html') reply.header('vary', feedVary);
          const feed = await cache(`${base}${path}${canonical}${asPage ? '#page' : ''}`, async () => {
            const entries = await entriesOf(deps, kind, filter, limit, base);
            const document: FeedDocument = {
              title: feedTitle(kind, query),
              description: `The merged regulatory newsfeed from Regwatch: ${kind === 'stories' ? 'one entry per story, every outlet folded under it' : 'every article and notice'}.`,
              selfUrl: `${base}${path}${canonical}`,
              // The page a person opens from a reader: the newsfeed at /, same filters.
              homeUrl: `${base}/${canonicalQuery(query)}`,
              alternates: subscribable.map((alternate) => ({
                title: alternate.title,
                type: alternate.type,
                href: `${base}/feeds/${kind}.${alternate.format}${canonical}`,
              })),
              id: `tag:${deps.config.FEED_TAG_AUTHORITY}:feeds/${kind}${canonical}`,
              tagAuthority: deps.config.FEED_TAG_AUTHORITY,
              language: 'en',
              updated: newestEntryDate(entries) ?? beforeAnything,
              generator: { name: 'Regwatch', version: deps.version },
              entries,
              xslStylesheet: feedStylesheetPath,
            };
            if (asPage) {
              const page = renderFeedViewPage(document, name);
              return cachedFeed(page, document.updated, feedMediaTypes.html, maxAge);
            }
            return cachedFeed(render(document), document.updated, contentType, maxAge);
          });
          served.set(servedKey(request, asPage), feed);
          return sendFeed(request, reply, feed);
        },
      );
    }
  }
}
