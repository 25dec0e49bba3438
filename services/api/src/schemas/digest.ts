import Type from 'typebox';
import { acceptsKeyword, QueryText } from './common.ts';
import { dateAccepts, NewsFilterParams } from './news-filter.ts';
import { Story } from './story.ts';

const { since: _since, until: _until, ...filters } = NewsFilterParams;

export const DigestQuery = Type.Object(
  {
    week: Type.Optional(
      Type.String({
        pattern: '^[0-9]{4}-W[0-9]{2}$',
        description:
          'An ISO week, Monday 00:00 to Monday 00:00 London time (`2024-W38`). Without `week`, `since` and `until`: ' +
          'the last complete week',
        examples: ['2024-W38'],
        [acceptsKeyword]: 'an ISO week such as 2024-W38',
      }),
    ),
    since: Type.Optional(
      QueryText({
        description: 'Start of the period (inclusive), with `until`: ISO 8601 date or instant',
        maxLength: 40,
        [acceptsKeyword]: dateAccepts,
      }),
    ),
    until: Type.Optional(
      QueryText({
        description: 'End of the period (exclusive), with `since`: ISO 8601 date or instant',
        maxLength: 40,
        [acceptsKeyword]: dateAccepts,
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Stories in the digest' })),
    outreach: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Include outreach (events, agendas, campaigns, prizes, school materials), ranked last',
      }),
    ),
    ...filters,
  },
  { additionalProperties: false },
);

export const Digest = Type.Object({
  since: Type.String({ format: 'date-time' }),
  until: Type.String({ format: 'date-time' }),
  outreachLeftOut: Type.Integer({
    minimum: 0,
    description: 'Outreach stories of the period left out (0 with outreach=true)',
  }),
  data: Type.Array(
    Type.Object({
      ...Story.properties,
      newsKind: Type.Union([Type.Literal('action'), Type.Literal('news'), Type.Literal('outreach')], {
        description:
          '`action`: a decision, fine, order, investigation, ruling, new rule or guidance (topics enforcement, ' +
          'litigation, legislation); `outreach`: an event, agenda, awareness campaign, prize, school material or ' +
          'vacancy; `news`: anything else',
      }),
      publisherCount: Type.Integer({
        minimum: 1,
        description: 'Distinct publishers that published on it in the period (one office’s feeds count once)',
      }),
      sourceCount: Type.Integer({
        minimum: 1,
        description: 'Distinct sources (feeds) that published on it in the period',
      }),
      periodItemCount: Type.Integer({ minimum: 1, description: 'Its items published in the period' }),
    }),
    {
      description:
        'Ranked: outreach (when included) last; then most publishers first; among equal coverage, actions first; then a regulator’s ' +
        'own notice as primary, items in the period, the newest',
    },
  ),
});
