import { type NormalisedItem, RegwatchError, type SourceKind } from '@regwatch/core';
import { type Db, getSource, type StoredItem } from '@regwatch/db';
import type { ProcessEntryJob } from '@regwatch/queue';

/** What the processing step needs to know of an entry's source, resolved once per entry. */
export interface SourceFacts {
  kind: SourceKind;
  /** The source's default jurisdictions (the item's own when it is not tagged). */
  jurisdictions: readonly string[];
}

/** Shared by every step of one entry. */
export interface ProcessContext {
  db: Db;
}

/**
 * What `processEntries` takes: an entry a poll, an import or an article page read (`fetched`),
 * or an item already stored, read back to be processed again with the current lexicons
 * (`stored`, `regwatch retag`), optionally with a text read elsewhere (its article page).
 */
export type Entry =
  | { kind: 'fetched'; item: NormalisedItem; source: SourceFacts }
  | { kind: 'stored'; item: StoredItem; text?: { summary: string; content: string } };

/**
 * The entry a queued `process` job carries: older payloads upgraded (no date precision, no
 * links, no source kind), and the source's kind taken from the job or, for jobs queued before
 * it was carried, read once here.
 */
export async function entryFromJob(db: Db, payload: ProcessEntryJob): Promise<Extract<Entry, { kind: 'fetched' }>> {
  const { publishedAtEstimated, ...queued } = payload.item;
  const item: NormalisedItem = {
    ...queued,
    links: queued.links ?? [],
    // Jobs queued before dates carried a precision said only whether the date was estimated.
    publishedPrecision: queued.publishedPrecision ?? 'instant',
    publishedFrom: queued.publishedFrom ?? (publishedAtEstimated ? 'first-seen' : 'entry'),
  };
  const kind = payload.sourceKind ?? (await sourceKindOf(db, item.sourceId));
  return { kind: 'fetched', item, source: { kind, jurisdictions: payload.jurisdictions } };
}

/** The kind of a stored source; a job for a source that no longer exists cannot be stored. */
export async function sourceKindOf(db: Db, sourceId: string): Promise<SourceKind> {
  const source = await getSource(db, sourceId);
  if (!source) throw new RegwatchError('not_found', `source "${sourceId}" does not exist`);
  return source.kind;
}
