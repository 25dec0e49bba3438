import { absoluteHttpUrl, cleanText, singleLine } from '@regwatch/core';

/** Caller text as one clean line (titles, names): core's cleaning, whitespace collapsed. */
export function plainLine(text: string): string {
  return singleLine(cleanText(text));
}

/** A URL the caller must get right (the feed's own, OPML's): absolute http(s), or a thrown error. */
export function requiredHttpUrl(value: string, what: string): string {
  const url = absoluteHttpUrl(value);
  if (url === null) throw new RangeError(`${what} must be an absolute http(s) URL: ${JSON.stringify(value)}`);
  return url;
}
