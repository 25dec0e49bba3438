import type { RoundupPreferences } from '@regwatch/core';
import { html } from '../html.ts';
import { type EditionPreview, editionPreviewSection } from './edition-preview.ts';
import { renderPage } from './layout.ts';
import { preferencesFields, preferencesInWords } from './preferences-fields.ts';

/**
 * A subscriber's preferences form (the link in every roundup email), what the latest edition
 * would have held for them, and a button to unsubscribe. `saved` shows the notice after a save;
 * `error` a refused one.
 */
export function renderManagePage(manage: {
  actionUrl: string;
  unsubscribeUrl: string;
  preferences: RoundupPreferences;
  preview: EditionPreview;
  pending: boolean;
  saved?: boolean;
  error?: string;
}): string {
  const notice = manage.saved
    ? html`<p class="notice" role="status">Saved: from the next edition you receive ${preferencesInWords(manage.preferences)}.</p>`
    : manage.error
      ? html`<p class="error" role="alert">${manage.error}</p>`
      : null;
  const pending = manage.pending
    ? html`<p>This subscription is not confirmed yet: use the link in the confirmation email.</p>`
    : null;
  return renderPage({
    title: 'Your roundup',
    body: html`${notice}${pending}<p>You receive: ${preferencesInWords(manage.preferences)}.</p>
<form method="post" action="${manage.actionUrl}">
${preferencesFields(manage.preferences)}
<button type="submit">Save my choices</button>
</form>
${editionPreviewSection(manage.preview)}
<section aria-labelledby="leave-heading">
<h2 id="leave-heading">Leave</h2>
<form method="post" action="${manage.unsubscribeUrl}">
<button type="submit" class="secondary">Unsubscribe</button>
</form>
</section>`,
  });
}
