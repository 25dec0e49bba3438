import { type FeedEntry, type NormaliseContext, type NormalisedItem, normaliseEntry } from '@regwatch/core';
import { type Db, knownContentHashes, type SourceRow } from '@regwatch/db';
import { enqueueItems, type ProcessJob } from '@regwatch/queue';
import { adapterFor, type FetchedDocument } from '@regwatch/sources';
import type { Job, Queue } from 'bullmq';

export interface DocumentRead {
  /** Entries the document held. */
  entries: number;
  /** Entries too broken to store (no title, text or link). */
  rejected: number;
  /** Entries already stored with the same content: not enqueued. */
  unchanged: number;
  /** Jobs for the new or changed entries. */
  jobs: Job<ProcessJob>[];
}

/**
 * The shared middle of polling and importing: parse a document with the source's adapter,
 * normalise its entries, and enqueue those that are new or changed. Throws RegwatchError
 * (parse_*) for a document the adapter cannot read.
 */
export async function enqueueDocument(
  deps: { db: Db; processQueue: Queue<ProcessJob> },
  source: Pick<SourceRow, 'id' | 'format' | 'language' | 'jurisdictions'>,
  document: FetchedDocument,
  now: Date,
): Promise<DocumentRead> {
  const feed = await adapterFor(source.format).parse(document);
  const { items, rejected } = normaliseAll(feed.entries, {
    sourceId: source.id,
    baseUrl: document.url,
    language: feed.language ?? source.language,
    now,
  });
  const known = await knownContentHashes(
    deps.db,
    items.map((item) => item.dedupKey),
  );
  const fresh = items.filter((item) => known.get(item.dedupKey) !== item.contentHash);
  const jobs = await enqueueItems(deps.processQueue, fresh, source.jurisdictions);
  return { entries: feed.entries.length, rejected, unchanged: items.length - fresh.length, jobs };
}

/** Normalises a document's entries, dropping unusable ones and later repeats of one guid. */
export function normaliseAll(
  entries: readonly FeedEntry[],
  context: NormaliseContext,
): { items: NormalisedItem[]; rejected: number } {
  const byKey = new Map<string, NormalisedItem>();
  let rejected = 0;
  for (const entry of entries) {
    const result = normaliseEntry(entry, context);
    if (!result.ok) {
      rejected += 1;
      continue;
    }
    if (!byKey.has(result.item.dedupKey)) byKey.set(result.item.dedupKey, result.item);
  }
  return { items: [...byKey.values()], rejected };
}
