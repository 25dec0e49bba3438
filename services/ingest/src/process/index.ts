export { refreshStory } from './cluster.ts';
export { type Entry, entryFromJob, type ProcessContext, type SourceFacts, sourceKindOf } from './entry.ts';
export { processEntry, storeTaggedEntry } from './process-entry.ts';
export { refreshStoredItem } from './refresh-stored-item.ts';
export { type StoreOptions, storeItem } from './store-item.ts';
