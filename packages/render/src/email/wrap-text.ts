/** Length in code points (what a terminal shows as columns for the text we send, near enough). */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // The high half of a surrogate pair and the low half after it are one character.
    if (unit < 0xdc00 || unit > 0xdfff) count++;
  }
  return count;
}

/**
 * Plain text wrapped at `width` columns (counted in code points), each line starting with
 * `indent`. A word longer than the line (a URL) gets a line of its own and is never broken.
 */
export function wrapText(text: string, width = 78, indent = ''): string[] {
  const lines: string[] = [];
  const indentLength = codePoints(indent);
  let line = '';
  let length = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const wordLength = codePoints(word);
    if (line === '') {
      line = indent + word;
      length = indentLength + wordLength;
    } else if (length + 1 + wordLength > width) {
      lines.push(line);
      line = indent + word;
      length = indentLength + wordLength;
    } else {
      line += ` ${word}`;
      length += 1 + wordLength;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
