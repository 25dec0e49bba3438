export { apiKeys } from './api-keys.ts';
export { type ArticlePageStatus, articlePageStatuses, articlePages } from './article-pages.ts';
export { clusterKeys, termCounts } from './clustering.ts';
export { corrections } from './corrections.ts';
export { auditLog, editionNotes, editors } from './editors.ts';
export { entries, items, stories } from './newsfeed.ts';
export { pendingEntries } from './pending-entries.ts';
export {
  type DeliveryStatus,
  deliveryStatuses,
  type EditionStatus,
  editionStatuses,
  roundupDeliveries,
  roundupEditions,
  type SubscriberStatus,
  subscriberStatuses,
  subscribers,
} from './roundup.ts';
export { sources } from './sources.ts';
export {
  type WebhookDeliveryStatus,
  type WebhookStatus,
  webhookAttempts,
  webhookDeliveries,
  webhookDeliveryStatuses,
  webhookStatuses,
  webhooks,
} from './webhooks.ts';
