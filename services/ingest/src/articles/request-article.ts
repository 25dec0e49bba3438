import { type ArticlePageMode, type NormalisedItem, needsArticlePage } from '@regwatch/core';
import { type Db, getSource, type StoreResult } from '@regwatch/db';
import { type ArticleJob, enqueueArticleJob, type ProcessEntryJob } from '@regwatch/queue';
import type { Queue } from 'bullmq';

/**
 * After the processing step stored an entry: queues its article page when the source's setting
 * asks for it (`fetchArticlePages`) and the entry is the item's own (not an alternate of another
 * item). The same entry version asking again adds nothing (the job id), and the fetch itself runs
 * at most once per version (`article_pages`). Returns whether a page was asked for.
 */
export async function requestArticlePage(
  db: Db,
  queue: Queue<ArticleJob> | undefined,
  payload: ProcessEntryJob,
  item: NormalisedItem,
  stored: StoreResult,
): Promise<boolean> {
  if (queue === undefined || stored.outcome === 'linked') return false;
  // Jobs queued before sources had the setting look it up.
  const mode: ArticlePageMode =
    payload.articlePages ?? (await getSource(db, item.sourceId))?.fetchArticlePages ?? 'never';
  if (!needsArticlePage(mode, item)) return false;
  await enqueueArticleJob(queue, {
    itemId: stored.itemId,
    dedupKey: item.dedupKey,
    entryHash: item.contentHash,
    links: item.links,
  });
  return true;
}
