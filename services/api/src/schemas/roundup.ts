import Type from 'typebox';
import { acceptsKeyword, Instant, Nullable } from './common.ts';
import { SourceKind } from './item.ts';

export const EditionStatus = Type.Enum(['built', 'sending', 'sent'], {
  description: '`built`: stored, not being sent; `sending`: its audience is frozen and mail is going out; `sent`: done',
});

export const EditionWeekParams = Type.Object({
  week: Type.String({
    pattern: '^[0-9]{4}-W[0-9]{2}$',
    maxLength: 20,
    description: 'ISO 8601 week (London time): `2024-W38`',
    examples: ['2024-W38'],
    [acceptsKeyword]: 'an ISO week such as 2024-W38',
  }),
});

const EditionLink = Type.Object(
  {
    title: Type.String(),
    url: Nullable(Type.String({ description: 'Straight to the source: no redirect, no tracking' })),
    source: Type.Object({ id: Type.String(), name: Type.String(), kind: SourceKind }),
    publishedAt: Instant,
    language: Nullable(Type.String()),
  },
  { description: "One outlet's telling of the story" },
);

const EditionStory = Type.Object({
  id: Type.String({ description: 'The story id (as in /v1/stories/{id})' }),
  title: Type.String(),
  summary: Type.String(),
  newsKind: Type.Enum(['action', 'news', 'outreach'], { description: 'As /v1/digest classifies it' }),
  publisherCount: Type.Integer({ minimum: 1, description: 'Distinct publishers in the week' }),
  platforms: Type.Array(Type.String()),
  jurisdictions: Type.Array(Type.String()),
  topics: Type.Array(Type.String()),
  sourceKinds: Type.Array(SourceKind, { description: 'Kinds of the sources of its items' }),
  firstPublishedAt: Instant,
  lastPublishedAt: Instant,
  links: Type.Array(EditionLink, { description: 'Every outlet, primary first' }),
});

const EditionSection = Type.Object({
  jurisdiction: Nullable(
    Type.String({ description: 'The most specific jurisdiction of its stories’ primary items; null: none' }),
  ),
  stories: Type.Array(EditionStory, { description: 'In digest order' }),
});

export const EditionSummary = Type.Object({
  week: Type.String({ description: 'ISO week: `2024-W38`' }),
  since: Type.String({ format: 'date-time', description: 'Start of its period (Friday 08:00 London, inclusive)' }),
  until: Type.String({ format: 'date-time', description: 'End of its period (Friday 08:00 London, exclusive)' }),
  builtAt: Type.String({ format: 'date-time' }),
  storyCount: Type.Integer({ minimum: 0 }),
  status: EditionStatus,
});

export const EditionList = Type.Object({
  data: Type.Array(EditionSummary, { description: 'Every stored edition, newest first' }),
});

export const Edition = Type.Object({
  week: Type.String({ description: 'ISO week: `2024-W38`' }),
  since: Type.String({ format: 'date-time' }),
  until: Type.String({ format: 'date-time' }),
  builtAt: Type.String({ format: 'date-time' }),
  status: EditionStatus,
  storyCount: Type.Integer({ minimum: 0 }),
  outreachLeftOut: Type.Integer({ minimum: 0, description: 'Outreach stories of the week left out' }),
  note: Type.Optional(
    Type.Union([Type.String(), Type.Null()], { description: 'The editor’s note at the top of the edition, if any' }),
  ),
  sections: Type.Array(EditionSection, { description: 'One per jurisdiction, by their best-ranked story' }),
});
