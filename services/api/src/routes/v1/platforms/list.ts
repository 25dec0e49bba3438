import { platformCatalog } from '@regwatch/core';
import { PlatformList } from '../../../schemas/catalog.ts';
import { errorResponses, NoQuery, withExamples } from '../../../schemas/common.ts';
import { examplePlatformList } from '../../../schemas/examples.ts';
import type { TagCounts } from '../../../tag-counts-cache.ts';
import type { FastifyTypeBox } from '../../../types.ts';

export function listPlatformsRoute(app: FastifyTypeBox, tagCounts: TagCounts): void {
  app.get(
    '/v1/platforms',
    {
      schema: {
        operationId: 'listPlatforms',
        summary: 'Every platform the taggers know, with item and story counts',
        description: 'Counts are at most a minute old. The `id` is the value of the `platform` filter.',
        tags: ['catalog'],
        querystring: NoQuery,
        response: { 200: withExamples(PlatformList, examplePlatformList), ...errorResponses },
      },
    },
    async () => {
      const counts = await tagCounts('platforms');
      return {
        data: [...platformCatalog.values()].map((platform) => ({
          ...platform,
          itemCount: counts.get(platform.id)?.items ?? 0,
          storyCount: counts.get(platform.id)?.stories ?? 0,
        })),
      };
    },
  );
}
