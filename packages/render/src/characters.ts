/**
 * Code points XML 1.0 forbids (C0 controls other than tab, newline and carriage return; U+FFFE,
 * U+FFFF) plus the C1 controls, which XML 1.0 allows but which only ever reach us as mojibake
 * and which XML 1.1 readers refuse unescaped.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const forbiddenCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with every character an XML 1.0 document (or a strict JSON reader) cannot carry
 * removed: forbidden controls, non-characters and lone surrogates. Emoji and other astral
 * characters (valid surrogate pairs) are kept.
 */
export function xmlSafeCharacters(text: string): string {
  return text.replace(forbiddenCharacters, '').replace(loneSurrogates, '');
}
