import type { ParsedFeed } from '@regwatch/core';
import { RegwatchError } from '@regwatch/core';
import { describe, expect, it } from 'vitest';
import { xmlLimits } from '../src/feed/xml-guard.ts';
import { feedAdapter } from '../src/index.ts';

// Issue 3: hostile XML ends in a classified RegwatchError (or a safe parse), never a crash, a hang
// or a runaway allocation. The documents are generated here; bench/xml-hazards.ts times them.
// The vitest timeout is the guard against hangs: no assertion here is about time.

const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>${items}</channel></rss>`;
/** An RSS document cut off after `tail`: channel open, nothing closed. */
const openRss = (tail: string) => `<?xml version="1.0"?><rss version="2.0"><channel><item>${tail}`;
const nest = (depth: number, inner = 'x') => `${'<a>'.repeat(depth)}${inner}${'</a>'.repeat(depth)}`;
const fiveMiB = 5 * 1024 * 1024;

const parse = (xml: string) =>
  feedAdapter.parse({ body: Buffer.from(xml), contentType: null, url: 'https://example.org/' });

/** The RegwatchError the adapter rejects with; anything else (a parse, another error) fails the test. */
async function rejection(xml: string): Promise<RegwatchError> {
  const outcome: ParsedFeed | unknown = await parse(xml).catch((error: unknown) => error);
  if (outcome instanceof RegwatchError) return outcome;
  throw new Error(
    `expected a RegwatchError, got ${outcome instanceof Error ? outcome.stack : JSON.stringify(outcome)}`,
  );
}

describe('DTD entities are never expanded', () => {
  it('refuses an external entity (XXE) used in a title, without reading the file', async () => {
    const error = await rejection(
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>${rss('<item><title>&e;</title></item>')}`,
    );
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toMatch(/DTD entities/);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toMatch(/root:/);
  });

  it('refuses an external parameter entity', async () => {
    const error = await rejection(
      `<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1/evil.dtd"> %remote;]>${rss('<item><title>t</title></item>')}`,
    );
    expect(error.code).toBe('parse_unsupported');
  });

  it('refuses a billion-laughs entity bomb', async () => {
    let entities = '<!ENTITY lol0 "lol">';
    for (let level = 1; level <= 9; level++) entities += `<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`;
    const error = await rejection(`<!DOCTYPE rss [${entities}]>${rss('<item><title>&lol9;</title></item>')}`);
    expect(error.code).toBe('parse_unsupported');
  });

  it('ignores an external DTD named by a DOCTYPE without declarations: nothing is fetched or inserted', async () => {
    const feed = await parse(`<!DOCTYPE rss SYSTEM "file:///etc/passwd">${rss('<item><title>kept</title></item>')}`);
    expect(feed.entries.map((entry) => entry.title)).toEqual(['kept']);
  });
});

describe('deep nesting', () => {
  it.each([
    ['beside the title', rss(`<item><title>x</title>${nest(50_000)}</item>`)],
    // rss-parser rebuilds <description> markup recursively: this one overflowed the stack.
    ['inside <description>', rss(`<item><description>${nest(50_000)}</description></item>`)],
    [
      'in an Atom xhtml <content>',
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml">${nest(50_000)}</content></entry></feed>`,
    ],
  ])('refuses 50,000 levels %s', async (_where, xml) => {
    const error = await rejection(xml);
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toBe(`feed nests elements more than ${xmlLimits.maxDepth} deep`);
  });

  it('reads markup nested just under the limit, and siblings and empty elements do not add up', async () => {
    // rss > channel > item > description: four levels above the nested markup.
    const inner = nest(xmlLimits.maxDepth - 4, `deep${'<br/>'.repeat(5_000)}`);
    const feed = await parse(rss(`<item><title>ok</title><description>${inner}</description></item>`));
    expect(feed.entries[0]?.title).toBe('ok');
    expect(feed.entries[0]?.summary).toContain('deep');
  });
});

describe('oversized markup', () => {
  it('reads a 70 KiB attribute value', async () => {
    const feed = await parse(rss(`<item><title lang="${'x'.repeat(70 * 1024)}">Long attribute</title></item>`));
    expect(feed.entries.map((entry) => entry.title)).toEqual(['Long attribute']);
  });

  it.each([
    ['a start tag with an unclosed 5 MiB attribute', openRss(`<title a="${'x'.repeat(fiveMiB)}`)],
    ['a start tag with 5 MiB of attribute names', openRss(`<title ${'a'.repeat(fiveMiB)}`)],
    ['a 5 MiB tag name', openRss(`<${'t'.repeat(fiveMiB)}`)],
    ['a 5 MiB closing tag', openRss(`</${'t'.repeat(fiveMiB)}`)],
    ['a 5 MiB comment', openRss(`<!--${'x'.repeat(fiveMiB)}`)],
    ['a 5 MiB processing instruction', openRss(`<?pi ${'x'.repeat(fiveMiB)}`)],
    ['a 5 MiB DOCTYPE', `<!DOCTYPE rss [${'x'.repeat(fiveMiB)}`],
    ['a 5 MiB CDATA section', openRss(`<title><![CDATA[${'x'.repeat(fiveMiB)}`)],
  ])('refuses a document that ends inside %s as malformed', async (_what, xml) => {
    const error = await rejection(xml);
    expect(error.code).toBe('parse_malformed');
    expect(error.message).toMatch(/is never closed$/);
  });

  it.each([
    ['attribute value', rss(`<item><title a="${'x'.repeat(fiveMiB)}">t</title></item>`)],
    ['comment', rss(`<!--${'x'.repeat(fiveMiB)}--><item><title>t</title></item>`)],
  ])('refuses a closed 5 MiB %s as unsupported', async (_what, xml) => {
    const error = await rejection(xml);
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toMatch(new RegExp(`longer than ${xmlLimits.maxMarkupLength} characters`));
  });

  it('refuses a 5 MiB entity reference', async () => {
    const error = await rejection(rss(`<item><title>&${'a'.repeat(fiveMiB)}</title></item>`));
    expect(error.code).toBe('parse_malformed');
    expect(error.message).toMatch(/entity reference/);
  });

  it('reads a 5 MiB CDATA section: sax reads CDATA cheaply, so it is not limited', async () => {
    const feed = await parse(
      rss(`<item><title>t</title><description><![CDATA[${'x'.repeat(fiveMiB)}]]></description></item>`),
    );
    expect(feed.entries[0]?.summary).toHaveLength(fiveMiB);
  });
});

describe('characters XML forbids in text', () => {
  it('keeps a literal ]]> and drops raw control characters from a title', async () => {
    const feed = await parse(rss('<item><title>a]]>b\u0001c\u0000d\u001Fe\uFFFEf</title></item>'));
    expect(feed.entries[0]?.title).toBe('a]]>bcdef');
  });

  it('drops control characters inside CDATA too, and keeps a ]]> split across two sections', async () => {
    const feed = await parse(rss('<item><title><![CDATA[a]]]]><![CDATA[>b\u0008c]]></title></item>'));
    expect(feed.entries[0]?.title).toBe('a]]>bc');
  });

  it('refuses a character reference to a control character as malformed', async () => {
    const error = await rejection(rss('<item><title>a&#1;b</title></item>'));
    expect(error.code).toBe('parse_malformed');
  });
});

describe('the pre-scan does not refuse well-formed feeds', () => {
  it('reads ">" in attribute values, "<" in comments and CDATA, and a DOCTYPE subset with a comment', async () => {
    const feed = await parse(
      `<?xml version="1.0"?><!DOCTYPE rss [<!-- a comment > in the subset --><!ELEMENT rss ANY>]>` +
        rss(
          `<!-- <item> in a comment --><item><title type='a>b' alt="c>d">x > y</title>` +
            `<description><![CDATA[<p>1 < 2 & <b>bold</b></p>]]></description></item>`,
        ),
    );
    expect(feed.entries).toEqual([expect.objectContaining({ title: 'x > y', summary: '<p>1 < 2 & <b>bold</b></p>' })]);
  });
});
