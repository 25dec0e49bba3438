import { html, type SafeHtml } from '../../html.ts';
import { type ConsolePageContext, consoleForm } from './layout.ts';

/** /console/roundup: the next edition's preview (an iframe of its email HTML) and the note's form. */
export function consoleRoundupBody(
  context: ConsolePageContext,
  edition: { week: string; storyCount: number; note: string; previewUrl: string },
): SafeHtml {
  return html`<p>The edition of <strong>${edition.week}</strong> is built on Friday morning from the stories stored by then: ${String(edition.storyCount)} ${edition.storyCount === 1 ? 'story' : 'stories'} so far.</p>
<section aria-labelledby="note-heading">
<h2 id="note-heading">The editor’s note</h2>
${consoleForm(
  { action: '/console/roundup/note', csrfToken: context.csrfToken, label: 'The editor’s note' },
  html`<input type="hidden" name="week" value="${edition.week}">
<div class="field"><label for="note">Note at the top of ${edition.week}</label>
<p class="hint" id="note-hint">Plain text; a blank line starts a new paragraph. Leave it empty for no note.</p>
<textarea id="note" name="note" aria-describedby="note-hint" maxlength="2000">${edition.note}</textarea></div>
<button type="submit">Save the note</button>`,
)}
</section>
<section aria-labelledby="preview-heading">
<h2 id="preview-heading">Preview</h2>
<p><a href="${edition.previewUrl}">Open the preview on its own</a></p>
<iframe src="${edition.previewUrl}" title="Preview of the ${edition.week} edition"></iframe>
</section>`;
}
