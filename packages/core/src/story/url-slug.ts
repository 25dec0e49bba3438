/**
 * The words of an article URL's slug (`/2014/03/10/mtgox-files-bankruptcy-us/` → `mtgox files
 * bankruptcy us`). Outlets build slugs from the headline, often the full one before a feed cut it,
 * and sometimes from a plainer one than a punning headline: evidence for story matching, read
 * without fetching anything.
 */

/** Fewest words a path segment needs to be read as a slug (shorter ones are sections and ids). */
const minSlugWords = 3;

/** Words of a path segment: split on hyphens, underscores and plus signs, file extension dropped. */
function segmentWords(segment: string): string[] {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape: read the segment as it is.
  }
  return decoded
    .replace(/\.(?:s?html?|php|aspx?|jsp|cms|story|ece|stm)$/i, '')
    .split(/[-_+]+/)
    .filter((word) => word.length > 0);
}

/**
 * A word of a slug that could come from a headline: letters and digits, not an opaque id. Ids
 * carry long runs of digits (`248986891`, `cm333648`, `idINBREA290VH20140310`); numbers in
 * headlines are short (`600`, `2014`, `1080p`, `23andme`).
 */
function isHeadlineWord(word: string): boolean {
  if (!/^[\p{L}\p{N}][\p{L}\p{N}'’.]*$/u.test(word)) return false;
  return word.replace(/\D/g, '').length <= 4;
}

/** A slug's words without a leading or trailing number: outlets put article ids there (`6122-the-bachelor-…`). */
function withoutIds(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && /^\d+$/.test(words[start] ?? '')) start += 1;
  while (end > start && /^\d+$/.test(words[end - 1] ?? '')) end -= 1;
  return words.slice(start, end);
}

/**
 * The slug's words as text (space-separated, as the URL spelled them), or '' when no path segment
 * reads as a slug. The segment with the most headline words wins; ties go to the later segment.
 */
export function urlSlugText(url: string | null | undefined): string {
  if (!url) return '';
  let path: string;
  try {
    path = new URL(url.replace(/\\(?=[?&])/g, '')).pathname;
  } catch {
    return '';
  }
  let best: string[] = [];
  for (const segment of path.split('/')) {
    const words = segmentWords(segment);
    if (words.length < minSlugWords) continue;
    const headlineWords = withoutIds(words.filter(isHeadlineWord));
    // Mostly ids or codes: not a slug.
    if (headlineWords.length < minSlugWords || headlineWords.length * 2 < words.length) continue;
    if (headlineWords.length >= best.length) best = headlineWords;
  }
  return best.join(' ');
}
