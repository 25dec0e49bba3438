import Type from 'typebox';
import { QueryText } from './common.ts';
import { NewsFilterParams } from './news-filter.ts';
import { Story } from './story.ts';

const { since: _since, until: _until, ...filters } = NewsFilterParams;

export const DigestQuery = Type.Object(
  {
    since: QueryText({ description: 'Start of the period (inclusive): ISO 8601 date or instant', maxLength: 40 }),
    until: QueryText({ description: 'End of the period (exclusive): ISO 8601 date or instant', maxLength: 40 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Stories in the digest' })),
    ...filters,
  },
  { additionalProperties: false },
);

export const Digest = Type.Object({
  since: Type.String({ format: 'date-time' }),
  until: Type.String({ format: 'date-time' }),
  data: Type.Array(
    Type.Object({
      ...Story.properties,
      sourceCount: Type.Integer({ minimum: 1, description: 'Distinct sources that published on it in the period' }),
      periodItemCount: Type.Integer({ minimum: 1, description: 'Its items published in the period' }),
    }),
    { description: 'Ranked: most sources first, then a regulator’s own notice as primary, then items in the period' },
  ),
});
