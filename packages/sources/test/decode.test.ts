import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeDocument, feedAdapter } from '../src/index.ts';
import { declaredCharset } from '../src/shared/decode.ts';

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

  // Issue 3: cases from feedparser-tests/tests/encoding, checked by hand, as inline bytes.
  describe('on feedparser’s encoding cases', () => {
    const utf32 = (text: string, littleEndian: boolean) => {
      const chars = [...text];
      const bytes = Buffer.alloc(chars.length * 4);
      chars.forEach((char, i) => {
        const codePoint = char.codePointAt(0) ?? 0;
        if (littleEndian) bytes.writeUInt32LE(codePoint, i * 4);
        else bytes.writeUInt32BE(codePoint, i * 4);
      });
      return bytes;
    };
    const doc = '<?xml version="1.0" encoding="utf-32"?><rss><title>Zoë 😀</title></rss>';

    it('reads UTF-32 with a byte-order mark (utf-32be-bom.xml, utf-32le-bom.xml), which TextDecoder lacks', () => {
      const be = Buffer.concat([Buffer.from([0x00, 0x00, 0xfe, 0xff]), utf32(doc, false)]);
      const le = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), utf32(doc, true)]);
      expect(decodeDocument(be)).toEqual({ text: doc, encoding: 'utf-32be', warning: null });
      // Not UTF-16LE, whose mark is the first two bytes of this one.
      expect(decodeDocument(le)).toEqual({ text: doc, encoding: 'utf-32le', warning: null });
    });

    it('recognises UTF-32 without a BOM from the zero bytes around "<" (utf-32be.xml, utf-32le.xml)', () => {
      expect(decodeDocument(utf32(doc, false))).toEqual({ text: doc, encoding: 'utf-32be', warning: null });
      expect(decodeDocument(utf32(doc, true))).toEqual({ text: doc, encoding: 'utf-32le', warning: null });
    });

    it('turns an invalid UTF-32 code point or a cut-off last unit into U+FFFD, not a crash', () => {
      const bytes = Buffer.concat([
        utf32('<t>', false),
        Buffer.from([0x00, 0x11, 0x00, 0x00]),
        Buffer.from([0x00, 0x00]),
      ]);
      expect(decodeDocument(bytes).text).toBe('<t>\uFFFD\uFFFD');
    });

    it('reads a charset quoted with apostrophes (http_text_atom_xml_charset.xml)', () => {
      const koi8 = Buffer.from([0xf0, 0xd2, 0xc9, 0xcd, 0xc5, 0xd2]); // "Пример"
      expect(decodeDocument(koi8, "text/atom+xml; charset='koi8-r'").text).toBe('Пример');
      expect(decodeDocument(koi8, 'text/atom+xml;charset= "koi8-r"').text).toBe('Пример');
    });

    it('reads EUC-KR declared in the prolog (euc-kr.xml)', () => {
      const bytes = Buffer.concat([
        latin1('<?xml version="1.0" encoding="euc-kr"?><title>'),
        Buffer.from([0xb3, 0xe2]),
        latin1('</title>'),
      ]);
      expect(decodeDocument(bytes).text).toContain('<title>\ub144</title>');
    });

    it('reads windows-1252 from the header (http_text_xml_charset_2.xml)', () => {
      const bytes = latin1('<d>This is a \xa3\x93test.\x94</d>');
      expect(decodeDocument(bytes, 'text/xml; charset=windows-1252').text).toBe('<d>This is a £“test.”</d>');
    });

    it('reads C1 controls in UTF-8 as the windows-1252 punctuation they were (demoronize-1.xml)', () => {
      // U+0092 encoded as UTF-8: a windows-1252 apostrophe transcoded as if it were ISO-8859-1.
      expect(decodeDocument(Buffer.from('<d>don\u0092t</d>')).text).toBe('<d>don’t</d>');
    });

    it('keeps U+FFFD only for bytes that are invalid as declared (bozo_invalid-bytes-with-bom.xml)', () => {
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1('<t>Espa\xf1a</t>')]);
      expect(decodeDocument(bytes).text).toBe('<t>Espa\uFFFDa</t>');
    });

    it('names the declared charset: BOM, then Content-Type, then prolog', () => {
      const prolog = latin1('<?xml version="1.0" encoding="iso-8859-1"?><t/>');
      expect(declaredCharset(prolog)).toBe('iso-8859-1');
      expect(declaredCharset(prolog, 'text/xml; charset="us-ascii"')).toBe('us-ascii');
      expect(declaredCharset(Buffer.concat([Buffer.from([0xfe, 0xff]), prolog]), 'text/xml; charset=us-ascii')).toBe(
        'utf-16be',
      );
      expect(declaredCharset(latin1('<t/>'), 'text/xml')).toBeNull();
    });
  });
});

// Issue 12: an undeclared legacy charset is detected, a stray invalid byte does not turn a UTF-8
// document into windows-1252, and every guess or repair is named.
describe('decodeDocument: guesses and repairs, named', () => {
  const russianFeed = (declaration: string) =>
    `<?xml version="1.0"${declaration}?>
<rss version="2.0"><channel><title>Новости защиты персональных данных</title>
<link>https://example.ru/</link>
<item><title>Роскомнадзор оштрафовал оператора связи за утечку персональных данных клиентов</title>
<link>https://example.ru/news/1</link>
<description>Суд признал компанию виновной в нарушении закона о персональных данных.</description></item>
</channel></rss>`;
  // The recorded KOI8-R feed (koi8r.xml) without the prolog's encoding: real bytes, nothing declared.
  const undeclaredKoi8 = Buffer.from(
    testdata('koi8r.xml').toString('latin1').replace(' encoding="KOI8-R"', ''),
    'latin1',
  );

  it('detects KOI8-R that nothing declares, and says so', () => {
    const { text, encoding, warning } = decodeDocument(undeclaredKoi8, 'application/rss+xml');
    expect(text).toContain('Пример RSS ленты');
    expect(encoding).toBe('koi8-r');
    expect(warning).toBe('no declared encoding; decoded as KOI8-R (detected)');
  });

  it('tells KOI8-R, windows-1251 and ISO-8859-5 apart in the same text', () => {
    for (const [charset, name] of [
      ['koi8-r', 'KOI8-R'],
      ['windows-1251', 'windows-1251'],
      ['iso-8859-5', 'ISO-8859-5'],
    ] as const) {
      const { text, warning } = decodeDocument(iconv.encode(russianFeed(''), charset));
      expect(text, charset).toContain('Роскомнадзор оштрафовал оператора связи');
      expect(warning, charset).toBe(`no declared encoding; decoded as ${name} (detected)`);
    }
  });

  it('detects Latin-script legacy text too (German ISO-8859-1, Polish ISO-8859-2)', () => {
    const undeclared = testdata('iso-8859-1.xml').toString('latin1').replace(' encoding="ISO-8859-1"', '');
    const german = decodeDocument(latin1(undeclared));
    expect(german.text).toMatch(/[äöüß]/);
    expect(german.warning).toBe('no declared encoding; decoded as ISO-8859-1 (detected)');
    const polish = iconv.encode(
      '<rss><channel><title>Aktualności</title><item><title>Prezes UODO nałożył karę na spółkę za naruszenie ochrony danych osobowych</title></item></channel></rss>',
      'iso-8859-2',
    );
    expect(decodeDocument(polish).text).toContain('nałożył karę na spółkę');
  });

  it('trusts a declared legacy charset without a warning', () => {
    const declared = decodeDocument(iconv.encode(russianFeed(' encoding="windows-1251"'), 'windows-1251'));
    expect(declared.text).toContain('Роскомнадзор');
    expect(declared.warning).toBeNull();
    expect(decodeDocument(testdata('koi8r.xml')).warning).toBeNull();
  });

  it('keeps a UTF-8 document with one invalid byte as UTF-8, with one U+FFFD and a warning', () => {
    const utf8 = Buffer.from(russianFeed(' encoding="utf-8"'));
    const at = utf8.indexOf(Buffer.from('Суд'));
    const bytes = Buffer.concat([utf8.subarray(0, at), Buffer.from([0xff]), utf8.subarray(at)]);
    const { text, encoding, warning } = decodeDocument(bytes, 'application/rss+xml; charset=utf-8');
    expect(encoding).toBe('utf-8');
    expect(text).toContain('Роскомнадзор оштрафовал оператора связи');
    expect(text).toContain('\uFFFDСуд признал');
    expect(text.match(/\uFFFD/g)).toHaveLength(1);
    expect(warning).toBe('1 invalid UTF-8 sequence replaced');
  });

  it('counts the invalid sequences, not the U+FFFD the document itself contains', () => {
    const bytes = Buffer.concat([
      Buffer.from('<t>Déjà vu \uFFFD, '),
      Buffer.from([0x92]),
      Buffer.from(' naïve '),
      Buffer.from([0xe9, 0x20]), // a windows-1252 "é" cut into UTF-8 text
      Buffer.from('café '),
      Buffer.from([0xc3]), // a lead byte with nothing after it
      Buffer.from('</t>'),
    ]);
    const { text, warning } = decodeDocument(bytes);
    expect(text).toBe('<t>Déjà vu \uFFFD, \uFFFD naïve \uFFFD café \uFFFD</t>');
    expect(warning).toBe('3 invalid UTF-8 sequences replaced');
  });

  it('repairs invalid bytes after a UTF-8 byte-order mark and says how many', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1('<t>Espa\xf1a y Portugal</t>')]);
    expect(decodeDocument(bytes)).toEqual({
      text: '<t>Espa\uFFFDa y Portugal</t>',
      encoding: 'utf-8',
      warning: '1 invalid UTF-8 sequence replaced',
    });
  });

  it('reads legacy bytes mislabelled as UTF-8 in the charset detected, naming the label', () => {
    const bytes = iconv.encode(russianFeed(''), 'windows-1251');
    const { text, warning } = decodeDocument(bytes, 'text/xml; charset=UTF-8');
    expect(text).toContain('Роскомнадзор');
    expect(warning).toBe('declared UTF-8 but not valid UTF-8; decoded as windows-1251 (detected)');
  });

  it('falls back to windows-1252 when the detector has no evidence, and says it assumed', () => {
    const quotes = Buffer.from([0x3c, 0x74, 0x3e, 0x93, 0x48, 0x69, 0x94, 0x3c, 0x2f, 0x74, 0x3e]);
    expect(decodeDocument(quotes)).toEqual({
      text: '<t>“Hi”</t>',
      encoding: 'windows-1252',
      warning: 'no declared encoding; decoded as windows-1252 (assumed)',
    });
    expect(decodeDocument(quotes, 'text/xml; charset=x-bogus').warning).toBe(
      'unknown declared encoding "x-bogus"; decoded as windows-1252 (assumed)',
    );
  });

  it('says nothing about documents read as they are', () => {
    expect(decodeDocument(Buffer.from(russianFeed(''))).warning).toBeNull();
    expect(decodeDocument(latin1('<t>ASCII only</t>')).warning).toBeNull();
  });

  it('carries the warning out of the feed adapter, with the entries read right', async () => {
    const feed = await feedAdapter.parse({
      body: iconv.encode(russianFeed(''), 'koi8-r'),
      contentType: 'application/rss+xml',
      url: 'https://example.ru/feed',
    });
    expect(feed.entries.map((entry) => entry.title)).toEqual([
      'Роскомнадзор оштрафовал оператора связи за утечку персональных данных клиентов',
    ]);
    expect(feed.decodeWarning).toBe('no declared encoding; decoded as KOI8-R (detected)');
    const clean = await feedAdapter.parse({
      body: Buffer.from(russianFeed('')),
      contentType: 'application/rss+xml',
      url: 'https://example.ru/feed',
    });
    expect(clean.decodeWarning).toBeUndefined();
  });
});
