import { truncate } from '@regwatch/core';
import { html, type SafeHtml } from '../html.ts';
import { renderPage } from './layout.ts';
import { outletLink, type PageStory, storyDates, tagLinks } from './story-parts.ts';

/** One choice of a filter: the value the filter language takes, and what a person reads. */
export interface FilterChoice {
  value: string;
  label: string;
}

/** The filter language's parameters as the page was asked for them (`/?jurisdiction=GB`). */
export interface NewsfeedFilter {
  jurisdiction?: string | undefined;
  platform?: string | undefined;
  topic?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  source?: string | undefined;
  expand?: boolean | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

export interface NewsfeedPage {
  /** What the list holds, e.g. `Stories of the last 7 days`. */
  heading: string;
  stories: readonly PageStory[];
  filter: NewsfeedFilter;
  choices: {
    jurisdiction: readonly FilterChoice[];
    platform: readonly FilterChoice[];
    topic: readonly FilterChoice[];
    kind: readonly FilterChoice[];
  };
  /** The next page back (`/?…&cursor=…`), when there is one. */
  olderUrl: string | null;
  /** The same filter as feeds (absolute URLs) and as the weekly email's form. */
  subscribe: { rss: string; atom: string; json: string; email: string };
}

/** Outlets a story lists on the newsfeed; the story's page lists them all. */
export const newsfeedOutlets = 5;
/** Characters of a story's summary on the newsfeed. */
const summaryChars = 400;

function storyEntry(story: PageStory): SafeHtml {
  const outlets = story.items
    .slice(0, newsfeedOutlets)
    .map((item) => html`<li>${item.source.name}: ${outletLink(item.url, item.title)}</li>`);
  const more = story.itemCount - outlets.length;
  return html`<li><article aria-labelledby="story-${story.id}">
<h3 id="story-${story.id}"><a href="/stories/${story.id}">${story.title}</a></h3>
<p class="meta">${storyDates(story)} · ${String(story.itemCount)} ${story.itemCount === 1 ? 'article' : 'articles'}</p>
${story.summary === '' ? null : html`<p>${truncate(story.summary, summaryChars)}</p>`}
${outlets.length === 0 ? null : html`<ul class="outlets">${outlets}${more > 0 ? html`<li><a href="/stories/${story.id}">${String(more)} more</a></li>` : null}</ul>`}
${tagLinks(story)}
</article></li>
`;
}

function select(
  name: keyof NewsfeedPage['choices'],
  label: string,
  choices: readonly FilterChoice[],
  current?: string,
) {
  const options = choices.map((choice) =>
    choice.value === current
      ? html`<option value="${choice.value}" selected>${choice.label}</option>`
      : html`<option value="${choice.value}">${choice.label}</option>`,
  );
  return html`<div class="field"><label for="${name}">${label}</label>
<select id="${name}" name="${name}"><option value="">Any</option>${options}</select></div>
`;
}

/** Parameters the form has no control for are carried over as they were asked for. */
function carried(filter: NewsfeedFilter): SafeHtml[] {
  const hidden: SafeHtml[] = [];
  for (const name of ['source', 'since', 'until'] as const) {
    const value = filter[name];
    if (value !== undefined) hidden.push(html`<input type="hidden" name="${name}" value="${value}">`);
  }
  if (filter.expand) hidden.push(html`<input type="hidden" name="expand" value="true">`);
  return hidden;
}

function filterForm(page: NewsfeedPage): SafeHtml {
  const { filter, choices } = page;
  return html`<form method="get" action="/" role="search" aria-label="Filter the stories">
<div class="filters">
${select('jurisdiction', 'Jurisdiction', choices.jurisdiction, filter.jurisdiction)}${select('platform', 'Platform', choices.platform, filter.platform)}${select('topic', 'Topic', choices.topic, filter.topic)}${select('kind', 'Source kind', choices.kind, filter.kind)}</div>
<div class="field"><label for="q">Search</label>
<input type="search" id="q" name="q" maxlength="200" value="${filter.q ?? ''}"></div>
${carried(filter)}<button type="submit">Show stories</button>
</form>`;
}

function subscribeBox(page: NewsfeedPage): SafeHtml {
  const { subscribe } = page;
  return html`<section aria-labelledby="subscribe-heading">
<h2 id="subscribe-heading">Subscribe to this</h2>
<p>In a feed reader (paste the address): <a href="${subscribe.rss}">RSS</a> · <a href="${subscribe.atom}">Atom</a> · <a href="${subscribe.json}">JSON Feed</a></p>
<p class="meta"><code>${subscribe.rss}</code></p>
<p>Every feed at once, to import into a reader (OPML): <a href="/feeds/opml">by jurisdiction</a> · <a href="/feeds/opml/topics">by topic</a> · <a href="/feeds/opml/platforms">by platform</a></p>
<p>By email, every Friday: <a href="${subscribe.email}">the weekly roundup for this filter</a>${page.filter.q === undefined ? null : html` (the email takes no search words)`}.</p>
</section>`;
}

/** `/`: the filter form, the stories newest first, the way back to older ones, and how to subscribe. */
export function renderNewsfeedPage(page: NewsfeedPage): string {
  const list =
    page.stories.length === 0
      ? html`<p>No stories match.</p>`
      : html`<ol class="stories">
${page.stories.map(storyEntry)}</ol>`;
  const older = page.olderUrl === null ? null : html`<p><a href="${page.olderUrl}" rel="next">Older stories</a></p>`;
  return renderPage({
    section: 'newsfeed',
    title: 'Privacy regulators’ newsfeed',
    body: html`${filterForm(page)}
<section aria-labelledby="stories-heading">
<h2 id="stories-heading">${page.heading}</h2>
${list}
${older}
</section>
${subscribeBox(page)}`,
  });
}
