/**
 * Plain text wrapped at `width` columns (counted in code points), each line starting with
 * `indent`. A word longer than the line (a URL) gets a line of its own and is never broken.
 */
export function wrapText(text: string, width = 78, indent = ''): string[] {
  const words = text.split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  const length = (value: string) => [...value].length;
  for (const word of words) {
    const candidate = line === '' ? indent + word : `${line} ${word}`;
    if (line !== '' && length(candidate) > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
