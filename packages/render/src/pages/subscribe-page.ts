import type { RoundupPreferences } from '@regwatch/core';
import { html } from '../html.ts';
import { renderPage } from './layout.ts';
import { preferencesFields } from './preferences-fields.ts';

/**
 * The sign-up form. After a refused attempt it comes back with the problem on top and what was
 * entered still in place.
 */
export function renderSubscribePage(form: { email?: string; preferences?: RoundupPreferences; error?: string } = {}) {
  const error = form.error ? html`<p class="error" role="alert">${form.error}</p>` : null;
  return renderPage({
    section: 'subscribe',
    title: 'Subscribe to the weekly roundup',
    body: html`<p>Every Friday morning (London time), the week’s privacy news from regulators, incident registers and the trade press, filtered to what you choose. We send a confirmation email first: nothing else arrives until you confirm. We store only your address, your choices and when they changed.</p>
${error}<form method="post" action="/subscribe">
<div class="field">
<label for="email">Email address</label>
<input type="email" id="email" name="email" required maxlength="254" autocomplete="email" value="${form.email ?? ''}">
</div>
${preferencesFields(form.preferences ?? {})}
<button type="submit">Subscribe</button>
</form>`,
  });
}

/** What a sign-up answers, whatever the address (the page never tells whether it was already subscribed). */
export function renderCheckInboxPage(): string {
  return renderPage({
    title: 'Check your inbox',
    body: html`<p class="notice" role="status">If this address can subscribe, a confirmation email is on its way. Nothing is sent until it is confirmed.</p>
<p>The link in it works for 7 days. Nothing arrived? Look in your spam folder, or sign up again tomorrow.</p>`,
  });
}
