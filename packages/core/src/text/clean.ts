import { Parser } from 'htmlparser2';

/** Elements whose text is never prose (code, styles, embedded documents). */
const skippedElements = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'head']);

/** Elements that end a line of text when rendered. */
const blockElements = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/**
 * Text a reader would see in an HTML fragment: tags removed, entities decoded, block elements
 * turned into line breaks, script/style dropped. Plain text passes through (entities decoded).
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return cleanText(html);
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (skippedElements.has(name)) skipDepth += 1;
        else if (blockElements.has(name)) parts.push('\n');
      },
      onclosetag(name, implied) {
        if (skippedElements.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (blockElements.has(name) && !implied) parts.push('\n');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return cleanText(parts.join(''));
}

/** C0 and C1 controls except tab, newline and carriage return, and the two non-characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/**
 * Unicode-normalised text safe to store and to put in XML: NFC, no C0/C1 controls other than
 * newline, no lone surrogates or non-characters, runs of spaces collapsed, at most one blank
 * line between paragraphs.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(controlCharacters, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000 ]+/g, ' ')
    .replace(/[\u00AD\u200B\uFEFF]/g, '')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of text: all whitespace, including line breaks, collapsed to single spaces. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts text to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const base = lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut;
  // Never end on the high half of a surrogate pair.
  return `${base.replace(/[\uD800-\uDBFF]$/, '').trimEnd()}…`;
}
