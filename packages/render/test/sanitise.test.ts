import { describe, expect, it } from 'vitest';
import { html, textToHtml } from '../src/html.ts';
import { linkTarget, sanitiseHtml } from '../src/sanitise.ts';

const base = 'https://ico.org.uk/news/2026/fine/';
const clean = (dirty: string, from: string | null = base) => sanitiseHtml(dirty, from).toString();

describe('sanitiseHtml', () => {
  it('keeps prose markup and linked text', () => {
    expect(
      clean('<p>The <strong>ICO</strong> fined <a href="https://x.example/a">X</a>.</p><ul><li>one</li></ul>'),
    ).toBe('<p>The <strong>ICO</strong> fined <a href="https://x.example/a">X</a>.</p><ul><li>one</li></ul>');
  });

  it('drops script, style, iframe, object, embed, form controls, svg and their contents', () => {
    const dirty =
      '<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="https://evil.example">fallback</iframe>' +
      '<object data="x.swf">obj</object><embed src="x.swf"><form action="/steal"><input name="q"><textarea>t</textarea>' +
      '<select><option>o</option></select></form><svg><script>alert(2)</script></svg><noscript>ns</noscript><p>b</p>';
    expect(clean(dirty)).toBe('<p>a</p><p>b</p>');
  });

  it('drops event handlers, styles, classes and every attribute but href and title', () => {
    expect(
      clean(
        '<p onclick="x()" style="color:red" class="c" id="i"><a href="/a" onmouseover="y()" title="T" target="_blank">l</a></p>',
      ),
    ).toBe('<p><a href="https://ico.org.uk/a" title="T">l</a></p>');
    expect(clean('<img src="x" onerror="alert(1)"><b onerror=alert(1)>bold</b>')).toBe('<b>bold</b>');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ])('unwraps a link to %s, keeping its text', (href) => {
    expect(clean(`<p><a href="${href}">click</a></p>`)).toBe('<p>click</p>');
  });

  it('unwraps a dropped link without touching the links after it (sanitize-html renames closing tags otherwise)', () => {
    expect(
      clean('<p><a href="javascript:x()">a</a> <a href="/b">b</a> <a name="c"><b>c</b></a><a href="/d">d</a></p>'),
    ).toBe('<p>a <a href="https://ico.org.uk/b">b</a> <b>c</b><a href="https://ico.org.uk/d">d</a></p>');
  });

  it('makes relative links absolute against the page, and unwraps them with no page to resolve against', () => {
    expect(clean('<a href="../other?x=1&amp;y=2">rel</a>')).toBe(
      '<a href="https://ico.org.uk/news/2026/other?x=1&amp;y=2">rel</a>',
    );
    expect(clean('<a href="/a">rel</a> <a href="//cdn.example/b">proto</a>', null)).toBe('rel proto');
    expect(clean('<a href="//cdn.example/b">proto</a>')).toBe('<a href="https://cdn.example/b">proto</a>');
  });

  it('keeps mailto links and drops credentials from http links', () => {
    expect(clean('<a href="mailto:casework@ico.org.uk">mail</a>')).toBe(
      '<a href="mailto:casework@ico.org.uk">mail</a>',
    );
    expect(clean('<a href="https://user:pw@x.example/">x</a>')).toBe('<a href="https://x.example/">x</a>');
  });

  it('escapes what is left as text and leaves no character XML cannot hold', () => {
    const out = clean('<p>a &lt; b &amp; c ]]&gt; d &#1; e &#xD800; f \u0000 g \uD800 h 😀</p>');
    expect(out).toBe('<p>a &lt; b &amp; c ]]&gt; d  e \uFFFD f  g  h 😀</p>');
  });

  it('copes with broken markup', () => {
    expect(clean('<p><b>unclosed <i>tags</p><a href="https://x.example/"')).toBe('<p><b>unclosed <i>tags</i></b></p>');
  });
});

describe('linkTarget', () => {
  it('resolves http(s) links and refuses other schemes', () => {
    expect(linkTarget('/x', 'https://a.example/b/')).toBe('https://a.example/x');
    expect(linkTarget('https://a.example', null)).toBe('https://a.example/');
    expect(linkTarget('javascript:alert(1)', 'https://a.example/')).toBeNull();
    expect(linkTarget('x', null)).toBeNull();
  });
});

describe('html', () => {
  it('escapes interpolated strings, in text and in attributes', () => {
    const title = '<script>alert("x")</script> & co';
    const url = 'https://a.example/?q="><script>';
    expect(html`<a href="${url}">${title}</a>`.toString()).toBe(
      '<a href="https://a.example/?q=&quot;&gt;&lt;script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</a>',
    );
  });

  it('inserts fragments it built itself as they are', () => {
    expect(html`<ul>${[html`<li>${'a<b'}</li>`, html`<li>c</li>`]}</ul>`.toString()).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul>',
    );
  });
});

describe('textToHtml', () => {
  it('turns blank lines into paragraphs and line breaks into <br>', () => {
    expect(textToHtml('First line\nsecond & <third>\n\nNext paragraph').toString()).toBe(
      '<p>First line<br>second &amp; &lt;third&gt;</p><p>Next paragraph</p>',
    );
  });

  it('writes nothing for empty text', () => {
    expect(textToHtml('  \n\n ').toString()).toBe('');
  });
});
