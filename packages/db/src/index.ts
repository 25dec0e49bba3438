export { createDatabase, type Database, type DatabaseOptions, type Db, type DbOrTx } from './client.ts';
export { describeConnectionError, isConnectionError, sqlStateOf } from './connection-errors.ts';
export { type MigrationResult, migrateDatabase } from './migrate.ts';
export {
  type ActiveApiKey,
  type ApiKeyView,
  createApiKey,
  findActiveApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
} from './queries/api-keys.ts';
export {
  type ArticlePageOutcome,
  type ArticlePageRecord,
  type ArticleRequest,
  type ArticleTarget,
  articlePagesToRequest,
  articleTarget,
  claimArticlePage,
  recordArticlePage,
} from './queries/article-pages.ts';
export {
  type AuditActor,
  type AuditEntry,
  type AuditRow,
  actorName,
  listAudit,
  recordAudit,
} from './queries/audit-log.ts';
export { type BatchLookups, lockBatchKeys, readBatchSnapshot } from './queries/batch-reads.ts';
export { allocateBatchIds, writeBatch } from './queries/batch-writes.ts';
export {
  countBatchTerms,
  createStory,
  lockStoryProfiles,
  mergeStoriesInto,
  readTermCounts,
  type StoryTags,
  setItemStory,
  setStoryProfile,
  storyEditorTags,
  storyMembers,
  writeEmptyStory,
  writeStoryRollup,
} from './queries/clustering.ts';
export { composeStoredStories, composeWeek, editionStoryLimit } from './queries/compose-edition.ts';
export {
  applyCorrection,
  type CorrectionResult,
  notNewsEntryKeys,
  type StoryEditorState,
  storyEditorState,
} from './queries/corrections.ts';
export { type EditionNote, getEditionNote, saveEditionNote } from './queries/edition-notes.ts';
export {
  deleteEditor,
  type EditorView,
  endEditorSessions,
  findEditorById,
  findEditorForSignIn,
  insertEditor,
  listEditors,
  setEditorPassword,
} from './queries/editors.ts';
export { tagEvidenceOfItems } from './queries/item-evidence.ts';
export {
  knownContentHashes,
  type StoreResult,
  storyOf,
  type TagColumns,
  updateEntryVersion,
} from './queries/item-store.ts';
export { getItem, type ItemDetailView, type ItemPage, listItems } from './queries/items.ts';
export {
  clearPendingEntries,
  countPendingEntries,
  type PendingEntry,
  pendingVersionKey,
  recordPendingEntries,
  stillPendingVersions,
  unsettledPendingEntries,
} from './queries/pending-entries.ts';
export {
  type ClaimedDelivery,
  type ConfirmationClaim,
  claimConfirmation,
  claimDeliveries,
  confirmationsDue,
  type DeliveryCounts,
  deliveryCounts,
  eraseSubscriber,
  expireStaleSending,
  markSubscriberBouncing,
  retryDelivery,
  type SettledStatus,
  settleDelivery,
  skipPendingDeliveries,
  unsettledDeliveries,
  upsertActiveSubscriber,
} from './queries/roundup-deliveries.ts';
export {
  finishEditionIfSettled,
  getEdition,
  insertEdition,
  listEditionWeeks,
  type StoredEdition,
  sendingEditionWeeks,
  startSending,
} from './queries/roundup-editions.ts';
export {
  getRoundupEdition,
  latestRoundupContent,
  listRoundupEditions,
  type RoundupEditionSummary,
  type StoredRoundupEdition,
} from './queries/roundup-read.ts';
export { listSourcesWithWeeklyItems, type SourceWithWeeklyItems } from './queries/source-health.ts';
export {
  countItemsBySource,
  getSource,
  insertSource,
  listSources,
  type NewSource,
  recordFetchFailure,
  recordFetchSuccess,
  recordNotModified,
  type SourceRow,
  saveSource,
  setSourceEnabled,
} from './queries/sources.ts';
export {
  type DerivedColumns,
  lockStoredItems,
  type StoredItem,
  storedItem,
  storedItemsAfter,
  writeDerivedColumns,
} from './queries/stored-items.ts';
export {
  type AlternateView,
  type DigestCandidateRow,
  digestCandidates,
  embeddedStoryItems,
  getStory,
  listStories,
  listStoryItems,
  resolveStoryId,
  type StoryItemPage,
  type StoryItemView,
  type StoryLookup,
  type StoryPage,
  type StoryView,
  storiesByIds,
  storyPageItems,
} from './queries/stories.ts';
export { refreshStoryRollup } from './queries/story-rollup.ts';
export {
  confirmSubscriber,
  findSubscriber,
  type SubscriberView,
  saveSubscriberPreferences,
  signUpSubscriber,
  unsubscribeSubscriber,
} from './queries/subscribers.ts';
export { countTags, type TagCount, type TagDimension } from './queries/tag-counts.ts';
export {
  type AttemptRecord,
  activeWebhookCursors,
  type ChangedStory,
  type ClaimedWebhookDelivery,
  claimWebhookDeliveries,
  createWebhook,
  deleteWebhook,
  disableWebhooksOfKey,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  lockActiveWebhook,
  type NewDelivery,
  recordDeliveredAttempt,
  recordDeliveries,
  recordFailedAttempt,
  storiesChangedSince,
  type WebhookAttemptView,
  type WebhookCursor,
  type WebhookDeliveryView,
  type WebhookView,
} from './queries/webhooks.ts';
export * as schema from './schema/index.ts';
