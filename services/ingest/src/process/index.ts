export { type Entry, entryFromJob, type ProcessContext, type SourceFacts, sourceKindOf } from './entry.ts';
export { processEntries, processEntry } from './process-entries.ts';
export { refreshStoredItems, type StoredEntry } from './refresh-stored-items.ts';
export { storeTaggedBatch, type TaggedEntry } from './store-batch.ts';
export { type StoreOptions, storeItem, storeItems } from './store-item.ts';
export { tagColumns, tagEntry } from './tag-entry.ts';
