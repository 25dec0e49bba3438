import { calendarDate, rfc3339 } from './dates.ts';
import { type PreparedEntry, prepareFeed } from './entries.ts';
import { html, type SafeHtml } from './html.ts';
import type { FeedDocument } from './types.ts';

/**
 * A feed as a web page: what a feed's channel link (RSS <link>, Atom rel=alternate, JSON Feed
 * home_page_url) opens in a browser. The same prepared entries as every feed format, so the page
 * cannot disagree with the feed; no script and no style (the API's CSP allows neither), links to
 * the feed in each format and `<link rel="alternate">` so a reader given the page finds the feed.
 */

function entryArticle(entry: PreparedEntry): SafeHtml {
  const title = entry.link === null ? html`${entry.title}` : html`<a href="${entry.link}">${entry.title}</a>`;
  const byline = entry.authors.length > 0 ? html` · ${entry.authors.join(', ')}` : null;
  // lang="" says "unknown" rather than letting the page's English apply.
  return html`<article lang="${entry.language ?? ''}">
<h2>${title}</h2>
<p><time datetime="${rfc3339(entry.published)}">${calendarDate(entry.published)}</time>${byline}</p>
${entry.contentHtml}
</article>
`;
}

/** An HTML5 page listing the feed's entries, newest first as given, with links to subscribe. */
export function renderFeedPage(doc: FeedDocument): string {
  const feed = prepareFeed(doc);
  const discovery = feed.alternates.map(
    (
      alternate,
    ) => html`<link rel="alternate" type="${alternate.type}" title="${alternate.title}" href="${alternate.href}">
`,
  );
  const subscribe = feed.alternates.map((alternate, index) =>
    index === 0
      ? html`<a href="${alternate.href}">${alternate.title}</a>`
      : html` · <a href="${alternate.href}">${alternate.title}</a>`,
  );
  const entries = feed.entries.length > 0 ? feed.entries.map(entryArticle) : [html`<p>Nothing yet.</p>\n`];
  return html`<!doctype html>
<html lang="${feed.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${feed.title}</title>
${discovery}</head>
<body>
<header>
<h1>${feed.title}</h1>
<p>${feed.description}</p>
${subscribe.length > 0 ? html`<p>Subscribe: ${subscribe}</p>\n` : null}</header>
<main>
${entries}</main>
</body>
</html>
`.toString();
}
