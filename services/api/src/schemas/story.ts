import { embeddedStoryItems, storyPageItems } from '@regwatch/db';
import Type from 'typebox';
import { Cursor, Instant, Limit, Nullable, PathId } from './common.ts';
import { Item } from './item.ts';
import { NewsFilterParams } from './news-filter.ts';

export const Alternate = Type.Object(
  {
    url: Type.String({ description: 'Another URL the same article was found at' }),
    sourceId: Type.String({ description: 'The source that linked to it there' }),
  },
  { description: 'Another sighting of the same item (a syndicated copy, a tracking-parameter variant)' },
);

export const StoryItem = Type.Object(
  {
    ...Item.properties,
    alternates: Type.Array(Alternate, { description: 'Other URLs of this same item; its own `url` is not repeated' }),
  },
  { description: 'One article or notice in a story, with its alternate URLs' },
);

export const Story = Type.Object(
  {
    id: Type.String({ description: 'Stable story id; an id absorbed by a merge redirects to the surviving story' }),
    title: Type.String({ description: "The primary item's title" }),
    summary: Type.String({ description: "The primary item's summary" }),
    firstPublishedAt: Instant,
    lastPublishedAt: Instant,
    platforms: Type.Array(Type.String(), { description: "Union of its items' platforms, sorted" }),
    jurisdictions: Type.Array(Type.String(), { description: "Union of its items' jurisdictions, sorted" }),
    topics: Type.Array(Type.String(), { description: "Union of its items' topics, sorted" }),
    items: Type.Array(StoryItem, {
      description:
        "Primary item first (the regulator's own notice when there is one), then by publication time; at most " +
        `${embeddedStoryItems} in lists, the digest and feeds, ${storyPageItems} in /v1/stories/{id}: ` +
        'compare with `itemCount` and follow `itemsUrl` for all of them',
    }),
    itemCount: Type.Integer({ minimum: 0, description: 'How many items the story has in all' }),
    itemsUrl: Type.String({
      description: 'Path of every item of the story, paginated (`/v1/stories/{id}/items`)',
    }),
  },
  { description: "One event, as told by every outlet's article" },
);

export const StoryList = Type.Object({
  data: Type.Array(Story),
  nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` to get the next page; null on the last page' })),
});

export const StoryListQuery = Type.Object(
  {
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
    ...NewsFilterParams,
  },
  { additionalProperties: false },
);

export const StoryParams = Type.Object({ id: PathId('Story') });

/** Body of the 301 a merged story id answers with; `Location` names the same story. */
export const StoryMoved = Type.Object(
  { storyId: Type.String({ description: 'The surviving story this id was merged into' }) },
  {
    description: 'The story was merged into another: follow `Location`',
    headers: { Location: { type: 'string', description: 'Path of the surviving story' } },
  },
);

export const StoryItemsQuery = Type.Object(
  { limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) },
  { additionalProperties: false },
);

export const StoryItemList = Type.Object({
  data: Type.Array(StoryItem, { description: 'Oldest first' }),
  nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` to get the next page; null on the last page' })),
});
