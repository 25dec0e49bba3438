import Type, { type TSchema, type TStringOptions } from 'typebox';

/**
 * The schema annotation holding what a field accepts, in words ("a date such as 2024-09-13"),
 * for the 400 that refuses it (plugins/validation-message.ts); needed where the schema alone
 * cannot say it (a pattern, a value checked later). Ajv knows it as an annotation (app.ts).
 */
export const acceptsKeyword = 'x-accepts';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. `invalid_parameter`' }),
      message: Type.String({ description: 'Human-readable explanation; never contains internals' }),
    }),
  },
  {
    description: 'Every error response has this shape',
    examples: [
      {
        error: {
          code: 'invalid_parameter',
          message: 'query parameter "jurisdiction" "UK" is not an ISO 3166 code: use GB',
        },
      },
    ],
  },
);

const rateLimitHeaders = {
  'RateLimit-Limit': { type: 'integer', description: 'Requests allowed per minute to this key, or this address' },
  'RateLimit-Remaining': { type: 'integer', description: 'Requests left in the current window' },
  'RateLimit-Reset': { type: 'integer', description: 'Seconds until the window starts again' },
};

export const Unauthorized = Type.Object(ErrorResponse.properties, {
  description:
    'No valid API key: none was sent while anonymous access is off, or it is malformed, unknown or revoked (`unauthorized`)',
  headers: {
    'WWW-Authenticate': { type: 'string', description: 'RFC 6750 challenge, e.g. `Bearer realm="regwatch"`' },
    ...rateLimitHeaders,
  },
  examples: [{ error: { code: 'unauthorized', message: 'the API key is unknown or revoked' } }],
});

export const RateLimited = Type.Object(ErrorResponse.properties, {
  description:
    "This key's (or, without a key, this address's) requests per minute are spent, or this address sent too many requests without a valid key (`rate_limited`)",
  headers: {
    'Retry-After': { type: 'integer', description: 'Seconds to wait before trying again' },
    ...rateLimitHeaders,
  },
  examples: [{ error: { code: 'rate_limited', message: 'rate limit exceeded: retry in 42 seconds' } }],
});

export const NotModified = Type.Null({
  description: 'Not modified: `If-None-Match` names the current ETag. No body.',
  headers: {
    ETag: { type: 'string', description: 'Strong validator: a hash of the body bytes' },
    'Cache-Control': {
      type: 'string',
      description: '`public, max-age=N` without a key, `private, max-age=N` with one',
    },
    ...rateLimitHeaders,
  },
});

export const Unavailable = Type.Object(ErrorResponse.properties, {
  description: 'PostgreSQL is unreachable or restarting (`unavailable`): retry after `Retry-After` seconds',
  headers: { 'Retry-After': { type: 'integer', description: 'Seconds to wait before trying again' } },
  examples: [{ error: { code: 'unavailable', message: 'the service is temporarily unavailable; retry in 2 seconds' } }],
});

/**
 * What any route answers to a URL over 4 KiB (plugins/request-limits.ts): the one 4xx a route
 * without parameters, such as a health probe, can give.
 */
export const UriTooLong = Type.Object(ErrorResponse.properties, {
  description: 'The request URL is longer than 4 KiB (`uri_too_long`)',
  examples: [{ error: { code: 'uri_too_long', message: 'the request URL is longer than 4096 bytes' } }],
});

/** Error statuses every route can answer. */
export const errorResponses = {
  400: ErrorResponse,
  500: ErrorResponse,
  503: Unavailable,
} as const;

/**
 * No NUL character (`%00`): PostgreSQL text cannot hold one, so it would fail in the database
 * as a 500. The error handler names a parameter refused for holding one (plugins/errors.ts).
 */
export const withoutNul = '^[^\\u0000]*$';

/**
 * A free-text query parameter. Every string parameter is one of these, or carries a pattern
 * of its own that admits no NUL (the id lists, path ids).
 */
export const QueryText = (options: TStringOptions & { description: string }) =>
  Type.String({ ...options, pattern: withoutNul });

export const Cursor = QueryText({
  description: 'Opaque position returned as `nextCursor` by the previous page',
  maxLength: 200,
  [acceptsKeyword]: 'the nextCursor of the previous page, unchanged',
});

/** A path id: digits only (`what` names it in the 400). */
export const PathId = (what: string) =>
  Type.String({
    pattern: '^[0-9]{1,19}$',
    description: `${what} id`,
    [acceptsKeyword]: `${/^[AEIOU]/.test(what) ? 'an' : 'a'} ${what.toLowerCase()} id: digits, such as 17102`,
  });

/** The query of a route that takes no parameter: anything sent is refused, naming it. */
export const NoQuery = Type.Object({}, { additionalProperties: false });

export const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 25, description: 'Page size' });

export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 instant, UTC' });

/** The schema with examples for the OpenAPI document (checked against it by the examples test). */
export function withExamples<T extends TSchema>(schema: T, ...examples: unknown[]): T {
  return { ...schema, examples };
}
