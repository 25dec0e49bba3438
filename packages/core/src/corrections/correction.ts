import Type, { type Static } from 'typebox';
import Compile from 'typebox/compile';

// The one schema of an editor's correction (issue 14): a union by kind, from which the type and
// the validator derive. Ids are decimal strings, as everywhere in the API.

const Id = Type.String({ pattern: '^[1-9][0-9]{0,18}$', description: 'A story or item id' });

/** The tag dimensions an editor can correct on a story. */
export const tagDimensions = ['platforms', 'jurisdictions', 'topics'] as const;
export type TagDimension = (typeof tagDimensions)[number];

const MergeStories = Type.Object(
  { kind: Type.Literal('merge-stories'), storyId: Id, intoStoryId: Id },
  { additionalProperties: false, description: '`storyId` is absorbed by `intoStoryId` (it answers 301 from then on)' },
);

const MoveItem = Type.Object(
  {
    kind: Type.Literal('move-item'),
    itemId: Id,
    /** The story to move it to; absent: out, into a story of its own. */
    toStoryId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

const ChangeTag = Type.Object(
  {
    kind: Type.Literal('change-tag'),
    storyId: Id,
    dimension: Type.Union([Type.Literal('platforms'), Type.Literal('jurisdictions'), Type.Literal('topics')]),
    tag: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' }),
    change: Type.Union([Type.Literal('add'), Type.Literal('remove')]),
  },
  { additionalProperties: false },
);

const WriteStoryText = Type.Object(
  {
    kind: Type.Literal('write-story-text'),
    storyId: Id,
    title: Type.String({ minLength: 1, maxLength: 500 }),
    summary: Type.String({ maxLength: 5000 }),
  },
  { additionalProperties: false },
);

const TakeDownItem = Type.Object(
  { kind: Type.Literal('take-down-item'), itemId: Id },
  { additionalProperties: false, description: 'A tombstone: the item and every copy of it stay out of the newsfeed' },
);

const MarkNotNews = Type.Object(
  { kind: Type.Literal('mark-not-news'), itemId: Id },
  { additionalProperties: false, description: 'The source entry is not news: left out like a relevance-filter drop' },
);

export const Correction = Type.Union([MergeStories, MoveItem, ChangeTag, WriteStoryText, TakeDownItem, MarkNotNews]);
export type Correction = Static<typeof Correction>;
export type CorrectionKind = Correction['kind'];

export const correctionValidator = Compile(Correction);
