import { html, type SafeHtml } from '../../html.ts';
import { renderPage } from '../layout.ts';
import { trustedConsoleStyle } from './style.ts';

/** The console's sections, in the sub-nav's order. Other helpers add theirs here (a key and its link). */
export const consoleSections = [
  { key: 'overview', href: '/console', label: 'Overview' },
  { key: 'stories', href: '/console/stories', label: 'Stories' },
  { key: 'sources', href: '/console/sources', label: 'Sources' },
  { key: 'roundup', href: '/console/roundup', label: 'Next edition' },
  { key: 'audit', href: '/console/audit', label: 'Audit log' },
  { key: 'queues', href: '/console/queues', label: 'Queues' },
] as const;

export type ConsoleSection = (typeof consoleSections)[number]['key'];

/** What every console page knows: who is signed in, the form token, where in the console it is. */
export interface ConsolePageContext {
  editor: { email: string };
  /** The CSRF token every POST form of the page carries (`consoleForm`). */
  csrfToken: string;
  section: ConsoleSection;
}

/** The hidden field of the CSRF token: every console form posts it (the API checks it before the handler). */
export function csrfField(csrfToken: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${csrfToken}">`;
}

/**
 * A POST form of the console: its action, the CSRF field, then `fields` (inputs and a button).
 * `inline` lays a one-button form out in a row of actions.
 */
export function consoleForm(
  form: { action: string; csrfToken: string; inline?: boolean; label?: string },
  fields: SafeHtml,
): SafeHtml {
  return html`<form method="post" action="${form.action}"${form.inline ? html` class="inline"` : null}${form.label ? html` aria-label="${form.label}"` : null}>${csrfField(form.csrfToken)}${fields}</form>`;
}

function consoleNav(context: ConsolePageContext): SafeHtml {
  return html`<nav class="console-nav" aria-label="Console">
<ul>${consoleSections.map(
    (section) =>
      html`<li><a href="${section.href}"${section.key === context.section ? html` aria-current="page"` : null}>${section.label}</a></li>`,
  )}</ul>
</nav>`;
}

/**
 * A console page: the site's layout (renderPage), then the console's styles, the signed-in
 * editor with the sign-out button, the sub-nav, an optional flash message and the page's body.
 */
export function renderConsolePage(
  context: ConsolePageContext,
  page: { title: string; body: SafeHtml; message?: { text: string; tone: 'info' | 'error' } | undefined },
): string {
  const message = page.message
    ? html`<p class="${page.message.tone === 'error' ? 'error' : 'notice'}" role="${page.message.tone === 'error' ? 'alert' : 'status'}">${page.message.text}</p>`
    : null;
  return renderPage({
    title: page.title,
    body: html`<style>${trustedConsoleStyle}</style>
<div class="console-who"><span>Signed in as ${context.editor.email}</span>${consoleForm(
      { action: '/console/logout', csrfToken: context.csrfToken, inline: true },
      html`<button type="submit" class="secondary">Sign out</button>`,
    )}</div>
${consoleNav(context)}
${message}
${page.body}`,
  });
}

/** The sign-in page (no editor yet): the form, and why the last attempt failed if it did. */
export function renderConsoleLoginPage(form: {
  csrfToken: string;
  next: string;
  email?: string;
  problem?: string;
}): string {
  return renderPage({
    title: 'Sign in to the console',
    body: html`<style>${trustedConsoleStyle}</style>
${form.problem ? html`<p class="error" role="alert">${form.problem}</p>` : null}
<form method="post" action="/console/login">
${csrfField(form.csrfToken)}
<input type="hidden" name="next" value="${form.next}">
<div class="field"><label for="email">Email address</label>
<input type="email" id="email" name="email" autocomplete="username" required value="${form.email ?? ''}"></div>
<div class="field"><label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required></div>
<button type="submit">Sign in</button>
</form>
<p class="hint">Editors' accounts are made by an operator: <code>regwatch editor add EMAIL</code>.</p>`,
  });
}
