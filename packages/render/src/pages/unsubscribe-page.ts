import { html } from '../html.ts';
import { renderPage } from './layout.ts';

/** What an unsubscribe link opens: a button (a GET changes nothing; the POST unsubscribes). */
export function renderUnsubscribePage(unsubscribe: { actionUrl: string }): string {
  return renderPage({
    title: 'Unsubscribe',
    body: html`<p>Stop the weekly roundup at this address. Nothing else will be sent to it.</p>
<form method="post" action="${unsubscribe.actionUrl}">
<button type="submit">Unsubscribe</button>
</form>`,
  });
}

export function renderUnsubscribedPage(): string {
  return renderPage({
    title: 'You are unsubscribed',
    body: html`<p class="notice" role="status">You are unsubscribed: no more roundups will be sent to this address.</p>
<p>Changed your mind? <a href="/subscribe">Subscribe again</a>.</p>`,
  });
}
