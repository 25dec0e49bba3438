import { escapeHtml } from '../html.ts';
import type { ConfirmationEmailInput, RenderedEmail } from './types.ts';

// FOUNDATION PLACEHOLDER: the MJML rendering replaces this body (issue 13, helper "mail").

export function renderConfirmationEmail(input: ConfirmationEmailInput): RenderedEmail {
  const text =
    `Confirm your subscription to the Regwatch roundup (${input.preferencesInWords}):\n${input.confirmUrl}\n\n` +
    `If you did not ask for it, ignore this email: nothing is sent without confirmation.\n`;
  return {
    subject: 'Confirm your Regwatch roundup subscription',
    text,
    html: `<!doctype html><pre>${escapeHtml(text)}</pre>`,
  };
}
