import { isRetryableArticleFailure, RegwatchError, withArticleText } from '@regwatch/core';
import {
  type ArticlePageOutcome,
  type ArticleTarget,
  articleTarget,
  claimArticlePage,
  type Db,
  recordArticlePage,
  storedItem,
} from '@regwatch/db';
import type { ArticleJob } from '@regwatch/queue';
import { decodeDocument, extractArticleText } from '@regwatch/sources';
import type { FetchDispatcher } from '../fetch/dispatcher.ts';
import { type FetchLimits, fetchDocument } from '../fetch/fetch-document.ts';
import { processEntry } from '../process/index.ts';
import { articleFetchUrl } from './article-url.ts';

export interface ArticleDeps {
  db: Db;
  dispatcher: FetchDispatcher;
  limits: FetchLimits;
  now?: () => Date;
}

/** Fetches of one page for one entry version, retries included. */
export const articleMaxAttempts = 3;

export type ArticleSummary =
  | { status: 'skipped'; reason: string }
  | { status: 'extracted'; chars: number; storyId: string | null }
  | { status: 'not-modified' }
  | { status: 'no-article' }
  | { status: 'failed'; code: string; message: string; retryable: boolean };

/** Media types an article page may have; anything else (a PDF, an image) has no text to read here. */
const htmlType = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;

/**
 * Reads one item's article page and uses its text: claim the fetch (once per version of the
 * item's entry), fetch it through the same guarded fetcher and dispatcher as polls (SSRF guard,
 * size cap, timeout, per-host limit, conditional GET from the page's stored validators), extract
 * its main text, rebuild the item's summary, tags and story features from it, then record the
 * outcome. A failure is recorded; a transient one is thrown so the queue retries it, up to
 * `articleMaxAttempts` fetches in all.
 */
export async function fetchArticle(deps: ArticleDeps, job: ArticleJob): Promise<ArticleSummary> {
  const target = await articleTarget(deps.db, job.itemId, job.dedupKey, job.links ?? []);
  if (!target) return { status: 'skipped', reason: 'the item is gone or its text is now another entry’s' };
  if (target.item.url === null) return { status: 'skipped', reason: 'the item has no link' };
  let url: string;
  try {
    url = articleFetchUrl(target.item.url, { url: target.sourceUrl, linkBase: target.linkBase });
  } catch {
    return { status: 'skipped', reason: 'the item link is not a URL' };
  }
  const claim = await claimArticlePage(deps.db, {
    itemId: job.itemId,
    url,
    entryHash: job.entryHash,
    maxAttempts: articleMaxAttempts,
  });
  if (!claim.claimed) return { status: 'skipped', reason: 'already fetched for this version of the entry' };

  const now = () => (deps.now ?? (() => new Date()))();
  const previous = target.page;
  // A stored outcome to fall back on makes the fetch conditional; a failure or a claim does not.
  const validators =
    previous && previous.url === url && (previous.status === 'extracted' || previous.status === 'no-article')
      ? { etag: previous.etag, lastModified: previous.lastModified }
      : undefined;
  try {
    const fetched = await fetchDocument({ url, ...(validators ? { validators } : {}) }, deps.limits, deps.dispatcher);
    if (fetched.kind === 'not-modified') {
      // The page is as it was: its stored text stands, and goes back on the item if a new entry version wiped it.
      if (previous?.text) await useText(deps.db, target, job.itemId, previous.text);
      await recordArticlePage(deps.db, job.itemId, { status: 'not-modified' }, now());
      return { status: 'not-modified' };
    }
    const page =
      fetched.contentType === null || htmlType.test(fetched.contentType)
        ? extractArticleText(decodeDocument(fetched.body, fetched.contentType).text, fetched.url)
        : null;
    const outcome: ArticlePageOutcome = {
      status: page ? 'extracted' : 'no-article',
      httpStatus: fetched.status,
      etag: fetched.validators.etag,
      lastModified: fetched.validators.lastModified,
      title: page?.title ?? null,
      text: page?.text ?? null,
    };
    // The item first, then the record: a crash in between leaves a claim that a retry may take again.
    const applied = page ? await useText(deps.db, target, job.itemId, page.text) : undefined;
    await recordArticlePage(deps.db, job.itemId, outcome, now());
    return page
      ? { status: 'extracted', chars: page.text.length, storyId: applied?.storyId ?? null }
      : { status: 'no-article' };
  } catch (error) {
    if (!(error instanceof RegwatchError)) throw error;
    const httpStatus = typeof error.details.status === 'number' ? error.details.status : null;
    const retryable = isRetryableArticleFailure(error.code, httpStatus) && claim.attempt < articleMaxAttempts;
    await recordArticlePage(
      deps.db,
      job.itemId,
      { status: 'failed', errorCode: error.code, error: error.message, retryable, httpStatus },
      now(),
    );
    // Thrown only when another attempt is left: the queue retries it with backoff.
    if (retryable) throw error;
    return { status: 'failed', code: error.code, message: error.message, retryable };
  }
}

/**
 * Rebuilds the item's summary, content, tags and story features from the page's text, through
 * the processing step as a stored item with a new text (it keeps its story).
 */
async function useText(db: Db, target: ArticleTarget, itemId: string, pageText: string) {
  const text = withArticleText(target.item, pageText);
  const stored = await storedItem(db, itemId);
  if (!stored || stored.dedupKey !== target.item.dedupKey) return undefined;
  const result = await processEntry({ db }, { kind: 'stored', item: stored, text });
  return { storyId: result.storyId };
}
