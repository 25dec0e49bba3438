import { articlePageModes, dateOrigins, datePrecisions } from '@regwatch/core';
import Type, { type Static } from 'typebox';
import Compile from 'typebox/compile';

/** Poll one source: fetch, parse, enqueue its new or changed entries. */
export const PollJob = Type.Object({
  sourceId: Type.String({ minLength: 1, maxLength: 64 }),
  /** Poll even if the source's next check is in the future (an operator asked for it). */
  force: Type.Optional(Type.Boolean()),
  /** Fetch the whole document again: no validators, no body-hash short-circuit (implies `force`). */
  refetch: Type.Optional(Type.Boolean()),
});
export type PollJob = Static<typeof PollJob>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const NormalisedItemSchema = Type.Object({
  sourceId: Type.String(),
  guid: Type.String(),
  dedupKey: Type.String({ pattern: '^[0-9a-f]{32}$' }),
  url: Nullable(Type.String()),
  canonicalUrl: Nullable(Type.String()),
  title: Type.String(),
  summary: Type.String(),
  content: Type.String(),
  author: Nullable(Type.String()),
  publishedAt: Type.String(),
  /** Optional: jobs queued before dates carried a precision have `publishedAtEstimated` instead. */
  publishedPrecision: Type.Optional(Type.Enum([...datePrecisions])),
  publishedFrom: Type.Optional(Type.Enum([...dateOrigins])),
  publishedAtEstimated: Type.Optional(Type.Boolean()),
  language: Nullable(Type.String()),
  labels: Type.Object(
    {
      deployers: Type.Optional(Type.Array(Type.String())),
      developers: Type.Optional(Type.Array(Type.String())),
      jurisdictions: Type.Optional(Type.Array(Type.String())),
      categories: Type.Optional(Type.Array(Type.String())),
    },
    { additionalProperties: false },
  ),
  /** Optional: jobs queued before links were read have none. */
  links: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
  contentHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});

/** One normalised entry to store, as a batch carries it and the pending ledger records it. */
export const ProcessEntryJob = Type.Object({
  item: NormalisedItemSchema,
  /** The source's default jurisdictions at the time it was read. */
  jurisdictions: Type.Array(Type.String()),
  /** The source's kind (the taggers weigh a regulator's own jurisdiction differently); absent in older jobs. */
  sourceKind: Type.Optional(Type.Enum(['regulator', 'incident-db', 'press'])),
  /** Whether the source reads article pages (`fetchArticlePages`); absent in older jobs, which look it up. */
  articlePages: Type.Optional(Type.Enum([...articlePageModes])),
  /** Times the job was replayed from the failed set after a transient failure. */
  replays: Type.Optional(Type.Integer({ minimum: 0 })),
  /** The id of the batch job the entry was queued in (kept by the pending ledger, so the reconciler can ask Redis for it). */
  queuedAs: Type.Optional(Type.String({ maxLength: 64 })),
});
export type ProcessEntryJob = Static<typeof ProcessEntryJob>;

/** Most entries one process job carries (`PROCESS_BATCH_SIZE` is at most this). */
export const maxBatchEntries = 500;

/** Store a batch of entries (from one document), in one transaction. */
export const ProcessBatchJob = Type.Object({
  entries: Type.Array(ProcessEntryJob, { minItems: 1, maxItems: maxBatchEntries }),
  /** Times the job was replayed from the failed set after a transient failure. */
  replays: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type ProcessBatchJob = Static<typeof ProcessBatchJob>;

/** A process job: a batch, or one entry (jobs queued before batches, and an entry set apart after a permanent failure). */
export const ProcessJob = Type.Union([ProcessBatchJob, ProcessEntryJob]);
export type ProcessJob = Static<typeof ProcessJob>;

/** The entries a process job carries, whichever its shape. */
export function entriesOfJob(job: ProcessJob): ProcessEntryJob[] {
  return 'entries' in job ? job.entries : [job];
}

/** Fetch the article page of one stored item whose entry gave no text, and use its text. */
export const ArticleJob = Type.Object({
  /** The item (its id as decimal digits). */
  itemId: Type.String({ pattern: '^[0-9]{1,19}$' }),
  /** The entry that owns the item's text: only its version may change it. */
  dedupKey: Type.String({ pattern: '^[0-9a-f]{32}$' }),
  /** Content hash of the entry version that asked: a page is fetched once per version. */
  entryHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  /** The entry's reference links, kept for the story features recomputed from the page's text. */
  links: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
});
export type ArticleJob = Static<typeof ArticleJob>;

/** Housekeeping: replay transiently failed jobs. */
export const MaintenanceJob = Type.Object({});
export type MaintenanceJob = Static<typeof MaintenanceJob>;

const Week = Type.String({ pattern: '^[0-9]{4}-W[0-9]{2}$' });

/**
 * The roundup queue's jobs. None carries an email address (they live in PostgreSQL only):
 * - `build`: build (if not built) and start sending the edition due now, or `week`;
 * - `send`: work through an edition's delivery ledger;
 * - `confirm`: mail the confirmation a sign-up asked for (the subscriber's row says whether one is due);
 * - `check`: the catch-up a scheduler runs every few minutes (a missed Friday, lost jobs, crashed sends).
 */
export const RoundupJob = Type.Union([
  Type.Object({ task: Type.Literal('build'), week: Type.Optional(Week) }),
  Type.Object({ task: Type.Literal('send'), week: Week }),
  Type.Object({ task: Type.Literal('confirm'), subscriberId: Type.String({ pattern: '^[1-9][0-9]{0,18}$' }) }),
  Type.Object({ task: Type.Literal('check') }),
]);
export type RoundupJob = Static<typeof RoundupJob>;

/**
 * The webhooks queue's one job, repeated by a job scheduler: turn stories changed since each
 * webhook's cursor into deliveries, then send what is due. It carries nothing: PostgreSQL says
 * what is due, and no URL or secret ever enters Redis.
 */
export const WebhookJob = Type.Object({ task: Type.Literal('tick') }, { additionalProperties: false });
export type WebhookJob = Static<typeof WebhookJob>;

export const pollJobValidator = Compile(PollJob);
export const webhookJobValidator = Compile(WebhookJob);
export const processJobValidator = Compile(ProcessJob);
export const processEntryJobValidator = Compile(ProcessEntryJob);
export const maintenanceJobValidator = Compile(MaintenanceJob);
export const articleJobValidator = Compile(ArticleJob);
export const roundupJobValidator = Compile(RoundupJob);
