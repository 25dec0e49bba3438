import { describe, expect, it } from 'vitest';
import { cleanText, htmlToText, singleLine, truncate } from '../src/index.ts';

describe('htmlToText', () => {
  it('drops tags, decodes entities and keeps paragraphs apart', () => {
    expect(htmlToText('<p>Meta&#8217;s <b>fine</b> &amp; appeal</p><p>Second&nbsp;para</p>')).toBe(
      'Meta’s fine & appeal\n\nSecond para',
    );
  });

  it('drops script, style and their text', () => {
    expect(htmlToText('<p>Safe</p><script>alert("x")</script><style>p{}</style>')).toBe('Safe');
  });

  it('reads OPC-style inline markup (abbr) as plain words', () => {
    expect(htmlToText('X.<abbr>AI</abbr> <abbr>LLC</abbr>’s compliance with <abbr>PIPEDA</abbr>')).toBe(
      'X.AI LLC’s compliance with PIPEDA',
    );
  });

  it('passes plain text with a bare < through', () => {
    expect(htmlToText('fines < €1m and > €500k')).toBe('fines < €1m and > €500k');
  });
});

describe('cleanText', () => {
  it('removes control characters and lone surrogates that would break XML', () => {
    expect(cleanText('a\u0000b\u0008c\u001Fd\uD800e\uDC00f')).toBe('abcdef');
    expect(cleanText('emoji \uD83D\uDE00 stays')).toBe('emoji \uD83D\uDE00 stays');
  });

  it('normalises to NFC and collapses spaces', () => {
    expect(cleanText('Cafe\u0301   au\t lait')).toBe('Café au lait');
    expect(cleanText('a\r\n\r\n\r\n\r\nb')).toBe('a\n\nb');
  });
});

describe('truncate and singleLine', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(truncate('the quick brown fox', 12)).toBe('the quick…');
    expect(truncate('abcdefghijklmnop qr', 12)).toBe('abcdefghijk…');
    expect(truncate('short', 15)).toBe('short');
  });

  it('never leaves half a surrogate pair', () => {
    const result = truncate(`${'a'.repeat(9)}\uD83D\uDE00bbbb`, 11);
    expect(result).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('joins lines', () => {
    expect(singleLine(' a\n b \n')).toBe('a b');
  });
});
