import { RegwatchError } from '@regwatch/core';
import { getStory } from '@regwatch/db';
import { ErrorResponse, errorResponses, withExamples } from '../../../schemas/common.ts';
import { exampleStory } from '../../../schemas/examples.ts';
import { Story, StoryMoved, StoryParams } from '../../../schemas/story.ts';
import { withItemsUrl } from '../../../story-links.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';

export function getStoryRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/stories/:id',
    {
      schema: {
        operationId: 'getStory',
        summary: 'One story with its first items',
        description: 'A story merged into another answers 301 with `Location` naming the surviving story.',
        tags: ['stories'],
        params: StoryParams,
        response: { 200: withExamples(Story, exampleStory), 301: StoryMoved, 404: ErrorResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await getStory(deps.database.db, request.params.id);
      if (!found) throw new RegwatchError('not_found', `story ${request.params.id} does not exist`);
      if (found.mergedInto !== undefined) {
        return reply
          .code(301)
          .header('location', `/v1/stories/${found.mergedInto}`)
          .send({ storyId: found.mergedInto });
      }
      return withItemsUrl(found.story);
    },
  );
}
