// What the content audit counts on one stored item: the faults a DPO notices when reading a
// newsfeed. Each check is a plain predicate so the audit's table can say exactly what it counted.

/** An HTML entity left as text (`&nbsp;`, `&#8217;`, `&amp;`): the reader sees the code. */
export function hasLiteralEntity(text: string): boolean {
  return /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i.test(text);
}

/**
 * A feed's "there is more" tail: `[…]`, `[...]`, `.…`, a bare `...`, or a "read more" link in
 * any language the sources publish in. A summary cut by Regwatch ends at a sentence instead.
 */
export function hasTruncationTail(text: string): boolean {
  const end = text.trimEnd();
  return (
    /\[\s*(?:…|\.{3})\s*\]$/.test(end) ||
    /\.\s*…$/.test(end) ||
    /(?<!\.)\.{3}$/.test(end) ||
    /\b(?:read more|continue reading|lire la suite|en savoir plus|weiterlesen|mehr lesen|lees verder|leer más|seguir leyendo|leggi tutto|continua a leggere|preberi več)\W*$/i.test(
      end,
    )
  );
}

const sentenceEnd = /[.!?…:;)\]"'”’»]$/u;

const ellipsisTail = /\s*(?:\[\s*(?:…|\.{3})\s*\]|…|\.{3})$/u;

/**
 * The summary was cut from a longer text before a sentence ended: it is shorter than the
 * entry's own text and its last character is no sentence end. A summary that stops where a
 * line or paragraph of that text stops was not cut: a subtitle, a list item or a labelled field
 * ends without a full stop, and the summariser keeps whole paragraphs or whole lines.
 */
export function cutMidSentence(summary: string, sourceText: string): boolean {
  const end = singleLine(summary.trimEnd().replace(ellipsisTail, ''));
  if (end.length === 0 || sentenceEnd.test(end)) return false;
  if (singleLine(sourceText).length <= end.length + 1) return false;
  const sourceLines = sourceText.split('\n').map(singleLine).filter(Boolean);
  const lastLine = singleLine(summary.trimEnd().split('\n').at(-1) ?? '');
  if (sourceLines.includes(lastLine)) return false;
  let paragraphs = '';
  for (const line of sourceLines) {
    paragraphs = paragraphs ? `${paragraphs} ${line}` : line;
    if (paragraphs === end) return false;
    if (paragraphs.length > end.length) break;
  }
  return true;
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The summary stops inside a word of the text it was cut from: the summary (less any ellipsis)
 * is where the entry's own text goes on with a letter. Only decidable when that text is longer
 * than the summary and starts with it.
 */
export function cutMidWord(summary: string, sourceText: string): boolean {
  const stem = summary.trimEnd().replace(ellipsisTail, '').replace(/\s+/g, ' ');
  const whole = sourceText.replace(/\s+/g, ' ').trim();
  if (stem.length < 20 || whole.length <= stem.length || !whole.startsWith(stem)) return false;
  const before = stem.at(-1) ?? '';
  const after = whole.charAt(stem.length);
  return /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after);
}

/** Words of a title, as a reader counts them (letters or digits between spaces). */
export function titleWordCount(title: string): number {
  return title.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
