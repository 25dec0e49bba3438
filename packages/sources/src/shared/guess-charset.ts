import { analyse } from 'chardet';

/**
 * How much of a document the detector reads. Its statistics settle within a few thousand
 * letters; reading a 10 MiB feed whole would only cost time.
 */
const sampleBytes = 256 * 1024;

/**
 * The lowest chardet confidence taken as a detection. chardet gives the CJK multi-byte
 * encodings 10 for a handful of stray high bytes (one curly quote in ASCII), which is no
 * evidence; real text in a legacy charset scores 35 and more here once markup is removed.
 */
const minimumConfidence = 20;

/** Detections that are no legacy charset: UTF-8 and UTF-16/32 are decided before detection, by their own rules. */
const notLegacy = /^(ascii|utf-|iso_2022$)/i;

/**
 * The text a detector should see: markup, entities and URLs out. chardet scores single-byte
 * charsets by letter n-grams, and the ASCII of tags ("channel", "title", "http") outweighs a
 * few Cyrillic titles: a KOI8-R feed with its markup scored ISO-8859-1 first, without it KOI8-R.
 * Read as latin1 so every byte maps to one character and back unchanged.
 */
function textOnly(bytes: Uint8Array): Buffer {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, sampleBytes)).toString(
    'latin1',
  );
  const text = sample
    .replace(/<!\[CDATA\[|\]\]>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#?[A-Za-z0-9]+;/g, ' ')
    .replace(/\b(https?|ftp):\/\/\S+/g, ' ');
  return Buffer.from(text, 'latin1');
}

/**
 * The charset a document without a usable declaration is most likely in, by chardet (ICU's
 * detector), as chardet names it (`KOI8-R`, `windows-1251`, `ISO-8859-1`); null when nothing
 * scores high enough to be more than a guess.
 */
export function guessCharset(bytes: Uint8Array): string | null {
  const best = analyse(textOnly(bytes)).find((match) => !notLegacy.test(match.name));
  return best && best.confidence >= minimumConfidence ? best.name : null;
}
