import { describe, expect, it } from 'vitest';
import { type OpmlDocument, renderOpml } from '../src/index.ts';

const feedsUrl = 'https://regwatch.example.org/feeds';

function jurisdictionList(): OpmlDocument {
  return {
    title: 'Regwatch feeds by jurisdiction',
    dateModified: '2026-10-15T12:00:00.000Z',
    ownerName: 'Regwatch',
    ownerId: 'https://regwatch.example.org/',
    outlines: [
      { text: 'All stories', xmlUrl: `${feedsUrl}/stories.atom`, htmlUrl: 'https://regwatch.example.org/' },
      {
        text: 'GB',
        feeds: [
          { text: 'GB stories', xmlUrl: `${feedsUrl}/stories.atom?jurisdiction=GB`, language: 'en' },
          { text: 'GB items', xmlUrl: `${feedsUrl}/items.atom?jurisdiction=GB&topic=fines` },
        ],
      },
    ],
  };
}

describe('renderOpml', () => {
  it('writes an OPML 2.0 list, folders as nested outlines, byte for byte', () => {
    expect(renderOpml(jurisdictionList())).toBe(`<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head>
    <title>Regwatch feeds by jurisdiction</title>
    <dateModified>Thu, 15 Oct 2026 12:00:00 +0000</dateModified>
    <ownerName>Regwatch</ownerName>
    <ownerId>https://regwatch.example.org/</ownerId>
    <docs>http://opml.org/spec2.opml</docs>
  </head>
  <body>
    <outline type="rss" text="All stories" title="All stories" xmlUrl="https://regwatch.example.org/feeds/stories.atom" htmlUrl="https://regwatch.example.org/"/>
    <outline text="GB" title="GB">
      <outline type="rss" text="GB stories" title="GB stories" xmlUrl="https://regwatch.example.org/feeds/stories.atom?jurisdiction=GB" language="en"/>
      <outline type="rss" text="GB items" title="GB items" xmlUrl="https://regwatch.example.org/feeds/items.atom?jurisdiction=GB&amp;topic=fines"/>
    </outline>
  </body>
</opml>
`);
  });

  it('escapes names and drops characters XML cannot hold', () => {
    const opml = renderOpml({
      title: 'A <b>"list"</b> & \u0001more',
      outlines: [{ text: 'Quote " and <tag> \uD800', xmlUrl: `${feedsUrl}/stories.rss?q="x"` }],
    });
    expect(opml).toContain('<title>A &lt;b&gt;"list"&lt;/b&gt; &amp; more</title>');
    expect(opml).toContain('text="Quote &quot; and &lt;tag&gt;"');
    expect(opml).toContain('xmlUrl="https://regwatch.example.org/feeds/stories.rss?q=%22x%22"');
  });

  it('refuses a feed URL that is not absolute http(s)', () => {
    expect(() => renderOpml({ title: 't', outlines: [{ text: 'x', xmlUrl: 'javascript:alert(1)' }] })).toThrow(
      /xmlUrl/,
    );
  });
});
