import type { TagDimension } from '@regwatch/core';
import { tagDimensions } from '@regwatch/core';
import { html, type SafeHtml } from '../../html.ts';
import { addTagForm, itemForms, mergeForm, removeTagForm, storyTextForm } from './story-forms.ts';
import { type ConsoleFormContext, type ConsoleStoryView, dimensionNames } from './story-view.ts';

/** Where a story's tag came from: an editor (who, when) or the taggers reading its items. */
function tagEvidence(story: ConsoleStoryView, dimension: TagDimension, tag: string): string {
  const byEditor = story.editorTags.find(
    (edit) => edit.dimension === dimension && edit.id === tag && edit.change === 'add',
  );
  if (!byEditor) return 'from its items (taggers)';
  return `added by ${byEditor.editor.replace(/^editor:/, '')} on ${byEditor.at.slice(0, 10)}`;
}

function tagSection(story: ConsoleStoryView, context: ConsoleFormContext): SafeHtml {
  const rows = tagDimensions.map((dimension) => {
    const tags = story[dimension];
    const removed = story.editorTags.filter((edit) => edit.dimension === dimension && edit.change === 'remove');
    return html`<h3>${dimensionNames[dimension]}</h3>
${tags.length === 0 ? html`<p>None.</p>` : html``}
<ul>${tags.map((tag) => html`<li><strong>${tag}</strong>: ${tagEvidence(story, dimension, tag)} ${removeTagForm(context, dimension, tag)}</li>`)}</ul>
${removed.map((edit) => html`<p class="hint">${edit.id} removed by ${edit.editor.replace(/^editor:/, '')} on ${edit.at.slice(0, 10)}</p>`)}`;
  });
  return html`<section aria-labelledby="tags-heading"><h2 id="tags-heading">Tags</h2>${rows}${addTagForm(context)}</section>`;
}

/**
 * The body of the console's story page (`/console/stories/:id`): the story with its items, tags
 * and their evidence, and a form for each correction. The console's layout wraps it.
 */
export function renderConsoleStory(story: ConsoleStoryView, context: ConsoleFormContext): SafeHtml {
  const items = story.items.map(
    (
      item,
    ) => html`<li class="story"><p><strong>${item.url ? html`<a href="${item.url}">${item.title}</a>` : item.title}</strong></p>
<p>${item.sourceName} · <time datetime="${item.publishedAt}">${item.publishedAt.slice(0, 10)}</time> · item ${item.id}</p>
${itemForms(item, context)}</li>`,
  );
  return html`<p>${story.summary}</p>
<p class="hint">Story ${story.id}${story.editorText ? ' · title and summary written by an editor' : ''}</p>
<section aria-labelledby="text-heading"><h2 id="text-heading">Title and summary</h2>${storyTextForm(story, context)}</section>
<section aria-labelledby="items-heading"><h2 id="items-heading">Items</h2><ol>${items}</ol></section>
${tagSection(story, context)}
<section aria-labelledby="merge-heading"><h2 id="merge-heading">Merge</h2>${mergeForm(context)}</section>`;
}
