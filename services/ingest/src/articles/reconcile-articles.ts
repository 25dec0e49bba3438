import { articlePagesToRequest, type Db } from '@regwatch/db';
import { type ArticleJob, articleJobId, enqueueArticleJob } from '@regwatch/queue';
import type { Queue } from 'bullmq';

/**
 * Makes the article queue agree with PostgreSQL: every item whose source reads article pages
 * and whose page was not asked for (a job Redis lost; a source switched to `when-empty` after
 * its items were stored) or was left half done is queued again. A job the queue gave up on is
 * replaced; `article_pages` still bounds the fetches per entry version. Returns how many were queued.
 */
export async function reconcileArticlePages(
  db: Db,
  queue: Queue<ArticleJob>,
  options: { graceMs: number; limit?: number; now?: Date },
): Promise<number> {
  const now = options.now ?? new Date();
  const requests = await articlePagesToRequest(db, {
    before: new Date(now.getTime() - options.graceMs),
    limit: options.limit ?? 500,
  });
  let queued = 0;
  for (const request of requests) {
    const existing = await queue.getJob(articleJobId(request));
    if (existing && !(await existing.isFailed())) continue;
    await existing?.remove();
    await enqueueArticleJob(queue, request);
    queued += 1;
  }
  return queued;
}
