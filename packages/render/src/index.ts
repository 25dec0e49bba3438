export { xmlSafeCharacters } from './characters.ts';
export { type SafeHtml, textToHtml } from './html.ts';
export { linkTarget, sanitiseHtml } from './sanitise.ts';
