import { xmlSafeCharacters } from './characters.ts';

/**
 * HTML we wrote or sanitised ourselves. Only `html` and `trustedHtml` make one, so a plain string
 * can never be mistaken for markup.
 */
export class SafeHtml {
  readonly #markup: string;

  constructor(markup: string) {
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

/** Marks markup that already went through the sanitiser (or is a constant of our own). */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(xmlSafeCharacters(markup));
}

export type HtmlValue = string | SafeHtml | readonly SafeHtml[] | null | undefined;

export function escapeHtml(text: string): string {
  return xmlSafeCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Tagged template for HTML fragments: strings interpolated are escaped (text and quoted
 * attribute values alike), SafeHtml values are inserted as they are, null and undefined are empty.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += toMarkup(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(markup);
}

function toMarkup(value: HtmlValue): string {
  if (value == null) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (value instanceof SafeHtml) return value.toString();
  return value.map((part) => part.toString()).join('');
}

/** Plain text as HTML: blank lines separate paragraphs, single line breaks stay line breaks. */
export function textToHtml(text: string): SafeHtml {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  return html`${paragraphs.map((paragraph) => html`<p>${lineBreaks(paragraph)}</p>`)}`;
}

function lineBreaks(paragraph: string): SafeHtml[] {
  return paragraph.split('\n').map((line, index) => (index === 0 ? html`${line}` : html`<br>${line}`));
}
