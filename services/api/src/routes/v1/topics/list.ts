import { topicCatalog } from '@regwatch/core';
import { TopicList } from '../../../schemas/catalog.ts';
import { errorResponses, NoQuery, withExamples } from '../../../schemas/common.ts';
import { exampleTopicList } from '../../../schemas/examples.ts';
import type { TagCounts } from '../../../tag-counts-cache.ts';
import type { FastifyTypeBox } from '../../../types.ts';

export function listTopicsRoute(app: FastifyTypeBox, tagCounts: TagCounts): void {
  app.get(
    '/v1/topics',
    {
      schema: {
        operationId: 'listTopics',
        summary: 'The topic taxonomy, each topic with its definition and item and story counts',
        description: 'Counts are at most a minute old. The `id` is the value of the `topic` filter.',
        tags: ['catalog'],
        querystring: NoQuery,
        response: { 200: withExamples(TopicList, exampleTopicList), ...errorResponses },
      },
    },
    async () => {
      const counts = await tagCounts('topics');
      return {
        data: [...topicCatalog.values()].map((topic) => ({
          ...topic,
          itemCount: counts.get(topic.id)?.items ?? 0,
          storyCount: counts.get(topic.id)?.stories ?? 0,
        })),
      };
    },
  );
}
