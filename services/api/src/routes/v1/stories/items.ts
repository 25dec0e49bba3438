import { decodeCursor, encodeCursor, RegwatchError } from '@regwatch/core';
import { listStoryItems, resolveStoryId } from '@regwatch/db';
import { ErrorResponse, errorResponses, withExamples } from '../../../schemas/common.ts';
import { exampleStoryItemList } from '../../../schemas/examples.ts';
import { StoryItemList, StoryItemsQuery, StoryMoved, StoryParams } from '../../../schemas/story.ts';
import { storyItemsPath } from '../../../story-links.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';

export function listStoryItemsRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/stories/:id/items',
    {
      schema: {
        operationId: 'listStoryItems',
        summary: 'Every item of one story, oldest first',
        description:
          'Keyset-paginated: follow `nextCursor` until it is null. Stories embed only their first items ' +
          '(`itemCount` says how many there are). A story merged into another answers 301 with `Location` ' +
          "naming the surviving story's items.",
        tags: ['stories'],
        params: StoryParams,
        querystring: StoryItemsQuery,
        response: {
          200: withExamples(StoryItemList, exampleStoryItemList),
          301: StoryMoved,
          404: ErrorResponse,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const found = await resolveStoryId(deps.database.db, request.params.id);
      if (!found) throw new RegwatchError('not_found', `story ${request.params.id} does not exist`);
      if (found.merged) {
        return reply.code(301).header('location', storyItemsPath(found.id)).send({ storyId: found.id });
      }
      const { limit = 25, cursor } = request.query;
      const page = await listStoryItems(deps.database.db, found.id, {
        limit,
        after: cursor === undefined ? undefined : decodeCursor(cursor),
      });
      return { data: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );
}
