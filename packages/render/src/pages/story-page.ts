import type { EditorTag, ItemTags, TagDimension, TagEvidence } from '@regwatch/core';
import { html, type SafeHtml } from '../html.ts';
import { renderPage } from './layout.ts';
import {
  dateTime,
  outletLink,
  type PageStory,
  type PageStoryItem,
  storyDates,
  tagLinks,
  tagName,
} from './story-parts.ts';

export interface StoryPageInput {
  story: PageStory;
  /** Why each item carries its tags, by item id (items stored before tagging have none). */
  evidence: ReadonlyMap<string, ItemTags>;
  /** Where every item is listed when the page shows only the first ones. */
  allItemsUrl: string;
  /** The tags editors added or removed (`stories.editor_tags`): an added one is evidenced as an editor's. */
  editorTags?: readonly EditorTag[];
}

/** Items a story page lists (and so their evidence): enough for any real story, small enough for the page cap. */
export const storyPageItemLimit = 40;
/** Pieces of evidence shown per tag, across its items. */
const evidencePerTag = 8;

const fieldNames: Record<TagEvidence['field'], string> = {
  title: 'the title',
  lead: 'the first paragraph',
  body: 'the text',
  source: 'the source’s settings',
  labels: 'the source’s own labels',
};

function itemEntry(item: PageStoryItem): SafeHtml {
  const alternates = item.alternates ?? [];
  return html`<li><article aria-labelledby="item-${item.id}">
<h3 id="item-${item.id}">${outletLink(item.url, item.title)}</h3>
<p class="meta">${item.source.name} · ${dateTime(item.publishedAt, item.publishedPrecision)}</p>
${item.summary === '' ? null : html`<p>${item.summary}</p>`}
${
  alternates.length === 0
    ? null
    : html`<p>Also seen at:</p><ul class="outlets">${alternates.map(
        (alternate) => html`<li>${outletLink(alternate.url, alternate.url)} (${alternate.sourceId})</li>`,
      )}</ul>`
}
</article></li>
`;
}

type Dimension = 'jurisdiction' | 'platform' | 'topic';
const dimensions: [Dimension, keyof ItemTags & TagDimension, string][] = [
  ['jurisdiction', 'jurisdictions', 'Jurisdictions'],
  ['platform', 'platforms', 'Platforms'],
  ['topic', 'topics', 'Topics'],
];

/** Each tag of the story with what matched, where, and in which outlet's item. */
function evidenceList(input: StoryPageInput, items: readonly PageStoryItem[]): SafeHtml {
  const groups = dimensions.flatMap(([dimension, key, heading]) => {
    const ids = input.story[key];
    if (ids.length === 0) return [];
    const tags = ids.map((id) => {
      const pieces = items.flatMap((item) =>
        (input.evidence.get(item.id)?.[key].find((tag) => tag.id === id)?.evidence ?? []).map((evidence) => ({
          item,
          evidence,
        })),
      );
      const shown = pieces
        .slice(0, evidencePerTag)
        .map(
          ({ item, evidence }) =>
            html`<li>“${evidence.phrase}” in ${fieldNames[evidence.field] ?? evidence.field} of ${item.source.name}’s item (rule: ${evidence.rule})</li>`,
        );
      const more = pieces.length - shown.length;
      // Readers see that an editor added it and when, not which editor (their address stays in the console).
      const byEditor = input.editorTags?.find(
        (edit) => edit.dimension === key && edit.id === id && edit.change === 'add',
      );
      const listed = byEditor ? [html`<li>Added by an editor on ${dateTime(byEditor.at)}</li>`, ...shown] : shown;
      return html`<dt><a href="/?${dimension}=${encodeURIComponent(id)}">${tagName(dimension, id)}</a> (${id})</dt>
<dd>${
        listed.length === 0
          ? html`No recorded evidence (tagged before evidence was kept).`
          : html`<ul>${listed}${more > 0 ? html`<li>and ${String(more)} more</li>` : null}</ul>`
      }</dd>
`;
    });
    return [html`<h3>${heading}</h3><dl>${tags}</dl>`];
  });
  return groups.length === 0 ? html`<p>This story has no tags.</p>` : html`${groups}`;
}

/** `/stories/:id`: the story, every item with its alternates, and the evidence behind each tag. */
export function renderStoryPage(input: StoryPageInput): string {
  const { story } = input;
  const items = story.items.slice(0, storyPageItemLimit);
  const more = story.itemCount - items.length;
  return renderPage({
    section: 'newsfeed',
    title: story.title,
    body: html`<p class="meta">${storyDates(story)} · ${String(story.itemCount)} ${story.itemCount === 1 ? 'article' : 'articles'}</p>
${story.summary === '' ? null : html`<p>${story.summary}</p>`}
${tagLinks(story)}
<section aria-labelledby="items-heading">
<h2 id="items-heading">Every outlet’s article</h2>
<ol class="stories">
${items.map(itemEntry)}</ol>
${more > 0 ? html`<p>${String(more)} more: <a href="${input.allItemsUrl}">every item, as JSON</a>.</p>` : null}
</section>
<section aria-labelledby="tags-heading">
<h2 id="tags-heading">Why it carries its tags</h2>
${evidenceList(input, items)}
</section>
<p><a href="/">Back to the newsfeed</a></p>`,
  });
}
