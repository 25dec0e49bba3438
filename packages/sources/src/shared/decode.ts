import { TextDecoder } from 'node:util';

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

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null; // Unknown label: fall through to the next source of truth.
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

/** True when the bytes are well-formed UTF-8 (pure ASCII included). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The charset a document declares, in the order `decodeDocument` trusts them: a byte-order mark
 * (or the zero-byte pattern of UTF-16/32 XML), the HTTP Content-Type, the XML prolog or HTML `<meta>`.
 */
export function declaredCharset(bytes: Uint8Array, contentType?: string | null): string | null {
  return labelFromBom(bytes)?.label ?? charsetFromContentType(contentType) ?? labelFromDeclaration(bytes);
}

/**
 * Decodes a fetched document to text. A byte-order mark decides first. Otherwise, bytes that
 * are well-formed UTF-8 are read as UTF-8 whatever the declarations say: declarations lie
 * (a prolog saying windows-1252 over UTF-8 bytes is common), while legacy-encoded text that
 * happens to be valid UTF-8 is vanishingly rare. Other bytes are read in the charset declared
 * by, in order, the HTTP Content-Type header, the XML prolog or the HTML `<meta>`; with no
 * usable declaration, as windows-1252, which maps every byte. So text that was decodable
 * never turns into U+FFFD. C1 controls are read as windows-1252 in every case (`demoronize`).
 */
export function decodeDocument(bytes: Uint8Array, contentType?: string | null): { text: string; encoding: string } {
  const bom = labelFromBom(bytes);
  if (bom) return { text: demoronize(decodeWithBom(bytes, bom)), encoding: bom.label };
  if (isUtf8(bytes)) return { text: demoronize(new TextDecoder('utf-8').decode(bytes)), encoding: 'utf-8' };
  const declared = decoderFor(charsetFromContentType(contentType)) ?? decoderFor(labelFromDeclaration(bytes));
  // A UTF-8 or UTF-16 label on bytes that are neither (no BOM, not valid UTF-8) is a mislabel.
  const usable = declared && declared.encoding !== 'utf-8' && !declared.encoding.startsWith('utf-16');
  if (usable && declared.encoding !== 'windows-1252')
    return { text: demoronize(declared.decode(bytes)), encoding: declared.encoding };
  return { text: demoronize(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
}
