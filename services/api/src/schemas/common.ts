import Type, { type TSchema } from 'typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. `invalid_parameter`' }),
      message: Type.String({ description: 'Human-readable explanation; never contains internals' }),
    }),
  },
  { description: 'Every error response has this shape' },
);

/** Error statuses every route can answer. */
export const errorResponses = {
  400: ErrorResponse,
  500: ErrorResponse,
  503: ErrorResponse,
} as const;

export const Cursor = Type.String({
  description: 'Opaque position returned as `nextCursor` by the previous page',
  maxLength: 200,
});

export const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 25, description: 'Page size' });

export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 instant, UTC' });
