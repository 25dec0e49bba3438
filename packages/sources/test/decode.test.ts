import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../src/index.ts';

const testdata = (name: string) => readFileSync(new URL(`../testdata/feed/${name}`, import.meta.url));
const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('decodeDocument', () => {
  it('takes the charset from the HTTP header for non-UTF-8 bytes', () => {
    const { text, encoding } = decodeDocument(latin1('<rss><title>Café</title></rss>'), 'text/xml; charset=ISO-8859-1');
    expect(text).toContain('Café');
    expect(encoding).toBe('windows-1252');
  });

  it('takes the charset from the XML prolog when the header has none', () => {
    const { text } = decodeDocument(testdata('koi8r.xml'), 'application/rss+xml');
    expect(text).toContain('Пример RSS ленты');
  });

  it('prefers the header to the prolog', () => {
    const bytes = Buffer.concat([latin1('<?xml version="1.0" encoding="koi8-r"?><t>'), latin1('Café'), latin1('</t>')]);
    expect(decodeDocument(bytes, 'text/xml; charset=iso-8859-1').text).toContain('Café');
  });

  it('reads UTF-8 bytes as UTF-8 when the prolog lies (Miniflux fixtures)', () => {
    expect(decodeDocument(testdata('windows-1252-incorrect-prolog.xml')).text).toContain('Euro €');
    expect(decodeDocument(testdata('utf8-incorrect-prolog.xml')).text).toContain('Café');
  });

  it('reads a real ISO-8859-1 feed with German umlauts', () => {
    const { text } = decodeDocument(testdata('iso-8859-1.xml'));
    expect(text).not.toContain('\uFFFD');
    expect(text).toMatch(/[äöüß]/);
  });

  it('honours a byte-order mark over everything else', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>Zoë</t>', 'utf16le')]);
    expect(decodeDocument(utf16, 'text/xml; charset=iso-8859-1').text).toBe('<t>Zoë</t>');
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<t>Zoë</t>')]);
    expect(decodeDocument(utf8).text).toBe('<t>Zoë</t>');
  });

  it('recognises UTF-16 without a BOM from the XML declaration', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="utf-16"?><t>Zoë</t>', 'utf16le');
    expect(decodeDocument(bytes).text).toBe('<?xml version="1.0" encoding="utf-16"?><t>Zoë</t>');
  });

  it('never produces U+FFFD for bytes that are decodable: undeclared legacy text is windows-1252', () => {
    const { text, encoding } = decodeDocument(latin1('<t>“Quoted” na\u00efve</t>'.replace(/[“”]/g, '"')));
    expect(encoding).toBe('windows-1252');
    expect(text).toBe('<t>"Quoted" naïve</t>');
    expect(decodeDocument(Buffer.from([0x3c, 0x74, 0x3e, 0x93, 0x48, 0x69, 0x94, 0x3c, 0x2f, 0x74, 0x3e])).text).toBe(
      '<t>“Hi”</t>',
    );
    expect(decodeDocument(Buffer.from([0x80, 0x20, 0x9f])).text).toBe('€ Ÿ');
  });

  it('ignores an unknown or UTF-8 label on bytes that are not UTF-8', () => {
    expect(decodeDocument(latin1('<t>Café</t>'), 'text/xml; charset=utf-8').text).toBe('<t>Café</t>');
    expect(decodeDocument(latin1('<t>Café</t>'), 'text/xml; charset=x-bogus').text).toBe('<t>Café</t>');
  });
});
