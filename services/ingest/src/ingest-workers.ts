import type { IngestConfig } from '@regwatch/config';
import type { Db } from '@regwatch/db';
import {
  articleJobValidator,
  maintenanceJobValidator,
  pollJobValidator,
  processJobValidator,
  type Queues,
  queueNames,
  webhookJobValidator,
} from '@regwatch/queue';
import { defineWorker, type Metrics, type WorkerDefinition } from '@regwatch/runtime';
import { fetchArticle } from './articles/fetch-article.ts';
import { reconcileArticlePages } from './articles/reconcile-articles.ts';
import type { FetchDispatcher } from './fetch/dispatcher.ts';
import type { FetchLimits } from './fetch/fetch-document.ts';
import { pollSource } from './poll-source.ts';
import { reconcilePending } from './reconcile-pending.ts';
import { recordPoll, recordStored } from './record-metrics.ts';
import { replayFailedJobs } from './replay-failed.ts';
import { syncPollSchedules } from './schedules.ts';
import { storeBatchJob } from './store-entry.ts';
import { runWebhookTick } from './webhooks/webhook-tick.ts';

/** What the ingest workers share: configuration, the database, the queues, the one HTTP client. */
export interface IngestContext {
  config: IngestConfig;
  db: Db;
  queues: Queues;
  dispatcher: FetchDispatcher;
  limits: FetchLimits;
  /** What the workers record (absent in `regwatch import`, which reports its own counts). */
  metrics?: Metrics | undefined;
}

/**
 * The ingest workers, as data. `regwatch start --only ingest` runs all of them; `regwatch
 * import` runs only `process` when no ingest process is there to store what it enqueues.
 */
export const ingestWorkers: readonly WorkerDefinition<IngestContext>[] = [
  defineWorker({
    queue: queueNames.poll,
    payload: pollJobValidator,
    concurrency: (context: IngestContext) => context.config.POLL_CONCURRENCY,
    why: 'a poll waits on a remote server; POLL_CONCURRENCY polls at once, at most 2 per host (the dispatcher)',
    process: async (context, data, { log }) => {
      const summary = await pollSource(
        {
          db: context.db,
          processQueue: context.queues.process,
          batchSize: context.config.PROCESS_BATCH_SIZE,
          dispatcher: context.dispatcher,
          limits: context.limits,
        },
        data.sourceId,
        { force: data.force, refetch: data.refetch },
      );
      recordPoll(context.metrics, data.sourceId, summary);
      if (summary.status === 'failed') log.warn({ source: data.sourceId, ...summary }, 'source poll failed');
      else if (summary.status !== 'skipped') log.info({ source: data.sourceId, ...summary }, 'source polled');
      return summary;
    },
  }),
  defineWorker({
    queue: queueNames.process,
    payload: processJobValidator,
    concurrency: (context: IngestContext) => context.config.PROCESS_CONCURRENCY,
    why: 'a job is a batch of entries stored in one transaction; batches that share keys take turns on advisory locks, so more at once is safe',
    process: async (context, data) => {
      const stored = await storeBatchJob(context.db, data, context.queues);
      for (const result of stored.results) recordStored(context.metrics, result);
      return stored;
    },
  }),
  defineWorker({
    queue: queueNames.article,
    payload: articleJobValidator,
    concurrency: (context: IngestContext) => context.config.ARTICLE_CONCURRENCY,
    why: 'an article page waits on a remote server like a poll; the dispatcher still keeps 2 requests per host, polls included',
    process: async (context, data, { log }) => {
      const summary = await fetchArticle(
        { db: context.db, dispatcher: context.dispatcher, limits: context.limits },
        data,
      );
      if (summary.status === 'failed') log.warn({ item: data.itemId, ...summary }, 'article page failed');
      else if (summary.status !== 'skipped') log.info({ item: data.itemId, ...summary }, 'article page read');
      return summary;
    },
  }),
  defineWorker({
    queue: queueNames.maintenance,
    payload: maintenanceJobValidator,
    concurrency: () => 1,
    why: 'keeps poll schedules in step with the sources table, replays transient failures and re-enqueues what Redis lost (entries, article pages): one at a time',
    process: async (context, _data, { log }) => {
      const schedules = await syncPollSchedules(context.db, context.queues.poll);
      const replayed = await replayFailedJobs(context.queues.process);
      const pending = await reconcilePending(context.db, context.queues.process, {
        graceMs: context.config.RECONCILE_AFTER_SECONDS * 1_000,
      });
      const articles = await reconcileArticlePages(context.db, context.queues.article, {
        graceMs: context.config.RECONCILE_AFTER_SECONDS * 1_000,
      });
      if (schedules.scheduled + schedules.removed + replayed + pending.requeued + pending.settled + articles > 0) {
        log.info({ ...schedules, replayed, pending, articles }, 'maintenance');
      }
      return { ...schedules, replayed, pending, articles };
    },
  }),
  defineWorker({
    queue: queueNames.webhooks,
    payload: webhookJobValidator,
    concurrency: () => 1,
    why: 'a tick dispatches and sends for every webhook; one at a time per process (claims skip locked rows, so several processes share the work)',
    process: async (context, _data, { log }) => {
      const report = await runWebhookTick({
        config: context.config,
        db: context.db,
        dispatcher: context.dispatcher,
        log,
      });
      if (report.deliveries + report.delivered + report.failed + report.retrying > 0) log.info(report, 'webhooks');
      return report;
    },
  }),
];
