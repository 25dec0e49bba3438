import { Readability } from '@mozilla/readability';
import { cleanText, htmlToText } from '@regwatch/core';
import { parseHTML } from 'linkedom';

/** The main text of an article page, as Readability finds it. */
export interface ArticleText {
  /** The article's own title (Readability's, from the page's headings and metadata), or null. */
  title: string | null;
  /** Clean plain text: paragraphs separated by blank lines, entities decoded, no markup. */
  text: string;
}

/**
 * Shortest main text taken as an article. Readability keeps the best block it finds even on a
 * listing or index page; a block shorter than this is a teaser list or a menu, not an article.
 */
export const articleMinChars = 200;

/** Longest text kept of one page: the item's content column holds at most this much (itemLimits). */
const articleMaxChars = 20_000;

/**
 * Extracts the main text of an article page with Mozilla's Readability on a linkedom DOM
 * (pure: no I/O; linkedom runs no scripts and loads nothing). `url` is the page's address, for
 * the relative links Readability resolves. Returns null when the page holds no article (an index
 * page, a bare list of links, an empty or unparseable page).
 */
export function extractArticleText(html: string, url: string): ArticleText | null {
  if (html.trim() === '') return null;
  const { document } = parseHTML(html);
  // linkedom has no document URL; Readability reads it to resolve relative links.
  for (const property of ['documentURI', 'baseURI'] as const) {
    if (!(document as unknown as Record<string, unknown>)[property]) {
      Object.defineProperty(document, property, { value: url, configurable: true });
    }
  }
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: articleMinChars,
    }).parse();
  } catch {
    // A page Readability cannot walk has no article we can read.
    return null;
  }
  if (!article?.content) return null;
  const text = cleanText(htmlToText(article.content)).slice(0, articleMaxChars);
  if (text.length < articleMinChars) return null;
  const title = article.title ? cleanText(article.title).replace(/\s+/g, ' ') : '';
  return { title: title || null, text };
}
