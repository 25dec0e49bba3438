import Type from 'typebox';
import { Instant, Nullable } from './common.ts';
import { SourceKind } from './item.ts';

export const SourceHealth = Type.Object({
  status: Type.Enum(['pending', 'ok', 'failing', 'dead', 'disabled'], {
    description:
      'pending: never checked; ok: last check succeeded; failing: recent checks failed; ' +
      'dead: no success for 24 hours (still retried, slowly); disabled: not polled (see disabledReason)',
  }),
  lastCheckedAt: Nullable(Instant),
  lastSuccessAt: Nullable(Instant),
  nextCheckAt: Instant,
  consecutiveFailures: Type.Integer({ minimum: 0 }),
  lastError: Nullable(
    Type.Object({
      code: Type.String({ description: 'Error code, e.g. fetch_timeout, parse_malformed' }),
      message: Type.String(),
      at: Instant,
    }),
  ),
  lastWarning: Nullable(
    Type.Object(
      {
        message: Type.String({
          description:
            'What the last successful fetch had to guess or repair to read the bytes, e.g. "no declared encoding; decoded as KOI8-R (detected)" or "3 invalid UTF-8 sequences replaced"',
        }),
        at: Instant,
      },
      { description: 'null when the last successful fetch was read as it was' },
    ),
  ),
  disabledReason: Nullable(Type.String()),
  lastEntryCount: Nullable(Type.Integer({ description: 'Entries read by the last successful fetch' })),
  lastRejectedCount: Nullable(Type.Integer({ description: 'Of those, entries too broken to store' })),
  lastFilteredCount: Nullable(
    Type.Integer({
      description:
        'Of those, entries set aside: pages that are not news (an index page, a meeting agenda) and, for sources with a relevance filter, items not about privacy',
    }),
  ),
});

export const Source = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: SourceKind,
    url: Type.String(),
    homepage: Nullable(Type.String()),
    format: Type.String(),
    language: Nullable(Type.String()),
    jurisdictions: Type.Array(Type.String()),
    relevance: Nullable(
      Type.Enum(['privacy'], { description: 'privacy: only entries about privacy are kept (general outlets)' }),
    ),
    pollIntervalSeconds: Type.Integer(),
    enabled: Type.Boolean(),
    itemCount: Type.Integer({ minimum: 0 }),
    health: SourceHealth,
  },
  { description: 'A watched publisher and its fetch health' },
);

export const SourceList = Type.Object({ data: Type.Array(Source) });
