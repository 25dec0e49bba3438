import { tagItem } from '@regwatch/core';
import { clearPendingEntry, type Db, getSource, type StoreResult, storeItem } from '@regwatch/db';
import type { ArticleJob, ProcessJob } from '@regwatch/queue';
import type { Queue } from 'bullmq';
import { requestArticlePage } from './articles/request-article.ts';

/**
 * Processing step for one queued entry (its payload checked by the worker): tag it (platforms,
 * jurisdictions, topics, with their evidence), store it. Errors are classified by the runtime:
 * data PostgreSQL rejects is permanent, a lost connection or a deadlock is retried. With the
 * article queue, an entry without text whose source reads article pages queues its page.
 */
export async function storeEntry(db: Db, payload: ProcessJob, articleQueue?: Queue<ArticleJob>): Promise<StoreResult> {
  const { publishedAtEstimated, ...queued } = payload.item;
  const item = {
    ...queued,
    links: queued.links ?? [],
    // Jobs queued before dates carried a precision said only whether the date was estimated.
    publishedPrecision: queued.publishedPrecision ?? 'instant',
    publishedFrom: queued.publishedFrom ?? (publishedAtEstimated ? 'first-seen' : 'entry'),
  };
  // Jobs queued before the kind was carried look the source up.
  const sourceKind = payload.sourceKind ?? (await getSource(db, item.sourceId))?.kind;
  const tags = tagItem({
    title: item.title,
    summary: item.summary,
    content: item.content,
    sourceJurisdictions: payload.jurisdictions,
    sourceKind,
    labels: item.labels,
  });
  const result = await storeItem(db, item, { jurisdictions: payload.jurisdictions, tags, sourceKind });
  await requestArticlePage(db, articleQueue, payload, item, result);
  // Stored: no longer pending. A crash before this line leaves a row the reconciler settles.
  await clearPendingEntry(db, item.dedupKey, item.contentHash);
  return result;
}
