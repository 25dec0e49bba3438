import { type TagDimension, tagDimensions } from '@regwatch/core';
import { html, type SafeHtml } from '../../html.ts';
import { consoleForm } from './layout.ts';
import { type ConsoleFormContext, type ConsoleStoryItem, type ConsoleStoryView, dimensionNames } from './story-view.ts';

// The forms of the console's story page, one per correction (issue 14). Plain POST forms with a
// CSRF token: they work without JavaScript.

/** A form posting under the story page; a labelled one is a landmark, an inline button is not. */
function form(context: ConsoleFormContext, path: string, label: string | null, fields: SafeHtml): SafeHtml {
  const action = `${context.action}${path}`;
  return label === null
    ? consoleForm({ action, csrfToken: context.csrfToken, inline: true }, fields)
    : consoleForm({ action, csrfToken: context.csrfToken, label }, fields);
}

export function storyTextForm(story: ConsoleStoryView, context: ConsoleFormContext): SafeHtml {
  return form(
    context,
    '/text',
    'Edit title and summary',
    html`<div class="field"><label for="story-title">Title</label>
<input id="story-title" name="title" type="text" required maxlength="500" value="${story.title}"></div>
<div class="field"><label for="story-summary">Summary</label>
<textarea id="story-summary" name="summary" rows="4" maxlength="5000">${story.summary}</textarea></div>
<button type="submit">Save title and summary</button>`,
  );
}

export function mergeForm(context: ConsoleFormContext): SafeHtml {
  return form(
    context,
    '/merge',
    'Merge another story into this one',
    html`<div class="field"><label for="merge-other">Story to merge into this one (its id)</label>
<p class="hint" id="merge-hint">Its items join this story; its address then leads here.</p>
<input id="merge-other" name="other" type="text" inputmode="numeric" pattern="[0-9]+" required aria-describedby="merge-hint"></div>
<button type="submit">Merge</button>`,
  );
}

export function addTagForm(context: ConsoleFormContext): SafeHtml {
  const options = tagDimensions.map(
    (dimension) => html`<option value="${dimension}">${dimensionNames[dimension]}</option>`,
  );
  return form(
    context,
    '/tags',
    'Add a tag',
    html`<input type="hidden" name="change" value="add">
<div class="field"><label for="tag-dimension">Kind of tag</label>
<select id="tag-dimension" name="dimension">${options}</select></div>
<div class="field"><label for="tag-id">Tag</label>
<p class="hint" id="tag-hint">A platform slug (linkedin), a jurisdiction code (GB, US-CA, EU) or a topic id.</p>
<input id="tag-id" name="tag" type="text" required pattern="[A-Za-z0-9][A-Za-z0-9_\\-]*" aria-describedby="tag-hint"></div>
<button type="submit">Add tag</button>`,
  );
}

export function removeTagForm(context: ConsoleFormContext, dimension: TagDimension, tag: string): SafeHtml {
  return form(
    context,
    '/tags',
    null,
    html`<input type="hidden" name="change" value="remove">
<input type="hidden" name="dimension" value="${dimension}">
<input type="hidden" name="tag" value="${tag}">
<button type="submit" class="secondary">Remove ${tag}</button>`,
  );
}

/** The corrections of one item: move it to another story or out, take it down, mark it not news. */
export function itemForms(item: ConsoleStoryItem, context: ConsoleFormContext): SafeHtml {
  const path = `/items/${item.id}`;
  return html`${form(
    context,
    `${path}/move`,
    `Move item ${item.id} to another story`,
    html`<div class="field"><label for="move-${item.id}">Move to story (its id)</label>
<input id="move-${item.id}" name="to" type="text" inputmode="numeric" pattern="[0-9]+" required></div>
<button type="submit">Move</button>`,
  )}
${form(context, `${path}/move`, null, html`<button type="submit">Move out into a story of its own</button>`)}
${form(context, `${path}/take-down`, null, html`<button type="submit" class="secondary">Take down</button>`)}
${form(context, `${path}/not-news`, null, html`<button type="submit" class="secondary">Mark not news</button>`)}`;
}
