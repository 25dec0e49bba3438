import { isoWeekPeriod, lastCompleteWeek, newsFilter, RegwatchError, rankDigest } from '@regwatch/core';
import { digestCandidates, storiesByIds } from '@regwatch/db';
import { errorResponses, withExamples } from '../../../schemas/common.ts';
import { Digest, DigestQuery } from '../../../schemas/digest.ts';
import { exampleDigest } from '../../../schemas/examples.ts';
import { withItemsUrl } from '../../../story-links.ts';
import type { AppDeps, FastifyTypeBox } from '../../../types.ts';
import { existingWeek } from '../../../week-parameter.ts';

/** A period longer than this is no newsletter issue, and would rank a whole archive per request. */
const maxPeriodDays = 92;

function invalid(message: string): RegwatchError {
  return new RegwatchError('invalid_parameter', message);
}

/**
 * The period asked for: `week`, or `since` and `until` together, or neither for the last
 * complete ISO week at `now` (London, as the roundup counts weeks). Returned as query values
 * for `newsFilter`, which checks the dates.
 */
function periodOf(
  query: { week?: string | undefined; since?: string | undefined; until?: string | undefined },
  now: Date,
) {
  const { week, since, until } = query;
  if (week !== undefined && (since !== undefined || until !== undefined)) {
    throw invalid('query parameter "week" cannot be combined with "since" or "until": give a week or a period');
  }
  if ((since === undefined) !== (until === undefined)) {
    const missing = since === undefined ? 'since' : 'until';
    throw invalid(
      `query parameter "${missing}" is missing: a period needs both "since" and "until" (or give "week", or neither for the last complete week)`,
    );
  }
  if (since !== undefined && until !== undefined) return { since, until };
  const period = isoWeekPeriod(week === undefined ? lastCompleteWeek(now) : existingWeek(week, 'query parameter'));
  return { since: period.since.toISOString(), until: period.until.toISOString() };
}

export function getDigestRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/v1/digest',
    {
      schema: {
        operationId: 'getDigest',
        summary: 'The stories of a period, ranked for a newsletter',
        description:
          'Stories with an item published in [since, until), ranked for a newsletter: `week=2024-W38` (Monday to ' +
          'Monday, London time), or `since` and `until`, or neither for the last complete ISO week. Outreach (events, agendas, ' +
          'campaigns, prizes, school materials, vacancies) is left out and counted in `outreachLeftOut`, or with ' +
          '`outreach=true` ranked after everything else. Most distinct publishers first (one office’s feeds in ' +
          'several languages are one publisher); among equal coverage, decisions, fines, investigations, rulings and ' +
          "guidance first; then a regulator's own notice as primary, items in the period, the newest. Each with its " +
          `first items, primary first (\`itemCount\` and \`itemsUrl\` for the rest). Takes the filters of /v1/stories. At most ${maxPeriodDays} days.`,
        tags: ['stories'],
        querystring: DigestQuery,
        response: { 200: withExamples(Digest, exampleDigest), ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 20, outreach = false, week, since: sinceQuery, until: untilQuery, ...query } = request.query;
      const period = periodOf({ week, since: sinceQuery, until: untilQuery }, new Date(deps.now?.() ?? Date.now()));
      const filter = newsFilter({ ...query, ...period });
      const since = filter.since;
      const until = filter.until;
      if (since === undefined || until === undefined) throw new Error('periodOf always gives both dates');
      if (Date.parse(until) - Date.parse(since) > maxPeriodDays * 86_400_000) {
        throw new RegwatchError(
          'invalid_parameter',
          `query parameter "until" must be at most ${maxPeriodDays} days after "since"`,
        );
      }
      const { since: _since, until: _until, ...storyFilter } = filter;
      const candidates = await digestCandidates(deps.database.db, { since, until, filter: storyFilter });
      const ranked = rankDigest(candidates, { limit, includeOutreach: outreach });
      const stories = await storiesByIds(
        deps.database.db,
        ranked.entries.map((entry) => entry.candidate.storyId),
      );
      const byId = new Map(stories.map((story) => [story.id, story]));
      return {
        since,
        until,
        outreachLeftOut: ranked.outreachLeftOut,
        data: ranked.entries.flatMap(({ candidate, kind }) => {
          const story = byId.get(candidate.storyId);
          // A story merged away between the two queries is left out rather than shown stale.
          if (!story) return [];
          return [
            {
              ...withItemsUrl(story),
              newsKind: kind,
              publisherCount: candidate.publisherCount,
              sourceCount: candidate.sourceCount,
              periodItemCount: candidate.periodItemCount,
            },
          ];
        }),
      };
    },
  );
}
