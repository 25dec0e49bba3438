export { articleFetchUrl } from './articles/article-url.ts';
export { type ArticleDeps, type ArticleSummary, articleMaxAttempts, fetchArticle } from './articles/fetch-article.ts';
export { reconcileArticlePages } from './articles/reconcile-articles.ts';
export { requestArticlePage } from './articles/request-article.ts';
export { type DocumentRead, type DroppedEntry, enqueueDocument, normaliseAll } from './enqueue-document.ts';
export { createFetchDispatcher, type FetchDispatcher, type FetchDispatcherOptions } from './fetch/dispatcher.ts';
export { type FetchLimits, type FetchResult, fetchDocument, parseRetryAfter } from './fetch/fetch-document.ts';
export { type ImportReport, importDocument } from './import-document.ts';
export { type IngestMainDeps, type IngestParts, main } from './main.ts';
export { type PollDeps, type PollRequest, type PollSummary, pollSource } from './poll-source.ts';
export {
  type Entry,
  entryFromJob,
  type ProcessContext,
  processEntries,
  processEntry,
  type SourceFacts,
  type StoreOptions,
  storeItem,
  storeItems,
  storeTaggedBatch,
  type TaggedEntry,
  tagEntry,
} from './process/index.ts';
export { readDocumentFile } from './read-document-file.ts';
export { type ReconcileReport, reconcilePending } from './reconcile-pending.ts';
export { replayFailedJobs } from './replay-failed.ts';
export { type RetagReport, retagItems } from './retag-items.ts';
export { syncPollSchedules } from './schedules.ts';
export { type Ingest, type IngestDeps, startIngest } from './start-ingest.ts';
export { type BatchJobResult, storeBatchJob } from './store-entry.ts';
export { type DispatchReport, dispatchWebhookEvents, messageIdOf } from './webhooks/dispatch-events.ts';
export { type SendReport, sendDueDeliveries, signedHeaders } from './webhooks/send-deliveries.ts';
export { runWebhookTick, webhookLimits } from './webhooks/webhook-tick.ts';
