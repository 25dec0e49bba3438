import { listRoundupEditions } from '@regwatch/db';
import { errorResponses, NoQuery, withExamples } from '../../../schemas/common.ts';
import { EditionList } from '../../../schemas/roundup.ts';
import { exampleEditionList } from '../../../schemas/roundup-examples.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';

export function listRoundupsRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/roundups',
    {
      schema: {
        operationId: 'listRoundups',
        summary: 'The stored editions of the weekly roundup',
        description:
          'One edition per ISO week, built on Friday at 08:00 London time from the stories of the week before it ' +
          '([since, until)), newest first. Each is readable as JSON at /v1/roundups/{week} and as a page at /roundups/{week}.',
        tags: ['roundup'],
        querystring: NoQuery,
        response: { 200: withExamples(EditionList, exampleEditionList), ...errorResponses },
      },
    },
    async () => {
      const editions = await listRoundupEditions(deps.database.db);
      return {
        data: editions.map((edition) => ({
          week: edition.week,
          since: edition.since.toISOString(),
          until: edition.until.toISOString(),
          builtAt: edition.builtAt.toISOString(),
          storyCount: edition.storyCount,
          status: edition.status,
        })),
      };
    },
  );
}
