import { absoluteHttpUrl, confirmTokenLifetimeMs } from '@regwatch/core';
import { html } from '../html.ts';
import { fillTemplate } from './fill-template.ts';
import compiled from './templates/compiled.json' with { type: 'json' };
import { palette } from './templates/palette.ts';
import type { ConfirmationEmailInput, RenderedEmail } from './types.ts';
import { wrapText } from './wrap-text.ts';

const subject = 'Confirm your Regwatch roundup subscription';
const lifetimeDays = Math.round(confirmTokenLifetimeMs / 86_400_000);
const expiry = `The button works for ${lifetimeDays} days.`;
const notYou = 'If this wasn’t you, ignore this email: nothing is sent without confirmation.';

/** The double opt-in message: what was asked for, one button, when it expires, and what ignoring it does. */
export function renderConfirmationEmail(input: ConfirmationEmailInput): RenderedEmail {
  const confirmUrl = absoluteHttpUrl(input.confirmUrl);
  if (confirmUrl === null) throw new Error(`confirmation URL ${JSON.stringify(input.confirmUrl)} is not http(s)`);
  const siteUrl = absoluteHttpUrl(input.siteUrl);
  const asked = `Someone, hopefully you, asked for the Regwatch weekly roundup at this address, with: ${input.preferencesInWords}.`;
  const linkStyle = `color:${palette.link};text-decoration:underline`;
  const htmlPart = fillTemplate(compiled.confirmation, {
    TITLE: html`${subject}`,
    PREHEADER: html`One click confirms the weekly roundup. ${notYou}`,
    ASKED: html`Someone, hopefully you, asked for the Regwatch weekly roundup at this address, with: <strong>${input.preferencesInWords}</strong>.`,
    CONFIRM_URL: html`${confirmUrl}`,
    DETAILS: html`<p style="margin:0 0 12px">${expiry} If it does not work, open this address in your browser:<br><a href="${confirmUrl}" style="${linkStyle};word-break:break-all">${confirmUrl}</a></p><p style="margin:0">${notYou}</p>`,
    FOOTER: siteUrl
      ? html`Regwatch: privacy regulators’ news, once a week. <a href="${siteUrl}" style="color:${palette.muted}">${siteUrl}</a><br>No tracking: this email has no pixels.`
      : html`Regwatch: privacy regulators’ news, once a week.<br>No tracking: this email has no pixels.`,
  });
  const text = [
    subject,
    '',
    ...wrapText(asked),
    '',
    'To confirm, open this address (a page with a button):',
    confirmUrl,
    '',
    ...wrapText(expiry),
    ...wrapText(notYou),
    ...(siteUrl ? ['', '--', 'Regwatch', siteUrl] : []),
  ].join('\n');
  return { subject, html: htmlPart, text: `${text}\n` };
}
