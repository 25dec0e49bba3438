import { summarise } from '../text/summary.ts';
import type { ArticlePageMode, NormalisedItem } from '../types.ts';
import { itemLimits } from './normalise.ts';

/**
 * Whether an entry's article page is read, by its source's setting: `when-empty` only when the
 * entry gave no text (its summary is empty only then: a summary is made from the content when
 * the description has none), `always` for every entry, `never` for none. An entry without a
 * link has no page.
 */
export function needsArticlePage(mode: ArticlePageMode, item: Pick<NormalisedItem, 'summary' | 'url'>): boolean {
  if (item.url === null || mode === 'never') return false;
  return mode === 'always' || item.summary.trim() === '';
}

/**
 * Whether a failed article fetch is worth another attempt: a timeout, a network error, a 408,
 * 429 or 5xx. A 404, a refused address, an oversize page or too many redirects fail the same
 * way every time, so they are recorded once and left.
 */
export function isRetryableArticleFailure(code: string, httpStatus: number | null): boolean {
  if (code === 'fetch_timeout' || code === 'fetch_network') return true;
  if (code !== 'fetch_http_status' || httpStatus === null) return false;
  return httpStatus === 408 || httpStatus === 429 || httpStatus >= 500;
}

/**
 * An item's text once its article page was read: the summary is rebuilt from the page (through
 * the same `summarise` as every feed entry) when the entry gave none, and the page's text
 * becomes the content when the entry's is shorter. What the entry itself said is kept.
 */
export function withArticleText(
  item: Pick<NormalisedItem, 'title' | 'summary' | 'content'>,
  pageText: string,
): { summary: string; content: string } {
  const content = pageText.slice(0, itemLimits.contentChars);
  return {
    summary: item.summary || summarise(pageText, { title: item.title, maxChars: itemLimits.summaryChars }),
    content: item.content.length >= content.length ? item.content : content,
  };
}
