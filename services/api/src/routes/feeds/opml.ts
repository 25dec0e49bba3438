import { jurisdictionNames, platformCatalog, topicCatalog } from '@regwatch/core';
import type { TagDimension } from '@regwatch/db';
import { entityTag, feedMediaTypes, type OpmlFeed, type OpmlFolder, renderOpml } from '@regwatch/render';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { baseUrl } from '../../feeds/feed-urls.ts';
import { sendNotModified } from '../../feeds/not-modified.ts';
import { errorResponses, NoQuery } from '../../schemas/common.ts';
import { feedResponse, NotModified } from '../../schemas/feed.ts';
import type { TagCounts } from '../../tag-counts-cache.ts';
import type { AppDeps, FastifyTypeBox } from '../../types.ts';

const blocs = new Set(['EU', 'EEA']);

/** A ready-made stories feed for one filter: its RSS, and the newsfeed page with the same filter. */
function storiesFeed(base: string, query: string, text: string, description: string): OpmlFeed {
  return { text, xmlUrl: `${base}/feeds/stories.rss?${query}`, htmlUrl: `${base}/?${query}`, description };
}

/** One OPML file: which tag it lists, and how its values are put in folders. */
interface OpmlList {
  path: string;
  operationId: string;
  dimension: TagDimension;
  /** What the title and summary name it by ("stories by jurisdiction"), and the plural. */
  by: string;
  plural: string;
  folders: (base: string, present: string[]) => OpmlFolder[];
}

const byName = (names: ReadonlyMap<string, string>) => (a: string, b: string) =>
  (names.get(a) ?? a).localeCompare(names.get(b) ?? b, 'en');

/** Blocs with their member states, countries, then states and provinces. */
function jurisdictionFolders(base: string, present: string[]): OpmlFolder[] {
  const feed = (code: string): OpmlFeed => {
    const name = jurisdictionNames.get(code) ?? code;
    return blocs.has(code)
      ? storiesFeed(
          base,
          `jurisdiction=${code}&expand=true`,
          `${name} (${code})`,
          `Stories about the ${name} and its member states`,
        )
      : storiesFeed(base, `jurisdiction=${code}`, `${name} (${code})`, `Stories about ${name}`);
  };
  const sorted = [...present].sort(byName(jurisdictionNames));
  const subdivisions = sorted.filter((code) => code.includes('-'));
  return [
    { text: 'Blocs', feeds: ['EU', 'EEA'].map(feed) },
    { text: 'Countries', feeds: sorted.filter((code) => !blocs.has(code) && !code.includes('-')).map(feed) },
    ...(subdivisions.length > 0 ? [{ text: 'States and provinces', feeds: subdivisions.map(feed) }] : []),
  ];
}

const topicNames = new Map([...topicCatalog].map(([id, topic]) => [id, topic.name]));

/** One folder of every topic with stories, by name; each described by the taxonomy's definition. */
function topicFolders(base: string, present: string[]): OpmlFolder[] {
  const feeds = present
    .filter((id) => topicCatalog.has(id))
    .sort(byName(topicNames))
    .map((id) => storiesFeed(base, `topic=${id}`, topicNames.get(id) ?? id, topicCatalog.get(id)?.definition ?? ''));
  return [{ text: 'Topics', feeds }];
}

const platformNames = new Map([...platformCatalog].map(([id, platform]) => [id, platform.name]));
const kindWords: Record<string, string> = { ai: 'AI', adtech: 'Adtech', 'hr-edtech': 'HR and edtech' };
const kindFolderName = (kind: string) =>
  kindWords[kind] ?? `${kind.charAt(0).toUpperCase()}${kind.slice(1).replace(/-/g, ' ')}`;

/** A folder per kind of organisation (big tech, social, adtech, …), by name within it. */
function platformFolders(base: string, present: string[]): OpmlFolder[] {
  const folders = new Map<string, OpmlFeed[]>();
  for (const id of [...present].sort(byName(platformNames))) {
    const platform = platformCatalog.get(id);
    if (!platform) continue;
    const owner = platform.parent ? platformNames.get(platform.parent) : undefined;
    const owns = [...platformCatalog.values()].some((other) => other.parent === id);
    const ownership = `${owner ? `, owned by ${owner}` : ''}${owns ? ', and what it owns' : ''}`;
    const description = `Stories about ${platform.name}${ownership}`;
    const feeds = folders.get(platform.kind) ?? [];
    feeds.push(storiesFeed(base, `platform=${id}`, platform.name, description));
    folders.set(platform.kind, feeds);
  }
  return [...folders]
    .map(([kind, feeds]) => ({ text: kindFolderName(kind), feeds }))
    .sort((a, b) => a.text.localeCompare(b.text, 'en'));
}

const lists: OpmlList[] = [
  {
    path: '/feeds/opml',
    operationId: 'getJurisdictionsOpml',
    dimension: 'jurisdictions',
    by: 'jurisdiction',
    plural: 'jurisdictions',
    folders: jurisdictionFolders,
  },
  {
    path: '/feeds/opml/topics',
    operationId: 'getTopicsOpml',
    dimension: 'topics',
    by: 'topic',
    plural: 'topics',
    folders: topicFolders,
  },
  {
    path: '/feeds/opml/platforms',
    operationId: 'getPlatformsOpml',
    dimension: 'platforms',
    by: 'platform',
    plural: 'platforms and organisations',
    folders: platformFolders,
  },
];

function sendOpml(request: FastifyRequest, reply: FastifyReply, body: string) {
  const etag = entityTag(body);
  reply.header('etag', etag);
  reply.header('cache-control', 'public, max-age=3600');
  if (request.headers['if-none-match']?.includes(etag)) return sendNotModified(reply);
  return reply.type(feedMediaTypes.opml).send(body);
}

/**
 * /feeds/opml (per jurisdiction: blocs with their member states), /feeds/opml/topics and
 * /feeds/opml/platforms: ready-made story feeds for every value that has stories, in folders,
 * for a feed reader to import in one go.
 */
export function opmlRoutes(app: FastifyTypeBox, deps: AppDeps, tagCounts: TagCounts): void {
  for (const list of lists) {
    app.get(
      list.path,
      {
        schema: {
          operationId: list.operationId,
          summary: `Ready-made story feeds per ${list.by}, as OPML 2.0`,
          description: `Import it into a feed reader to subscribe to the ${list.plural} you follow.`,
          tags: ['feeds'],
          querystring: NoQuery,
          response: { 200: feedResponse(feedMediaTypes.opml, 'OPML 2.0'), 304: NotModified, ...errorResponses },
        },
      },
      async (request, reply) => {
        const base = baseUrl(request, deps.config.PUBLIC_URL);
        const counts = await tagCounts(list.dimension);
        const present = [...counts].filter(([, count]) => count.stories > 0).map(([value]) => value);
        const body = renderOpml({
          title: `Regwatch: stories by ${list.by}`,
          outlines: [
            { text: 'Everything', xmlUrl: `${base}/feeds/stories.rss`, htmlUrl: `${base}/` },
            ...list.folders(base, present).filter((folder) => folder.feeds.length > 0),
          ],
        });
        return sendOpml(request, reply, body);
      },
    );
  }
}
