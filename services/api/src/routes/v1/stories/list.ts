import { decodeCursor, encodeCursor, newsFilter } from '@regwatch/core';
import { listStories } from '@regwatch/db';
import { errorResponses, withExamples } from '../../../schemas/common.ts';
import { exampleStoryList } from '../../../schemas/examples.ts';
import { StoryList, StoryListQuery } from '../../../schemas/story.ts';
import { withItemsUrl } from '../../../story-links.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';

export function listStoriesRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/stories',
    {
      schema: {
        operationId: 'listStories',
        summary: 'Stories, newest activity first',
        description:
          "Ordered by each story's latest item. Keyset-paginated: follow `nextCursor` until it is null. " +
          'Pages never skip or repeat stories. Stories merged into another are not listed. Each story embeds ' +
          'its first items only: `itemCount` says how many it has, `itemsUrl` lists them all.',
        tags: ['stories'],
        querystring: StoryListQuery,
        response: { 200: withExamples(StoryList, exampleStoryList), ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 25, cursor, ...filterQuery } = request.query;
      const page = await listStories(deps.database.db, {
        limit,
        after: cursor === undefined ? undefined : decodeCursor(cursor),
        filter: newsFilter(filterQuery),
      });
      return { data: page.stories.map(withItemsUrl), nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );
}
