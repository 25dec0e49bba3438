import Type from 'typebox';
import { NewsFilterParams } from './news-filter.ts';

export const FeedQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50, description: 'Entries in the feed' })),
    ...NewsFilterParams,
  },
  { additionalProperties: false },
);

/** A 200 whose body is a document of `mediaType` (the OpenAPI document names the type; the body is not JSON). */
export function feedResponse(mediaType: string, name: string) {
  return {
    description: `${name} document`,
    content: { [mediaType.split(';')[0] ?? mediaType]: { schema: Type.String() } },
  };
}

export const NotModified = Type.Null({ description: 'Not modified since the ETag or date the reader sent: no body' });
