import { dateOrigins, datePrecisions } from '@regwatch/core';
import Type from 'typebox';
import { Cursor, Instant, Limit, Nullable, PathId } from './common.ts';
import { NewsFilterParams } from './news-filter.ts';

export const SourceKind = Type.Enum(['regulator', 'incident-db', 'press'], { description: 'What kind of publisher' });

export const PublishedPrecision = Type.Enum([...datePrecisions], {
  description:
    'How much of the date the source gave: `instant` (a time), `day`, `month` or `year`. For a day, month or year, `publishedAt` is its start, 00:00 UTC of the date the source wrote',
});

export const PublishedFrom = Type.Enum([...dateOrigins], {
  description:
    'Where the date came from: the source entry, the article page, the article URL, or `first-seen` (the source gave none: `publishedAt` is when Regwatch first fetched it)',
});

export const Item = Type.Object(
  {
    id: Type.String({ description: 'Stable item id' }),
    title: Type.String(),
    url: Nullable(Type.String({ description: 'Link to the article or notice' })),
    source: Type.Object({ id: Type.String(), name: Type.String(), kind: SourceKind }),
    publishedAt: Instant,
    publishedPrecision: PublishedPrecision,
    publishedFrom: PublishedFrom,
    summary: Type.String({ description: 'Plain text, at most 1,000 characters' }),
    language: Nullable(
      Type.String({
        description: 'BCP 47 primary language of its title and summary (`en`, `fr`, `de`); null when unknown',
      }),
    ),
    platforms: Type.Array(Type.String(), { description: 'Platform ids the item is about' }),
    jurisdictions: Type.Array(Type.String(), { description: 'ISO 3166 codes, EU or EEA' }),
    topics: Type.Array(Type.String()),
    storyId: Nullable(Type.String({ description: 'The story this item belongs to' })),
  },
  { description: 'One article or notice' },
);

const TagWithEvidence = Type.Object({
  id: Type.String({ description: 'Platform id, jurisdiction code or topic id' }),
  evidence: Type.Array(
    Type.Object({
      rule: Type.String({
        description:
          'Why: name, product, parent-of:<child>, place, demonym, authority:<id>, law:<id>, source-default, source-label, term, …',
      }),
      phrase: Type.String({ description: 'The words that matched, as written' }),
      field: Type.Enum(['title', 'lead', 'body', 'source', 'labels'], { description: 'Where they were found' }),
    }),
  ),
});

/** One item with why it carries each of its tags. */
export const ItemDetail = Type.Object(
  {
    ...Item.properties,
    tagEvidence: Nullable(
      Type.Object(
        {
          platforms: Type.Array(TagWithEvidence),
          jurisdictions: Type.Array(TagWithEvidence),
          topics: Type.Array(TagWithEvidence),
        },
        { description: 'Why each tag was given; null for an item stored before tagging' },
      ),
    ),
  },
  { description: 'One article or notice, with the evidence behind its tags' },
);

/** An item of a list; with `q`, where the query matched. */
export const ItemListEntry = Type.Object(
  {
    ...Item.properties,
    highlight: Type.Optional(
      Type.Object(
        {
          title: Type.String({ description: 'The title as HTML, escaped, matches in <mark>' }),
          summary: Type.String({
            description: 'Fragments of the summary around the matches, as HTML, matches in <mark>',
          }),
        },
        { description: 'Present when the list was searched with `q`' },
      ),
    ),
  },
  { description: 'One article or notice' },
);

export const ItemList = Type.Object({
  data: Type.Array(ItemListEntry),
  nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` to get the next page; null on the last page' })),
});

export const ItemListQuery = Type.Object(
  {
    limit: Type.Optional(Limit),
    cursor: Type.Optional(Cursor),
    ...NewsFilterParams,
  },
  { additionalProperties: false },
);

export const ItemParams = Type.Object({ id: PathId('Item') });
