import { type EditionContent, RegwatchError } from '@regwatch/core';
import { getRoundupEdition } from '@regwatch/db';
import { ErrorResponse, errorResponses, withExamples } from '../../../schemas/common.ts';
import { Edition, EditionWeekParams } from '../../../schemas/roundup.ts';
import { exampleEdition } from '../../../schemas/roundup-examples.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';
import { existingWeek } from '../../../week-parameter.ts';

export function getRoundupRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/roundups/:week',
    {
      schema: {
        operationId: 'getRoundup',
        summary: 'One edition of the weekly roundup',
        description:
          'The edition as it was built and stored: its stories by section (a jurisdiction each, ordered by their ' +
          'best-ranked story; stories in digest order, each with every outlet’s link), and whether it has been sent. ' +
          'A malformed week is 400; a week not built, 404.',
        tags: ['roundup'],
        params: EditionWeekParams,
        response: {
          200: withExamples(Edition, exampleEdition),
          404: {
            ...ErrorResponse,
            examples: [{ error: { code: 'not_found', message: 'no roundup was built for 2024-W39' } }],
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { week } = request.params;
      existingWeek(week, 'path parameter');
      const edition = await getRoundupEdition(deps.database.db, week);
      if (!edition) throw new RegwatchError('not_found', `no roundup was built for ${week}`);
      return { ...(edition.content as EditionContent), status: edition.status };
    },
  );
}
