/// <reference path="./mjml.d.ts" />
import mjml2html from 'mjml';
import { confirmationMjml, roundupMjml } from './sources.ts';

export interface CompiledEmailTemplates {
  roundup: string;
  confirmation: string;
}

async function compile(name: string, mjml: string): Promise<string> {
  // `fonts: {}`: MJML links Google Fonts for the faces it knows (Roboto is in our stack); nothing may load from the network.
  const { html, errors } = await mjml2html(mjml, { validationLevel: 'strict', fonts: {}, keepComments: true });
  if (errors.length > 0) throw new Error(`${name} email MJML: ${errors.map((e) => e.formattedMessage).join('; ')}`);
  // Indentation and blank lines are a third of MJML's output; no element here is whitespace-sensitive.
  return html
    .replace(/^[ \t]+/gm, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{2,}/g, '\n');
}

/** The emails' fixed parts as HTML with `%%NAME%%` slots (what `compiled.json` holds). */
export async function compileEmailTemplates(): Promise<CompiledEmailTemplates> {
  return {
    roundup: await compile('roundup', roundupMjml),
    confirmation: await compile('confirmation', confirmationMjml),
  };
}
