import {
  decodeCursor,
  encodeCursor,
  jurisdictionNames,
  type KeysetPosition,
  type NewsFilter,
  newsFilter,
  platformCatalog,
  sourceKinds,
  topicCatalog,
} from '@regwatch/core';
import { listStories, type StoryView } from '@regwatch/db';
import { type FilterChoice, renderNewsfeedPage } from '@regwatch/render';
import { baseUrl, canonicalQuery } from '../../feeds/feed-urls.ts';
import type { TagCounts } from '../../tag-counts-cache.ts';
import type { AppDeps, FastifyTypeBox } from '../../types.ts';
import { NewsfeedQuery, type NewsfeedQueryValues, redirectEmptyParameters, sendInvalidQuery } from './page-filter.ts';
import { sendPublicPage } from './public-page.ts';

/** Stories per page: the biggest page (every story with five outlets and long titles) stays under 100 KB. */
export const newsfeedStoriesPerPage = 20;
const weekMs = 7 * 86_400_000;
const hourMs = 3_600_000;

const kindNames: Record<string, string> = {
  regulator: 'Regulators and courts',
  'incident-db': 'Incident registers',
  press: 'Trade press',
};

/** Tags with stories, most used first; the one asked for stays listed even with none. */
function choicesOf(
  counts: Map<string, { stories: number }>,
  label: (id: string) => string,
  current: string | undefined,
): FilterChoice[] {
  const ids = [...counts].filter(([, count]) => count.stories > 0).map(([id]) => id);
  if (current !== undefined && !ids.includes(current)) ids.push(current);
  return ids
    .map((id) => ({ value: id, label: `${label(id)} (${counts.get(id)?.stories ?? 0})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

/**
 * GET /: the newsfeed for people. Without a cursor or dates it shows the last 7 days (from the
 * hour, so a page keeps its ETag within the hour); "Older stories" follows the keyset cursor of
 * /v1/stories past the week. The query is the filter language of /v1/stories and /feeds.
 */
export function newsfeedRoute(app: FastifyTypeBox, deps: AppDeps, tagCounts: TagCounts): void {
  app.get<{ Querystring: NewsfeedQueryValues }>(
    '/',
    { schema: { hide: true, querystring: NewsfeedQuery }, attachValidation: true },
    async (request, reply) => {
      if (redirectEmptyParameters(request, reply)) return reply;
      if (request.validationError) return sendInvalidQuery(request, reply, request.validationError);
      const { cursor, ...query } = request.query;
      let filter: NewsFilter;
      let after: KeysetPosition | undefined;
      try {
        filter = newsFilter(query);
        after = cursor === undefined ? undefined : decodeCursor(cursor);
      } catch (error) {
        return sendInvalidQuery(request, reply, error);
      }
      const now = deps.now?.() ?? Date.now();
      const lastWeek = after === undefined && filter.since === undefined && filter.until === undefined;
      const weekStart = new Date(Math.floor((now - weekMs) / hourMs) * hourMs).toISOString();
      const listed = lastWeek ? { ...filter, since: weekStart } : filter;
      const { db } = deps.database;
      const week = await listStories(db, { limit: newsfeedStoriesPerPage, after, filter: listed });
      // A quiet week (or an instance replaying old recordings) still opens on news: the newest
      // stories, said to be older than the week, rather than an empty page.
      const quietWeek = lastWeek && week.stories.length === 0;
      const page = quietWeek ? await listStories(db, { limit: newsfeedStoriesPerPage, filter }) : week;
      const older =
        page.next ?? (lastWeek && !quietWeek ? await olderThanWeek(db, filter, page.stories, weekStart) : null);
      const [jurisdictions, platforms, topics] = await Promise.all([
        tagCounts('jurisdictions'),
        tagCounts('platforms'),
        tagCounts('topics'),
      ]);
      const base = baseUrl(request, deps.config.PUBLIC_URL);
      const filterQuery = canonicalQuery(query);
      const { jurisdiction, platform, topic, kind, expand } = query;
      const markup = renderNewsfeedPage({
        heading: quietWeek
          ? page.stories.length === 0
            ? 'No stories yet'
            : 'The latest stories (none in the last 7 days)'
          : lastWeek
            ? 'Stories of the last 7 days'
            : after === undefined
              ? 'Stories'
              : 'Older stories',
        stories: page.stories,
        filter: query,
        choices: {
          jurisdiction: choicesOf(
            jurisdictions,
            (code) => `${jurisdictionNames.get(code) ?? code}, ${code}`,
            jurisdiction,
          ),
          platform: choicesOf(platforms, (id) => platformCatalog.get(id)?.name ?? id, platform),
          topic: choicesOf(topics, (id) => topicCatalog.get(id)?.name ?? id, topic),
          kind: sourceKinds.map((value) => ({ value, label: kindNames[value] ?? value })),
        },
        olderUrl: older === null ? null : `/${canonicalQuery({ ...query, cursor: encodeCursor(older) })}`,
        subscribe: {
          rss: `${base}/feeds/stories.rss${filterQuery}`,
          atom: `${base}/feeds/stories.atom${filterQuery}`,
          json: `${base}/feeds/stories.json${filterQuery}`,
          email: `/subscribe${canonicalQuery({ jurisdiction, platform, topic, kind, expand })}`,
        },
      });
      return sendPublicPage(request, reply, markup, deps.config.API_CACHE_MAX_AGE);
    },
  );
}

/** Where "Older stories" starts once the week is all shown: after its last story, if anything is older. */
async function olderThanWeek(
  db: AppDeps['database']['db'],
  filter: NewsFilter,
  shown: readonly StoryView[],
  weekStart: string,
): Promise<KeysetPosition | null> {
  const last = shown.at(-1);
  // Ids are positive: (weekStart, 0) is just before every story of the week's first instant.
  const position = last === undefined ? { at: weekStart, id: '0' } : { at: last.lastPublishedAt, id: last.id };
  const probe = await listStories(db, { limit: 1, after: position, filter });
  return probe.stories.length === 0 ? null : position;
}
