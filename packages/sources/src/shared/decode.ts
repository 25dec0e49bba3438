import { TextDecoder } from 'node:util';

/** How many leading bytes are searched for an in-document charset declaration. */
const declarationWindow = 2_048;

function labelFromBom(bytes: Uint8Array): { label: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  // No BOM, but an XML document starts with "<?" and UTF-16 shows as interleaved zero bytes
  // (XML 1.0 appendix F). Checked here because such bytes are also valid UTF-8.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00)
    return { label: 'utf-16le', skip: 0 };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f)
    return { label: 'utf-16be', skip: 0 };
  return null;
}

/** The `charset` parameter of a Content-Type header. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
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

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (char) => windows1252High[char.charCodeAt(0) - 0x80] ?? char);
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
 * Decodes a fetched document to text. A byte-order mark decides first. Otherwise, bytes that
 * are well-formed UTF-8 are read as UTF-8 whatever the declarations say: declarations lie
 * (a prolog saying windows-1252 over UTF-8 bytes is common), while legacy-encoded text that
 * happens to be valid UTF-8 is vanishingly rare. Other bytes are read in the charset declared
 * by, in order, the HTTP Content-Type header, the XML prolog or the HTML `<meta>`; with no
 * usable declaration, as windows-1252, which maps every byte. So text that was decodable
 * never turns into U+FFFD.
 */
export function decodeDocument(bytes: Uint8Array, contentType?: string | null): { text: string; encoding: string } {
  const bom = labelFromBom(bytes);
  if (bom) {
    return { text: new TextDecoder(bom.label).decode(bytes.subarray(bom.skip)), encoding: bom.label };
  }
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  const declared = decoderFor(charsetFromContentType(contentType)) ?? decoderFor(labelFromDeclaration(bytes));
  // A UTF-8 or UTF-16 label on bytes that are neither (no BOM, not valid UTF-8) is a mislabel.
  const usable = declared && declared.encoding !== 'utf-8' && !declared.encoding.startsWith('utf-16');
  if (usable && declared.encoding !== 'windows-1252')
    return { text: declared.decode(bytes), encoding: declared.encoding };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}
