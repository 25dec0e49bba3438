import { newsFilter, RegwatchError } from '@regwatch/core';
import { digestStories } from '@regwatch/db';
import { errorResponses, withExamples } from '../../../schemas/common.ts';
import { Digest, DigestQuery } from '../../../schemas/digest.ts';
import { exampleDigest } from '../../../schemas/examples.ts';
import { withItemsUrl } from '../../../story-links.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';

/** A period longer than this is no newsletter issue, and would rank a whole archive per request. */
const maxPeriodDays = 92;

export function getDigestRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/digest',
    {
      schema: {
        summary: 'The stories of a period, ranked for a newsletter',
        description:
          'Stories with an item published in [since, until), most distinct sources first, then those whose ' +
          "primary item is a regulator's own notice, then by items in the period; each with its first items, " +
          `primary first (\`itemCount\` and \`itemsUrl\` for the rest). Takes the filters of /v1/stories. At most ${maxPeriodDays} days.`,
        tags: ['stories'],
        querystring: DigestQuery,
        response: { 200: withExamples(Digest, exampleDigest), ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 20, ...query } = request.query;
      const filter = newsFilter(query);
      const since = filter.since;
      const until = filter.until;
      if (since === undefined || until === undefined) throw new Error('since and until are required by the schema');
      if (Date.parse(until) - Date.parse(since) > maxPeriodDays * 86_400_000) {
        throw new RegwatchError(
          'invalid_parameter',
          `query parameter "until" must be at most ${maxPeriodDays} days after "since"`,
        );
      }
      const { since: _since, until: _until, ...storyFilter } = filter;
      const entries = await digestStories(deps.database.db, { since, until, limit, filter: storyFilter });
      return {
        since,
        until,
        data: entries.map((entry) => ({
          ...withItemsUrl(entry.story),
          sourceCount: entry.sourceCount,
          periodItemCount: entry.itemCount,
        })),
      };
    },
  );
}
