/** Marks PostgreSQL's ts_headline is asked to put around matches and between fragments. */
export const matchStart = '\u0002';
export const matchEnd = '\u0003';
export const fragmentBreak = '\u0004';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A search snippet as safe HTML: the text escaped, then the match marks turned into <mark> and
 * fragment breaks into an ellipsis. Stored text never holds these control characters
 * (`cleanText` removes them), so only the marks PostgreSQL put there become tags.
 */
export function markedToHtml(marked: string): string {
  return marked
    .replace(/[&<>"']/g, (character) => escapes[character] ?? character)
    .replaceAll(matchStart, '<mark>')
    .replaceAll(matchEnd, '</mark>')
    .replaceAll(fragmentBreak, ' … ');
}
