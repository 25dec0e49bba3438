import { createHash } from 'node:crypto';
import { type ArticlePageMode, type NormalisedItem, type SourceKind, scheduleOffsetMs } from '@regwatch/core';
import { type DefaultJobOptions, type Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  type ArticleJob,
  type MaintenanceJob,
  maxBatchEntries,
  type PollJob,
  type ProcessBatchJob,
  type ProcessEntryJob,
  type ProcessJob,
  type RoundupJob,
  type WebhookJob,
} from './payloads.ts';

/** Every queue Regwatch uses, declared once. */
export const queueNames = {
  poll: 'poll',
  process: 'process',
  maintenance: 'maintenance',
  article: 'article',
  roundup: 'roundup',
  webhooks: 'webhooks',
} as const;

export const jobOptions = {
  // A failed poll is not retried by the queue: the poller records it on the source and
  // reschedules with its own backoff, which survives restarts and shows in /v1/sources.
  poll: {
    attempts: 1,
    removeOnComplete: { count: 1_000 },
    removeOnFail: { count: 1_000 },
  },
  // Storing an item retries transient failures (database restart) with backoff; a job id
  // is kept a day after completion so the same version of an entry is not processed twice.
  process: {
    attempts: 6,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 60 * 60, count: 200_000 },
    removeOnFail: { age: 14 * 24 * 60 * 60 },
  },
  maintenance: {
    attempts: 1,
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  },
  // A page that timed out or answered 503 is tried again, three times in all (article_pages
  // counts them too, so a replayed job cannot fetch more); the job id is kept a day so the same
  // entry version does not queue its page twice.
  article: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: { age: 24 * 60 * 60, count: 100_000 },
    removeOnFail: { age: 14 * 24 * 60 * 60 },
  },
  // Roundup jobs only point at PostgreSQL (the ledger, the subscriber's row), which says what is
  // left to do: retrying a job is always safe, and the catch-up check re-adds any Redis lost.
  roundup: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { count: 1_000 },
    removeOnFail: { count: 1_000 },
  },
  // A tick points at PostgreSQL only (cursors, due deliveries), so a lost or failed one costs
  // nothing but a few seconds: the scheduler adds the next.
  webhooks: {
    attempts: 1,
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  },
} as const satisfies Record<keyof typeof queueNames, DefaultJobOptions>;

export interface Queues {
  poll: Queue<PollJob>;
  process: Queue<ProcessJob>;
  maintenance: Queue<MaintenanceJob>;
  article: Queue<ArticleJob>;
  webhooks: Queue<WebhookJob>;
  close(): Promise<void>;
}

export interface QueueOptions {
  connection: Redis;
  /** Redis key prefix: distinct per deployment, and per test file. */
  prefix: string;
}

export function createQueues(options: QueueOptions): Queues {
  const common = { connection: options.connection, prefix: options.prefix };
  const poll = new Queue<PollJob>(queueNames.poll, { ...common, defaultJobOptions: jobOptions.poll });
  const process = new Queue<ProcessJob>(queueNames.process, { ...common, defaultJobOptions: jobOptions.process });
  const maintenance = new Queue<MaintenanceJob>(queueNames.maintenance, {
    ...common,
    defaultJobOptions: jobOptions.maintenance,
  });
  const article = new Queue<ArticleJob>(queueNames.article, { ...common, defaultJobOptions: jobOptions.article });
  const webhooks = new Queue<WebhookJob>(queueNames.webhooks, { ...common, defaultJobOptions: jobOptions.webhooks });
  // Without an `error` listener BullMQ prints every connection error with its stack to the
  // console; whoever owns the connection reports outages (watchRedis, or the command's own error).
  for (const queue of [poll, process, maintenance, article, webhooks]) queue.on('error', () => undefined);
  return {
    poll,
    process,
    maintenance,
    article,
    webhooks,
    async close() {
      await Promise.all([poll.close(), process.close(), maintenance.close(), article.close(), webhooks.close()]);
    },
  };
}

/**
 * The job id of one version of one entry: its dedup key plus its content hash. The queue
 * ignores a second add of the same version; an edited entry is a new job. (BullMQ job ids
 * must not contain `:`; both parts are hex.)
 */
export function processJobId(item: Pick<NormalisedItem, 'dedupKey' | 'contentHash'>): string {
  return `${item.dedupKey}-${item.contentHash.slice(0, 16)}`;
}

/** Concurrent single adds measured as fast as addBulk here (DESIGN.md), and they fail one by one. */
const enqueueChunk = 100;

/** The process entry of one entry of a source (what is recorded as pending, then enqueued in a batch). */
export function processJobFor(
  item: NormalisedItem,
  source: { jurisdictions: readonly string[]; kind: SourceKind; fetchArticlePages?: ArticlePageMode | undefined },
): ProcessEntryJob {
  return {
    item,
    jurisdictions: [...source.jurisdictions],
    sourceKind: source.kind,
    ...(source.fetchArticlePages ? { articlePages: source.fetchArticlePages } : {}),
  };
}

/**
 * The job id of a batch: a hash of its entries' versions, so the same batch queued again (a
 * replayed import, the reconciler after Redis lost it) is not added twice. `b-` + hex: no `:`.
 */
export function batchJobId(entries: readonly ProcessEntryJob[]): string {
  const versions = entries.map((entry) => processJobId(entry.item)).sort();
  return `b-${createHash('sha256').update(versions.join(' ')).digest('hex').slice(0, 32)}`;
}

/** The id of a process job, whichever its shape. */
export function processJobIdOf(job: ProcessJob): string {
  return 'entries' in job ? batchJobId(job.entries) : processJobId(job.item);
}

/** Splits entries into batches of at most `size`, in order. */
export function batchesOf(entries: readonly ProcessEntryJob[], size: number): ProcessBatchJob[] {
  const batches: ProcessBatchJob[] = [];
  const step = Math.max(1, Math.min(size, maxBatchEntries));
  for (let start = 0; start < entries.length; start += step)
    batches.push({ entries: entries.slice(start, start + step) });
  return batches;
}

/**
 * Who asked for the entries: a live poll's are stored before an import's (BullMQ takes jobs
 * without a priority first), so a backfill of 50,000 entries never delays this hour's news.
 */
export type ProcessLane = 'live' | 'backfill';
const backfillPriority = 10;

/** Enqueues process jobs; a job whose id the queue already holds (in any state) is not added twice. */
export async function enqueueProcessJobs(
  queue: Queue<ProcessJob>,
  payloads: readonly ProcessJob[],
  lane: ProcessLane = 'live',
): Promise<Job<ProcessJob>[]> {
  return enqueueProcessJobsAs(
    queue,
    payloads.map((data) => ({ jobId: processJobIdOf(data), data })),
    lane,
  );
}

/**
 * Enqueues process jobs under the ids given: the reconciler puts a lost batch's entries that are
 * still pending back under the batch's own id, so a second pass finds it and adds nothing.
 */
export async function enqueueProcessJobsAs(
  queue: Queue<ProcessJob>,
  jobs: readonly { jobId: string; data: ProcessJob }[],
  lane: ProcessLane = 'live',
): Promise<Job<ProcessJob>[]> {
  const added: Job<ProcessJob>[] = [];
  const priority = lane === 'backfill' ? { priority: backfillPriority } : {};
  for (let start = 0; start < jobs.length; start += enqueueChunk) {
    const chunk = jobs.slice(start, start + enqueueChunk);
    added.push(
      ...(await Promise.all(chunk.map(({ jobId, data }) => queue.add('store', data, { jobId, ...priority })))),
    );
  }
  return added;
}

/** The job id of the article page of one item for one version of its entry (hex and digits: no `:`). */
export function articleJobId(job: Pick<ArticleJob, 'itemId' | 'entryHash'>): string {
  return `article-${job.itemId}-${job.entryHash.slice(0, 16)}`;
}

/** Queues the fetch of an item's article page; the same entry version asking again adds nothing. */
export async function enqueueArticleJob(queue: Queue<ArticleJob>, job: ArticleJob): Promise<void> {
  await queue.add('article', job, { jobId: articleJobId(job) });
}

export function pollSchedulerId(sourceId: string): string {
  return `poll-${sourceId}`;
}

/**
 * One repeatable poll per source. Its offset spreads sources over their interval (jitter
 * that is stable across restarts); that also delays the first tick by up to an interval,
 * so callers that add a source follow this with `pollIfDue`.
 */
export async function schedulePoll(
  queue: Queue<PollJob>,
  source: { id: string; pollIntervalSeconds: number },
): Promise<void> {
  const every = source.pollIntervalSeconds * 1_000;
  await queue.upsertJobScheduler(
    pollSchedulerId(source.id),
    { every, offset: scheduleOffsetMs(source.id, every) },
    { name: 'poll', data: { sourceId: source.id }, opts: jobOptions.poll },
  );
}

/**
 * A one-off poll that runs only if the source is due (a new source, or one overdue after
 * downtime), so asking twice, or for a source just polled, costs nothing.
 */
export async function pollIfDue(queue: Queue<PollJob>, sourceId: string): Promise<void> {
  await queue.add('poll', { sourceId }, { jobId: `poll-due-${sourceId}`, removeOnComplete: true, removeOnFail: true });
}

export async function unschedulePoll(queue: Queue<PollJob>, sourceId: string): Promise<void> {
  await queue.removeJobScheduler(pollSchedulerId(sourceId));
}

/** Source ids that currently have a poll scheduler. */
export async function scheduledSourceIds(queue: Queue<PollJob>): Promise<string[]> {
  const schedulers = await queue.getJobSchedulers(0, -1);
  return schedulers
    .map((scheduler) => scheduler.key)
    .filter((key) => key.startsWith('poll-'))
    .map((key) => key.slice('poll-'.length));
}

/**
 * Polls a source now, ignoring its next-check time; a request already waiting absorbs this one.
 * `refetch` fetches without validators (its own job id, so a waiting conditional poll does not
 * absorb it).
 */
export async function pollNow(
  queue: Queue<PollJob>,
  sourceId: string,
  options: { refetch?: boolean } = {},
): Promise<Job<PollJob>> {
  const refetch = options.refetch === true;
  return queue.add('poll', refetch ? { sourceId, force: true, refetch: true } : { sourceId, force: true }, {
    jobId: `poll-${refetch ? 'refetch' : 'now'}-${sourceId}`,
    removeOnComplete: true,
    removeOnFail: true,
  });
}

/** The poll queue on its own: the console's "poll now", pause and resume need only it. */
export function createPollQueue(options: QueueOptions): Queue<PollJob> {
  const queue = new Queue<PollJob>(queueNames.poll, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: jobOptions.poll,
  });
  queue.on('error', () => undefined);
  return queue;
}

/**
 * The roundup's queue on its own: the API adds `confirm` jobs to it and the roundup service
 * works it, and neither needs the ingest's queues.
 */
export function createRoundupQueue(options: QueueOptions): Queue<RoundupJob> {
  const queue = new Queue<RoundupJob>(queueNames.roundup, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: jobOptions.roundup,
  });
  queue.on('error', () => undefined);
  return queue;
}

export const webhookSchedulerId = 'webhooks-tick';

/** The webhooks tick every `everyMs`; upserting it again with the same interval changes nothing. */
export async function scheduleWebhookTicks(queue: Queue<WebhookJob>, everyMs: number): Promise<void> {
  await queue.upsertJobScheduler(
    webhookSchedulerId,
    { every: everyMs },
    { name: 'tick', data: { task: 'tick' }, opts: jobOptions.webhooks },
  );
}
