import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { guessCharset } from './guess-charset.ts';

/** How many leading bytes are searched for an in-document charset declaration. */
const declarationWindow = 2_048;

function labelFromBom(bytes: Uint8Array): { label: string; skip: number } | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { label: 'utf-8', skip: 3 };
  // UTF-32 before UTF-16: the UTF-32LE mark starts with the UTF-16LE one.
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { label: 'utf-32be', skip: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { label: 'utf-32le', skip: 4 };
  if (b0 === 0xfe && b1 === 0xff) return { label: 'utf-16be', skip: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { label: 'utf-16le', skip: 2 };
  // No BOM, but an XML document starts with "<" (or "<?") and UTF-16/32 show as zero bytes around it
  // (XML 1.0 appendix F). Checked here because such bytes are also valid UTF-8.
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return { label: 'utf-32be', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return { label: 'utf-32le', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return { label: 'utf-16le', skip: 0 };
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return { label: 'utf-16be', skip: 0 };
  return null;
}

/** UTF-32, which TextDecoder (the WHATWG Encoding Standard) does not know. Invalid code points become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let codePoints: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const codePoint = view.getUint32(i, littleEndian);
    const valid = codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    codePoints.push(valid ? codePoint : 0xfffd);
    // fromCodePoint takes its code points as arguments: keep the argument list short.
    if (codePoints.length === 8_192) {
      parts.push(String.fromCodePoint(...codePoints));
      codePoints = [];
    }
  }
  if (bytes.length % 4 !== 0) codePoints.push(0xfffd);
  parts.push(String.fromCodePoint(...codePoints));
  return parts.join('');
}

function decodeWithBom(bytes: Uint8Array, bom: { label: string; skip: number }): string {
  const body = bytes.subarray(bom.skip);
  if (bom.label === 'utf-32le' || bom.label === 'utf-32be') return decodeUtf32(body, bom.label === 'utf-32le');
  return new TextDecoder(bom.label).decode(body);
}

/** The `charset` parameter of a Content-Type header. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  // Quoted with " or ' (servers send both), possibly with spaces around the `=`.
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

function labelFromDeclaration(bytes: Uint8Array): string | null {
  // Declarations are ASCII in every ASCII-compatible encoding, so latin1 reads them safely.
  const head = Buffer.from(bytes.subarray(0, declarationWindow)).toString('latin1');
  const prolog = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (prolog?.[1]) return prolog[1];
  const meta =
    /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([^"'\s;]+)/i.exec(head);
  return meta?.[1] ?? null;
}

export function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null; // Unknown (or unsupported, like ISO-2022-KR) label: fall through to the next source of truth.
  }
}

/**
 * windows-1252's 0x80–0x9F block (curly quotes, dashes, €). Node's TextDecoder decodes
 * windows-1252 as ISO-8859-1 and leaves these as C1 controls (nodejs/node#56542), so they
 * are mapped here. The five undefined bytes stay as they are.
 */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Maps C1 controls (U+0080–U+009F) to what windows-1252 puts at those bytes. No feed means a C1
 * control: in UTF-8 or UTF-16 text they are windows-1252 punctuation that was transcoded as if it
 * were ISO-8859-1 ("don\u0092t" for "don’t"); feedparser repairs them the same way.
 */
export function demoronize(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (char) => windows1252High[char.charCodeAt(0) - 0x80] ?? char);
}

/**
 * The charset a document declares, in the order `decodeDocument` trusts them: a byte-order mark
 * (or the zero-byte pattern of UTF-16/32 XML), the HTTP Content-Type, the XML prolog or HTML `<meta>`.
 */
export function declaredCharset(bytes: Uint8Array, contentType?: string | null): string | null {
  return labelFromBom(bytes)?.label ?? charsetFromContentType(contentType) ?? labelFromDeclaration(bytes);
}

/**
 * Reads bytes that are not well-formed UTF-8 as UTF-8 anyway, counting what that costs: the
 * invalid sequences (each becomes U+FFFD, as the Encoding Standard says) and the well-formed
 * non-ASCII characters that make UTF-8 the likely encoding all the same.
 */
function readLenientUtf8(bytes: Uint8Array): { text: string; invalid: number; nonAscii: number } {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replacements = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80 || (unit >= 0xdc00 && unit <= 0xdfff)) continue; // ASCII, or the second half of a pair.
    if (unit === 0xfffd) replacements += 1;
    else nonAscii += 1;
  }
  // A U+FFFD the document itself encodes (EF BF BD) is text, not a repair.
  const written = countOccurrences(bytes, replacementCharacterBytes);
  return { text, invalid: replacements - written, nonAscii: nonAscii + written };
}

const replacementCharacterBytes = Buffer.from([0xef, 0xbf, 0xbd]);

function countOccurrences(bytes: Uint8Array, needle: Buffer): number {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A fetched document as text, with what had to be guessed or repaired to read it (null when nothing). */
export interface DecodedDocument {
  text: string;
  /** The encoding read, as TextDecoder names it (`utf-8`, `koi8-r`, `windows-1252`). */
  encoding: string;
  /** Said to editors on the source: "no declared encoding; decoded as KOI8-R (detected)". */
  warning: string | null;
}

/**
 * Decodes a fetched document to text. A byte-order mark decides first. Otherwise, bytes that
 * are well-formed UTF-8 are read as UTF-8 whatever the declarations say: declarations lie
 * (a prolog saying windows-1252 over UTF-8 bytes is common), while legacy-encoded text that
 * happens to be valid UTF-8 is vanishingly rare. So is legacy text with more well-formed
 * UTF-8 characters than invalid sequences: a UTF-8 document with a few stray bytes stays
 * UTF-8, those bytes becoming U+FFFD, and is not read whole as another encoding. Other bytes
 * are read in the charset declared by, in order, the HTTP Content-Type header, the XML prolog
 * or the HTML `<meta>`; with no usable declaration, in the charset a detector recognises
 * (chardet), else as windows-1252, which maps every byte. C1 controls are read as
 * windows-1252 in every case (`demoronize`). Every guess and every repair is named in `warning`.
 */
export function decodeDocument(bytes: Uint8Array, contentType?: string | null): DecodedDocument {
  const bom = labelFromBom(bytes);
  if (bom) {
    const text = demoronize(decodeWithBom(bytes, bom));
    // Only UTF-8 is checked: U+FFFD in UTF-16/32 text read through a BOM is rare enough to trust.
    const repaired = bom.label === 'utf-8' && !isUtf8(bytes.subarray(bom.skip));
    const invalid = repaired ? readLenientUtf8(bytes.subarray(bom.skip)).invalid : 0;
    return {
      text,
      encoding: bom.label,
      warning: repaired ? `${plural(invalid, 'invalid UTF-8 sequence')} replaced` : null,
    };
  }
  if (isUtf8(bytes))
    return { text: demoronize(new TextDecoder('utf-8').decode(bytes)), encoding: 'utf-8', warning: null };

  const utf8 = readLenientUtf8(bytes);
  if (utf8.nonAscii > utf8.invalid) {
    return {
      text: demoronize(utf8.text),
      encoding: 'utf-8',
      warning: `${plural(utf8.invalid, 'invalid UTF-8 sequence')} replaced`,
    };
  }

  const labels = [charsetFromContentType(contentType), labelFromDeclaration(bytes)].filter((label) => label !== null);
  const declaredLabel = labels.find((label) => decoderFor(label) !== null) ?? null;
  const declared = decoderFor(declaredLabel);
  // A UTF-8 or UTF-16 label on bytes that are neither (no BOM, not UTF-8) is a mislabel.
  const mislabelled = declared !== null && (declared.encoding === 'utf-8' || declared.encoding.startsWith('utf-16'));
  if (declared && !mislabelled)
    return { text: demoronize(declared.decode(bytes)), encoding: declared.encoding, warning: null };

  const why = mislabelled
    ? `declared ${declaredLabel} but not valid ${declared.encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'}`
    : labels.length > 0
      ? `unknown declared encoding "${labels[0]}"`
      : 'no declared encoding';
  const guess = guessCharset(bytes);
  const detected = guess ? decoderFor(guess) : null;
  if (guess && detected) {
    return {
      text: demoronize(detected.decode(bytes)),
      encoding: detected.encoding,
      warning: `${why}; decoded as ${guess} (detected)`,
    };
  }
  return {
    text: demoronize(new TextDecoder('windows-1252').decode(bytes)),
    encoding: 'windows-1252',
    warning: `${why}; decoded as windows-1252 (assumed)`,
  };
}
