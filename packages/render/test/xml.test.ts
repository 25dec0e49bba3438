import { describe, expect, it } from 'vitest';
import { xmlSafeCharacters } from '../src/characters.ts';
import { element, escapeXmlAttribute, escapeXmlText, serialiseXml } from '../src/xml.ts';

describe('xmlSafeCharacters', () => {
  it('removes controls XML 1.0 forbids, C1 controls, U+FFFE/U+FFFF and lone surrogates', () => {
    expect(xmlSafeCharacters('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\u007Fg\u0085h\uFFFEi\uFFFFj')).toBe('abcdefghij');
    expect(xmlSafeCharacters('lone \uD800 high, lone \uDC00 low, reversed \uDC00\uD800.')).toBe(
      'lone  high, lone  low, reversed .',
    );
  });

  it('keeps tab, newline, carriage return, emoji and other astral characters', () => {
    const text = 'tab\there\nline\r\nemoji \uD83D\uDE00 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 中文';
    expect(xmlSafeCharacters(text)).toBe(text);
  });
});

describe('escaping', () => {
  it('escapes markup in text, including every > so "]]>" cannot appear', () => {
    expect(escapeXmlText('a < b && c > d ]]> e')).toBe('a &lt; b &amp;&amp; c &gt; d ]]&gt; e');
  });

  it('escapes quotes and whitespace a parser would normalise in attribute values', () => {
    expect(escapeXmlAttribute('say "hi"\tthen\nnewline\r')).toBe('say &quot;hi&quot;&#x9;then&#xA;newline&#xD;');
  });

  it('leaves entity-looking text escaped, never interpreted', () => {
    expect(escapeXmlText('&amp; &#0; &lt;')).toBe('&amp;amp; &amp;#0; &amp;lt;');
  });
});

describe('serialiseXml', () => {
  it('writes a declaration, indents element-only content and keeps text on one line', () => {
    const doc = element(
      'root',
      { version: '2.0', skipped: undefined },
      element('title', {}, 'A & B'),
      element('empty', { href: 'https://example.org/?a=1&b=2' }),
      null,
      false,
      [element('item', {}, 'one'), element('item', {}, 'two')],
    );
    expect(serialiseXml(doc)).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<root version="2.0">',
        '  <title>A &amp; B</title>',
        '  <empty href="https://example.org/?a=1&amp;b=2"/>',
        '  <item>one</item>',
        '  <item>two</item>',
        '</root>',
        '',
      ].join('\n'),
    );
  });

  it('adds no whitespace inside an element that holds text', () => {
    expect(serialiseXml(element('p', {}, 'a ', element('b', {}, element('i', {}, 'c')), ' d'))).toContain(
      '<p>a <b><i>c</i></b> d</p>',
    );
  });

  it('writes an empty string as an empty element with both tags', () => {
    expect(serialiseXml(element('title', {}, ''))).toContain('<title></title>');
  });

  it('refuses element and attribute names that are not XML names', () => {
    expect(() => serialiseXml(element('bad name'))).toThrow(/not an XML name/);
    expect(() => serialiseXml(element('ok', { 'on"x': 'y' }))).toThrow(/not an XML name/);
  });
});
