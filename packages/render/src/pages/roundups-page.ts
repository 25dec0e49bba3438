import { html } from '../html.ts';
import { renderPage } from './layout.ts';

/** The published editions, newest first, each linking to its page. */
export function renderRoundupsPage(editions: readonly { week: string; storyCount: number }[]): string {
  const list =
    editions.length === 0
      ? html`<p>No edition has been built yet: the first arrives on Friday morning.</p>`
      : html`<ul>
${editions.map(
  (edition) =>
    html`<li><a href="/roundups/${edition.week}">${edition.week}</a>: ${String(edition.storyCount)} ${edition.storyCount === 1 ? 'story' : 'stories'}</li>
`,
)}</ul>`;
  return renderPage({
    section: 'roundups',
    title: 'Past editions of the roundup',
    body: html`${list}
<p><a href="/subscribe">Receive it every Friday</a>.</p>`,
  });
}
