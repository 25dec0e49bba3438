import { normaliseEntry } from '@regwatch/core';
import { describe, expect, it } from 'vitest';
import { htmlListAdapter, readHtmlListOptions } from '../src/html-list/adapter.ts';
import { type DateFormat, readDate } from '../src/html-list/dates.ts';
import { adapterFor } from '../src/registry.ts';
import { regulatorListings, regulatorsSources } from '../src/regulators/definitions.ts';
import type { AdapterOptions } from '../src/types.ts';
import { errorOf, readRecorded, recordedNow, thrownBy } from './support.ts';

const pageUrl = 'https://regulator.example/en/news/';

/** A small listing in the shape most regulators' CMSs render: one article per news item. */
const options: AdapterOptions = {
  item: 'article.teaser',
  title: '.teaser__title',
  link: 'a.teaser__link',
  date: '.teaser__date',
  summary: '.teaser__summary',
};

function teaser({
  title = 'A title',
  href = '/en/news/a-title',
  date = '12 March 2026',
  summary = '',
}: {
  title?: string;
  href?: string;
  date?: string;
  summary?: string;
}): string {
  return `<article class="teaser">
    <h3 class="teaser__title">${title}</h3>
    <span class="teaser__date">${date}</span>
    ${summary ? `<p class="teaser__summary">${summary}</p>` : ''}
    <a class="teaser__link" href="${href}">Read more</a>
  </article>`;
}

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>News | Regulator</title>${head}</head><body><main>${body}</main></body></html>`;
}

function parse(
  html: string | Uint8Array,
  settings: AdapterOptions = options,
  contentType = 'text/html; charset=utf-8',
) {
  const body = typeof html === 'string' ? Buffer.from(html) : html;
  return htmlListAdapter.parse({ body, contentType, url: pageUrl }, settings);
}

describe('html-list options', () => {
  it('is the registered html-list adapter and accepts the documented options', () => {
    expect(adapterFor('html-list')).toBe(htmlListAdapter);
    expect(readHtmlListOptions({ ...options, dateAttribute: 'datetime', dateFormat: 'iso' })).toEqual({
      item: 'article.teaser',
      title: '.teaser__title',
      link: 'a.teaser__link',
      date: '.teaser__date',
      summary: '.teaser__summary',
      dateAttribute: 'datetime',
      dateFormat: 'iso',
    });
    for (const listing of Object.values(regulatorListings))
      expect(() => htmlListAdapter.checkOptions?.(listing)).not.toThrow();
  });

  it.each([
    ['no options at all', {}, /item, title, link and date|item must be/],
    ['a missing item selector', { ...options, item: undefined }, /item must be a non-empty CSS selector/],
    ['an empty link selector', { ...options, link: '  ' }, /link must be a non-empty CSS selector/],
    ['a selector that does not parse', { ...options, title: 'h3 a[' }, /title "h3 a\[" is not a valid CSS selector/],
    ['a summary that is not a string', { ...options, summary: 3 }, /summary must be a non-empty CSS selector/],
    ['an unknown option', { ...options, itemSelector: 'li' }, /unknown option\(s\) itemSelector/],
    [
      'an unknown date format',
      { ...options, dateFormat: 'mdy' },
      /dateFormat "mdy" is not one of iso, dmy, month-name-en/,
    ],
    [
      'an attribute name with spaces',
      { ...options, dateAttribute: 'data date' },
      /dateAttribute must be an attribute name/,
    ],
  ])('refuses %s with invalid_parameter naming the option', (_case, bad, message) => {
    const error = thrownBy(() => htmlListAdapter.checkOptions?.(bad as AdapterOptions));
    expect(error.code).toBe('invalid_parameter');
    expect(error.message).toMatch(/^html-list options: /);
    expect(error.message).toMatch(message);
  });

  it('refuses options that are not an object, and checks them again when parsing', async () => {
    expect(thrownBy(() => readHtmlListOptions(undefined)).code).toBe('invalid_parameter');
    expect(thrownBy(() => readHtmlListOptions([] as unknown as AdapterOptions)).code).toBe('invalid_parameter');
    const error = await errorOf(parse(page(teaser({})), { ...options, date: '' }));
    expect(error.code).toBe('invalid_parameter');
  });
});

describe('html-list parsing', () => {
  it('reads title, link, date and summary of each item, in page order, with the page title and language', async () => {
    const feed = await parse(
      page(
        teaser({ title: 'First', href: '/en/news/first', date: '12 March 2026', summary: 'One.' }) +
          teaser({ title: 'Second', href: '/en/news/second', date: '2 March 2026' }),
      ),
    );
    expect(feed).toEqual({
      title: 'News | Regulator',
      link: pageUrl,
      language: 'en',
      entries: [
        { link: '/en/news/first', title: 'First', summary: 'One.', published: '12 March 2026' },
        { link: '/en/news/second', title: 'Second', summary: undefined, published: '2 March 2026' },
      ],
    });
  });

  it("issue 11: reads each item's own categories, distinct and in page order, as labels", async () => {
    const tags = '<a class="tag">Dati sanitari</a> <a class="tag">Minimizzazione</a> <a class="tag">Dati sanitari</a>';
    const feed = await parse(
      page(teaser({ title: 'Tagged', summary: tags }) + teaser({ title: 'Untagged', href: '/en/news/b' })),
      { ...options, categories: 'a.tag' },
    );
    expect(feed.entries.map((entry) => entry.labels)).toEqual([
      { categories: ['Dati sanitari', 'Minimizzazione'] },
      undefined,
    ]);
    expect(thrownBy(() => readHtmlListOptions({ ...options, categories: '' })).message).toMatch(
      /categories must be a non-empty CSS selector/,
    );
  });

  it('keeps relative links relative, for normalisation to resolve against the document URL', async () => {
    const feed = await parse(
      page(
        teaser({ title: 'Root-relative', href: '/en/news/a' }) +
          teaser({ title: 'Path-relative', href: 'b?x=1&amp;y=2' }) +
          teaser({ title: 'Absolute', href: 'https://other.example/c' }),
      ),
    );
    expect(feed.entries.map((entry) => entry.link)).toEqual(['/en/news/a', 'b?x=1&y=2', 'https://other.example/c']);
    const resolved = feed.entries.map((entry) => {
      const result = normaliseEntry(entry, { sourceId: 'test', baseUrl: pageUrl, now: recordedNow });
      return result.ok ? result.item.url : null;
    });
    expect(resolved).toEqual([
      'https://regulator.example/en/news/a',
      'https://regulator.example/en/news/b?x=1&y=2',
      'https://other.example/c',
    ]);
  });

  it("resolves relative links against the page's own absolute <base href>, as a browser does", async () => {
    const feed = await parse(
      page(
        teaser({ href: 'novice/item-1' }) + teaser({ title: 'Other', href: 'https://x.example/y' }),
        '<base href="https://www.regulator.example/" />',
      ),
    );
    expect(feed.entries.map((entry) => entry.link)).toEqual([
      'https://www.regulator.example/novice/item-1',
      'https://x.example/y',
    ]);
  });

  it('ignores scripts, styles and templates, decodes entities and collapses whitespace', async () => {
    const html = page(`
      <style>.teaser { color: red }</style>
      <article class="teaser">
        <h3 class="teaser__title">
          <script>document.write("injected")</script>
          Fish&nbsp;&amp;&#160;Chips:
          the   regulator&#8217;s
          <noscript>Enable JavaScript</noscript>
          <em>view</em>
        </h3>
        <time class="teaser__date">
          12 March
          2026
        </time>
        <p class="teaser__summary">A &lt;b&gt; is not a tag here.<style>p{}</style><template><p>hidden</p></template></p>
        <a class="teaser__link" href="  /en/news/fish  ">More</a>
      </article>
      <script>var items = ['<article class="teaser">'];</script>`);
    const feed = await parse(html);
    expect(feed.entries).toEqual([
      {
        title: 'Fish & Chips: the regulator’s view',
        link: '/en/news/fish',
        published: '12 March 2026',
        summary: 'A <b> is not a tag here.',
      },
    ]);
  });

  it('skips matched elements without a title or link (a header row) and a link shown twice', async () => {
    const html = page(`<table class="list">
      <tr><td><b>Date</b></td><td><b>Title</b></td></tr>
      <tr><td>24.06.2026</td><td><a href="/news/one">One</a></td></tr>
      <tr><td>24.06.2026</td><td><a href="/news/one">One</a></td></tr>
      <tr><td>23.06.2026</td><td><a href="/news/two">Two</a></td></tr>
    </table>`);
    const feed = await parse(html, {
      item: 'table.list tr',
      title: 'td a',
      link: 'td a',
      date: 'td:first-child',
      dateFormat: 'dmy',
    });
    expect(feed.entries.map((entry) => [entry.title, entry.published])).toEqual([
      ['One', '2026-06-24'],
      ['Two', '2026-06-23'],
    ]);
  });

  it('reads the date from an attribute when told to', async () => {
    const html = page(`<article class="teaser"><h3 class="teaser__title">T</h3>
      <time class="teaser__date" datetime="2026-03-12T09:30:00+01:00">Thursday</time>
      <a class="teaser__link" href="/t">T</a></article>`);
    const feed = await parse(html, { ...options, dateAttribute: 'datetime', dateFormat: 'iso' });
    expect(feed.entries[0]?.published).toBe('2026-03-12T09:30:00+01:00');
  });

  it('reads the labels the categories selector matches, distinct and in page order (issue 11)', async () => {
    const html = page(`<article class="teaser"><h3 class="teaser__title">Provvedimento del 28 maggio 2026</h3>
      <span class="teaser__date">12 March 2026</span><a class="teaser__link" href="/t">T</a>
      <span class="badge"><a>Ordinanza ingiunzione</a></span><span class="badge"><a> Dati  sanitari </a></span>
      <span class="badge"><a>Ordinanza ingiunzione</a></span></article>
      <article class="teaser"><h3 class="teaser__title">No labels</h3><span class="teaser__date">12 March 2026</span>
      <a class="teaser__link" href="/u">U</a></article>`);
    const feed = await parse(html, { ...options, categories: '.badge a' });
    expect(feed.entries[0]?.labels).toEqual({ categories: ['Ordinanza ingiunzione', 'Dati sanitari'] });
    expect(feed.entries[1]?.labels).toBeUndefined();
    expect(thrownBy(() => readHtmlListOptions({ ...options, categories: '' })).code).toBe('invalid_parameter');
  });

  it('decodes a legacy-encoded page by its <meta charset>', async () => {
    const latin1 = Buffer.from(
      page(teaser({ title: 'Données à caractère personnel', date: '3 août 2025' }), '<meta charset="windows-1252">'),
      'latin1',
    );
    const feed = await parse(latin1, { ...options, dateFormat: 'month-name-fr' }, 'text/html');
    expect(feed.entries[0]).toMatchObject({ title: 'Données à caractère personnel', published: '2025-08-03' });
  });
});

describe('html-list dates', () => {
  it.each<[DateFormat, string, string]>([
    ['iso', '2026-03-12', '2026-03-12'],
    ['iso', 'Published 2026-03-12T09:30:00Z', '2026-03-12T09:30:00Z'],
    ['dmy', '12.03.2026', '2026-03-12'],
    ['dmy', '28/05/2026', '2026-05-28'],
    ['dmy', 'Mié, 24/06/2026', '2026-06-24'],
    ['dmy', '1-2-2026', '2026-02-01'],
    ['month-name-en', '12 March 2026', '2026-03-12'],
    ['month-name-en', '9 Jun 2025', '2025-06-09'],
    ['month-name-en', 'Published: 2nd May 2025', '2025-05-02'],
    ['month-name-en', 'March 12, 2026', '2026-03-12'],
    ['month-name-en', 'Sept. 3, 2025', '2025-09-03'],
    ['month-name-fr', '12 mars 2026', '2026-03-12'],
    ['month-name-fr', '1er février 2026', '2026-02-01'],
    ['month-name-fr', '3 août 2025', '2025-08-03'],
    ['month-name-fr', 'le 9 déc. 2025', '2025-12-09'],
    ['month-name-de', '12. März 2026', '2026-03-12'],
    ['month-name-de', 'Mittwoch, 1. Oktober 2025', '2025-10-01'],
    ['month-name-de', '3. Dez. 2025', '2025-12-03'],
    ['month-name-nl', '12 maart 2026', '2026-03-12'],
    ['month-name-nl', '08 juni 2026', '2026-06-08'],
    ['month-name-nl', '12 mrt 2026', '2026-03-12'],
    ['month-name-es', '24 de junio de 2026', '2026-06-24'],
    ['month-name-es', 'Publicado el 3 ago. 2025', '2025-08-03'],
    ['month-name-it', '28 maggio 2026', '2026-05-28'],
    ['month-name-it', '3 dic 2025', '2025-12-03'],
    ['month-name-sl', '24. junij 2026', '2026-06-24'],
    ['month-name-sl', '5. avg. 2025', '2025-08-05'],
  ])('%s reads "%s" as %s', (format, text, iso) => {
    expect(readDate(text, format)).toBe(iso);
  });

  it.each<[DateFormat, string]>([
    ['iso', '2026-02-31'],
    ['dmy', '31.02.2026'],
    ['dmy', '2026-03-12'],
    ['month-name-en', '12 Mars 2026'],
    ['month-name-fr', '12 March 2026'],
    ['month-name-de', '12 maart 2026'],
    ['month-name-nl', '31 februari 2026'],
    ['month-name-nl', 'gisteren'],
    ['month-name-es', '28 maggio 2026'],
    ['month-name-it', '24 de junio de 2026'],
    ['month-name-sl', '12 maart 2026'],
  ])('%s finds no date in "%s"', (format, text) => {
    expect(readDate(text, format)).toBeNull();
  });

  it('passes a date to normalisation as ISO 8601, or as written when its format cannot read it', async () => {
    const feed = await parse(
      page(
        teaser({ title: 'Dutch', href: '/1', date: '08 juni 2026' }) +
          teaser({ title: 'Unreadable', href: '/2', date: 'vorige week' }),
      ),
      { ...options, dateFormat: 'month-name-nl' },
    );
    expect(feed.entries.map((entry) => entry.published)).toEqual(['2026-06-08', 'vorige week']);
  });

  it('without a dateFormat passes the text as written, which normalisation reads when it can', async () => {
    const feed = await parse(page(teaser({ date: ' 12   March 2026 ' })));
    expect(feed.entries[0]?.published).toBe('12 March 2026');
    const result = normaliseEntry(feed.entries[0] ?? {}, { sourceId: 'test', baseUrl: pageUrl, now: recordedNow });
    expect(result.ok && result.item.publishedAt).toBe('2026-03-12T00:00:00.000Z');
  });
});

describe('a page whose layout changed is loud, never an empty success', () => {
  it('throws parse_unsupported when the item selector matches nothing', async () => {
    const error = await errorOf(parse(page('<div class="news-card"><h2><a href="/x">Moved</a></h2></div>')));
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toBe('no news items matched article.teaser: the page layout may have changed');
  });

  it('throws parse_unsupported for an error or cookie page served instead of the listing', async () => {
    const error = await errorOf(parse('<html><body><h1>Access denied</h1></body></html>'));
    expect(error.code).toBe('parse_unsupported');
  });

  it('throws parse_unsupported when items match but none has a title and a link', async () => {
    const html = page(
      '<article class="teaser"><h2>Renamed</h2><span class="teaser__date">12 March 2026</span></article>',
    );
    const error = await errorOf(parse(html));
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toMatch(/1 item\(s\) matched article\.teaser but none has a title .* and a link/);
  });

  it('throws parse_unsupported when no item has a date its format can read', async () => {
    const html = page(teaser({ date: '2026-03-12' }) + teaser({ title: 'B', href: '/b', date: '' }));
    const error = await errorOf(parse(html, { ...options, dateFormat: 'month-name-en' }));
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toMatch(/none of the 2 item\(s\) has a date as month-name-en at \.teaser__date/);
  });

  it("throws parse_unsupported on a real regulator page read with its old site's selectors", async () => {
    // The DPC register before its Drupal 10 theme: `.view-content .item-list li article`, `p.date`.
    const dpc = regulatorsSources.find((source) => source.id === 'dpc-ie');
    if (!dpc) throw new Error('no dpc-ie source');
    const error = await errorOf(
      htmlListAdapter.parse(
        { body: readRecorded(dpc.recorded.file), contentType: dpc.recorded.contentType, url: dpc.url },
        { item: '.view-content .item-list li article', title: 'h2 a', link: 'h2 a', date: 'p.date' },
      ),
    );
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toBe(
      'no news items matched .view-content .item-list li article: the page layout may have changed',
    );
  });
});
