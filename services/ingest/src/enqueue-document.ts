import {
  type FeedEntry,
  type NonNewsReason,
  type NormaliseContext,
  type NormalisedItem,
  newsPageVerdict,
  normaliseEntry,
  privacyRelevance,
} from '@regwatch/core';
import { type Db, knownContentHashes, notNewsEntryKeys, recordPendingEntries, type SourceRow } from '@regwatch/db';
import {
  batchesOf,
  batchJobId,
  enqueueProcessJobs,
  type ProcessJob,
  type ProcessLane,
  processJobFor,
} from '@regwatch/queue';

/** Entries per process job when the caller does not say (`PROCESS_BATCH_SIZE`'s default). */
const defaultBatchSize = 64;

import { adapterFor, type FetchedDocument } from '@regwatch/sources';
import type { Job, Queue } from 'bullmq';

export interface DocumentRead {
  /** Entries the document held. */
  entries: number;
  /** Entries too broken to store (no title, text or link). */
  rejected: number;
  /**
   * Entries set aside (counted on the source, not stored): pages that are not news (an index
   * page, a meeting agenda) and, for sources with a relevance filter, items not about privacy.
   */
  filtered: number;
  /** Why each filtered entry was set aside, so an operator can check the filters. */
  dropped: DroppedEntry[];
  /** Entries already stored with the same content: not enqueued. */
  unchanged: number;
  /** Jobs (batches) for the new or changed entries. */
  jobs: Job<ProcessJob>[];
  /** New or changed entries enqueued, in all the jobs. */
  enqueued: number;
  /** What reading the bytes had to guess or repair (an undetected charset, invalid UTF-8), or null. */
  decodeWarning: string | null;
}

export interface DroppedEntry {
  title: string;
  url: string | null;
  /** `index-page`, `meeting-agenda` (not news), `not-privacy` (the relevance filter), `editor-not-news` (a correction). */
  reason: NonNewsReason | 'not-privacy' | 'editor-not-news';
}

/**
 * The shared middle of polling and importing: parse a document with the source's adapter,
 * normalise its entries, record those that are new or changed as pending in PostgreSQL, then
 * enqueue them. Throws RegwatchError
 * (parse_*) for a document the adapter cannot read.
 */
export async function enqueueDocument(
  deps: {
    db: Db;
    processQueue: Queue<ProcessJob>;
    /** Most entries per process job (`PROCESS_BATCH_SIZE`). */
    batchSize?: number | undefined;
    /** A poll's entries are `live`; an import's are a `backfill`, stored after live ones. */
    lane?: ProcessLane | undefined;
  },
  source: Pick<
    SourceRow,
    'id' | 'kind' | 'format' | 'formatOptions' | 'language' | 'jurisdictions' | 'linkBase' | 'relevance'
  > &
    Partial<Pick<SourceRow, 'fetchArticlePages'>>,
  document: FetchedDocument,
  now: Date,
): Promise<DocumentRead> {
  // A replayed or mirrored source still links to the real site.
  const base = source.linkBase ?? document.url;
  const feed = await adapterFor(source.format).parse({ ...document, url: base }, source.formatOptions);
  const normalised = normaliseAll(feed.entries, {
    sourceId: source.id,
    baseUrl: base,
    language: feed.language ?? source.language,
    now,
  });
  const dropped: DroppedEntry[] = [];
  // Entries an editor marked as not news are set aside as the relevance filter's drops are.
  const notNews = await notNewsEntryKeys(
    deps.db,
    normalised.items.map((item) => item.dedupKey),
  );
  const items = normalised.items.filter((item) => {
    const reason = notNews.has(item.dedupKey)
      ? 'editor-not-news'
      : dropReason(item, source.relevance !== null && source.relevance !== undefined);
    if (reason) dropped.push({ title: item.title, url: item.url, reason });
    return reason === null;
  });
  const known = await knownContentHashes(
    deps.db,
    items.map((item) => item.dedupKey),
  );
  const fresh = items.filter((item) => known.get(item.dedupKey) !== item.contentHash);
  // PostgreSQL first: if Redis loses the jobs, the reconciler finds them here, with the batch each was queued in.
  const batches = batchesOf(
    fresh.map((item) => processJobFor(item, source)),
    deps.batchSize ?? defaultBatchSize,
  );
  await recordPendingEntries(
    deps.db,
    batches.flatMap((batch) => {
      const queuedAs = batchJobId(batch.entries);
      return batch.entries.map((entry) => ({
        dedupKey: entry.item.dedupKey,
        sourceId: source.id,
        contentHash: entry.item.contentHash,
        job: { ...entry, queuedAs },
      }));
    }),
  );
  const jobs = await enqueueProcessJobs(deps.processQueue, batches, deps.lane);
  return {
    entries: feed.entries.length,
    rejected: normalised.rejected,
    filtered: dropped.length,
    dropped,
    unchanged: items.length - fresh.length,
    jobs,
    enqueued: fresh.length,
    decodeWarning: feed.decodeWarning ?? null,
  };
}

/** Why an item is kept out of the newsfeed, or null when it stays: not news, or (filtered sources) not privacy. */
function dropReason(item: NormalisedItem, filtersRelevance: boolean): DroppedEntry['reason'] | null {
  const page = newsPageVerdict({ title: item.title, summary: item.summary });
  if (!page.news) return page.reason;
  if (!filtersRelevance) return null;
  const relevant = privacyRelevance({
    title: item.title,
    summary: item.summary,
    categories: item.labels.categories ?? [],
  }).relevant;
  return relevant ? null : 'not-privacy';
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
