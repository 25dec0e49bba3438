import { readableDate, rfc3339 } from '../dates.ts';
import { prepareFeed } from '../entries.ts';
import { html } from '../html.ts';
import type { FeedDocument } from '../types.ts';
import { renderPage } from './layout.ts';

/**
 * A feed opened in a browser (a navigation to a feed URL): the feed's title, its address to
 * paste into a reader, and its entries, in the site's layout. The same prepared entries as the
 * feed itself, so the page cannot disagree with it. Works in every browser (the XSL stylesheet
 * does the same for those that still run XSLT).
 */
export function renderFeedViewPage(doc: FeedDocument, format: string): string {
  const feed = prepareFeed(doc);
  const entries = feed.entries.map(
    (entry) => html`<li><article>
<h3>${entry.link === null ? entry.title : html`<a href="${entry.link}">${entry.title}</a>`}</h3>
<p class="meta"><time datetime="${rfc3339(entry.published)}">${readableDate(entry.published)}</time>${entry.authors.length > 0 ? html` · ${entry.authors.join(', ')}` : null}</p>
${entry.summary === '' ? null : html`<p>${entry.summary}</p>`}
</article></li>
`,
  );
  return renderPage({
    section: 'newsfeed',
    title: feed.title,
    body: html`<p class="notice">This is ${/^[AEIOU]|^RSS/.test(format) ? 'an' : 'a'} ${format} feed. To follow it, paste its address into a feed reader.</p>
<div class="field"><label for="feed-url">Feed address</label>
<input type="text" id="feed-url" readonly value="${feed.selfUrl}"></div>
<p>Read it as a page: <a href="${feed.homeUrl}">the newsfeed with the same filter</a>.</p>
<h2>Latest entries</h2>
${entries.length === 0 ? html`<p>Nothing yet.</p>` : html`<ol class="stories">${entries}</ol>`}`,
  });
}
