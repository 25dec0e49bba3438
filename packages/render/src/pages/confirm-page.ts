import { html } from '../html.ts';
import { renderPage } from './layout.ts';

/**
 * The page a confirmation link opens: a button, because a link scanner's GET must not confirm
 * (the button's POST does).
 */
export function renderConfirmPage(confirm: { actionUrl: string }): string {
  return renderPage({
    title: 'Confirm your subscription',
    body: html`<p>Confirm that you want the Regwatch roundup every Friday at this address.</p>
<form method="post" action="${confirm.actionUrl}">
<button type="submit">Confirm my subscription</button>
</form>`,
  });
}

/** After the confirmation (or a second one): where to change the choices. */
export function renderConfirmedPage(confirmed: { manageUrl: string; already: boolean }): string {
  return renderPage({
    title: confirmed.already ? 'Already confirmed' : 'Subscription confirmed',
    body: html`<p class="notice" role="status">${
      confirmed.already
        ? 'This subscription was already confirmed: nothing has changed.'
        : 'Thank you: the roundup will arrive every Friday morning.'
    }</p>
<p><a href="${confirmed.manageUrl}">Change what you receive</a> (every roundup email links there too).</p>`,
  });
}
