import { TextDecoder } from 'node:util';

/** How many leading bytes are searched for an in-document charset declaration. */
const declarationWindow = 2_048;

function labelFromBom(bytes: Uint8Array): { label: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
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

function isUtf16(decoder: TextDecoder): boolean {
  return decoder.encoding.startsWith('utf-16');
}

/**
 * Decodes a fetched document to text, taking the charset from, in order: a byte-order mark,
 * the HTTP Content-Type header, the XML prolog or HTML `<meta>`, then UTF-8. Declarations lie
 * (a header saying latin1 on a UTF-8 body): when the chosen charset produces replacement
 * characters and the bytes are valid UTF-8, UTF-8 is used instead; bytes that are not valid in
 * their declared charset nor in UTF-8 are read as windows-1252, which maps every byte, so no
 * decodable text is lost to U+FFFD.
 */
export function decodeDocument(bytes: Uint8Array, contentType?: string | null): { text: string; encoding: string } {
  const bom = labelFromBom(bytes);
  if (bom) {
    return { text: new TextDecoder(bom.label).decode(bytes.subarray(bom.skip)), encoding: bom.label };
  }
  const declared =
    decoderFor(charsetFromContentType(contentType)) ??
    decoderFor(labelFromDeclaration(bytes)) ??
    new TextDecoder('utf-8');
  // A UTF-16 label on a body without a BOM is almost always a mislabelled ASCII-compatible body.
  const decoder = isUtf16(declared) ? new TextDecoder('utf-8') : declared;
  const text = decoder.decode(bytes);
  if (!text.includes('\uFFFD')) return { text, encoding: decoder.encoding };
  if (decoder.encoding !== 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      // Not UTF-8 either: keep the declared reading.
      return { text, encoding: decoder.encoding };
    }
  }
  // Invalid UTF-8 with no declaration. If some multi-byte sequences were valid, it is UTF-8 with
  // stray bytes (keep it: re-reading as windows-1252 would garble every valid character);
  // if none were, it is a legacy single-byte encoding, and windows-1252 is the usual one.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "all of ASCII", controls included.
  if (/[^\u0000-\u007F\uFFFD]/.test(text)) return { text, encoding: 'utf-8' };
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}
