import { describe, expect, it } from 'vitest';
import { isRetryableArticleFailure, needsArticlePage, withArticleText } from '../src/item/article-page.ts';

// Issue 11, "Article pages": which entries have their page read, what a failure means, and what
// the page's text changes on the item.
describe('needsArticlePage', () => {
  const empty = { summary: '', url: 'https://www.autoriteitpersoonsgegevens.nl/actueel/x' };
  const withText = { summary: 'De AP heeft een boete opgelegd.', url: empty.url };

  it("reads the page of an entry without text for 'when-empty', of every entry for 'always', of none for 'never'", () => {
    expect(needsArticlePage('when-empty', empty)).toBe(true);
    expect(needsArticlePage('when-empty', { ...empty, summary: '  ' })).toBe(true);
    expect(needsArticlePage('when-empty', withText)).toBe(false);
    expect(needsArticlePage('always', withText)).toBe(true);
    expect(needsArticlePage('never', empty)).toBe(false);
  });

  it('never for an entry without a link', () => {
    expect(needsArticlePage('always', { summary: '', url: null })).toBe(false);
  });
});

describe('isRetryableArticleFailure', () => {
  it('retries timeouts, network errors, 408, 429 and 5xx; not 404, 410, a refused address or an oversize page', () => {
    expect(isRetryableArticleFailure('fetch_timeout', null)).toBe(true);
    expect(isRetryableArticleFailure('fetch_network', null)).toBe(true);
    for (const status of [408, 429, 500, 503])
      expect(isRetryableArticleFailure('fetch_http_status', status)).toBe(true);
    for (const status of [403, 404, 410]) expect(isRetryableArticleFailure('fetch_http_status', status)).toBe(false);
    for (const code of ['fetch_blocked_address', 'fetch_too_large', 'fetch_too_many_redirects', 'fetch_bad_url'])
      expect(isRetryableArticleFailure(code, null)).toBe(false);
  });
});

describe('withArticleText', () => {
  const page =
    'De Autoriteit Persoonsgegevens (AP) wil weten wat organisaties vinden van een conceptlijst. ' +
    'Tot en met 5 augustus 2026 kan iedereen reageren.\n\nEen DPIA is een instrument om risico’s in kaart te brengen.';

  it('builds the summary of an empty entry from the page, cut at a sentence end, and takes the page as content', () => {
    const text = withArticleText({ title: 'AP vraagt reacties', summary: '', content: '' }, page);
    expect(text.summary).toMatch(/^De Autoriteit Persoonsgegevens \(AP\) wil weten/);
    expect(text.summary).toMatch(/\.$/);
    expect(text.content).toBe(page);
  });

  it('keeps what the entry said: its summary, and its content when longer', () => {
    const entry = { title: 't', summary: 'Eigen samenvatting.', content: 'x'.repeat(page.length + 1) };
    expect(withArticleText(entry, page)).toEqual({ summary: entry.summary, content: entry.content });
  });
});
