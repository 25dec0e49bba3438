import { eeaMembers, euMembers, jurisdictionNames } from '@regwatch/core';
import { JurisdictionList } from '../../../schemas/catalog.ts';
import { errorResponses, NoQuery, withExamples } from '../../../schemas/common.ts';
import { exampleJurisdictionList } from '../../../schemas/examples.ts';
import type { TagCounts } from '../../../tag-counts-cache.ts';
import type { FastifyTypeBox } from '../../../types.ts';

const blocMembers: Record<string, readonly string[]> = { EU: euMembers, EEA: ['EU', ...eeaMembers] };

export function listJurisdictionsRoute(app: FastifyTypeBox, tagCounts: TagCounts): void {
  app.get(
    '/v1/jurisdictions',
    {
      schema: {
        operationId: 'listJurisdictions',
        summary: 'Every jurisdiction the taggers know or the data holds, with item and story counts',
        description:
          'Counts are at most a minute old. The `code` is the value of the `jurisdiction` filter; ' +
          'a bloc lists the members `expand=true` adds.',
        tags: ['catalog'],
        querystring: NoQuery,
        response: { 200: withExamples(JurisdictionList, exampleJurisdictionList), ...errorResponses },
      },
    },
    async () => {
      const counts = await tagCounts('jurisdictions');
      const codes = [...new Set([...jurisdictionNames.keys(), ...counts.keys()])].sort();
      return {
        data: codes.map((code) => ({
          code,
          name: jurisdictionNames.get(code) ?? code,
          members: [...(blocMembers[code] ?? [])],
          itemCount: counts.get(code)?.items ?? 0,
          storyCount: counts.get(code)?.stories ?? 0,
        })),
      };
    },
  );
}
