import { type FeedEntry, type ParsedFeed, RegwatchError } from '@regwatch/core';
import { type Cheerio, type CheerioAPI, load } from 'cheerio';
import { decodeDocument } from '../shared/decode.ts';
import type { AdapterOptions, FetchedDocument, SourceAdapter } from '../types.ts';
import { type DateFormat, dateFormats, readDate } from './dates.ts';

/**
 * A regulator's news listing page read with CSS selectors, for regulators without a feed:
 *
 *   { item: 'article.node-article-teaser',              one news entry on the page
 *     title: '.node-article-teaser__title',             within the item: its title text
 *     link: 'a.node-article-teaser__link',              within the item: the element whose href links it
 *     date: '.node-article-teaser__submitted',          within the item: its date
 *     dateAttribute?: 'datetime',                       read the date from this attribute instead of the text
 *     dateFormat?: 'month-name-nl',                     how the date is written (see dates.ts); without it the
 *                                                       text goes to normalisation's own date parser as written
 *     summary?: '.teaser__summary',                     within the item: a short description
 *     categories?: '.badge a' }                         within the item: the page's labels for it (a
 *                                                       register's decision type, its subjects), in order
 *
 * Text is what a reader sees: script, style, noscript and template content dropped, entities
 * decoded, whitespace collapsed. Links stay as the page writes them (normalisation resolves
 * relative ones against the document URL), unless the page declares an absolute
 * `<base href>`, which relative links resolve against, as in a browser. A link shown twice
 * (a two-up grid, a pinned teaser) is one entry.
 *
 * A layout change must be loud, never an empty success: no item matching, or items that all
 * lack a title and link, or dates none of which can be read, throw parse_unsupported.
 */
export interface HtmlListOptions {
  item: string;
  title: string;
  link: string;
  date: string;
  dateAttribute?: string;
  dateFormat?: DateFormat;
  summary?: string;
  categories?: string;
}

const selectorKeys = ['item', 'title', 'link', 'date', 'summary', 'categories'] as const;
const optionKeys = new Set<string>([...selectorKeys, 'dateAttribute', 'dateFormat']);
const attributeName = /^[A-Za-z_:][-A-Za-z0-9_.:]*$/;

function invalid(message: string): RegwatchError {
  return new RegwatchError('invalid_parameter', `html-list options: ${message}`);
}

/** A probe document for compiling selectors: cheerio throws on a selector it cannot parse. */
const probe = load('<p></p>');

function checkSelector(key: string, value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) throw invalid(`${key} must be a non-empty CSS selector`);
  try {
    probe(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(`${key} "${value}" is not a valid CSS selector (${reason})`);
  }
  return value.trim();
}

/** Validates and reads an html-list source's options, throwing invalid_parameter naming the bad option. */
export function readHtmlListOptions(options: AdapterOptions | undefined): HtmlListOptions {
  if (!options || typeof options !== 'object' || Array.isArray(options)) {
    throw invalid('expected an object with item, title, link and date selectors');
  }
  const unknown = Object.keys(options).filter((key) => !optionKeys.has(key));
  if (unknown.length > 0) {
    throw invalid(`unknown option(s) ${unknown.join(', ')} (known: ${[...optionKeys].join(', ')})`);
  }
  const read: HtmlListOptions = {
    item: checkSelector('item', options.item),
    title: checkSelector('title', options.title),
    link: checkSelector('link', options.link),
    date: checkSelector('date', options.date),
  };
  if (options.summary !== undefined) read.summary = checkSelector('summary', options.summary);
  if (options.categories !== undefined) read.categories = checkSelector('categories', options.categories);
  const { dateAttribute, dateFormat } = options;
  if (dateAttribute !== undefined) {
    if (typeof dateAttribute !== 'string' || !attributeName.test(dateAttribute)) {
      throw invalid(`dateAttribute must be an attribute name such as "datetime", not ${JSON.stringify(dateAttribute)}`);
    }
    read.dateAttribute = dateAttribute;
  }
  if (dateFormat !== undefined) {
    if (typeof dateFormat !== 'string' || !(dateFormats as readonly string[]).includes(dateFormat)) {
      throw invalid(`dateFormat ${JSON.stringify(dateFormat)} is not one of ${dateFormats.join(', ')}`);
    }
    read.dateFormat = dateFormat as DateFormat;
  }
  return read;
}

/** A parsed node, as cheerio's `load` accepts it (its domhandler type, without depending on domhandler). */
type ParsedNode = Exclude<Parameters<typeof load>[0], string | Buffer | readonly unknown[]>;
/** A cheerio selection. */
type Selection = Cheerio<ParsedNode>;

/** Visible text: entities decoded (by the parser), whitespace collapsed. */
function textOf(selection: Selection): string | undefined {
  return selection.text().replace(/\s+/g, ' ').trim() || undefined;
}

/** The distinct texts of every element within the item that the selector matches, in page order. */
function categoriesOf($: CheerioAPI, item: Selection, selector: string): string[] {
  const texts = item
    .find(selector)
    .toArray()
    .map((element) => textOf($(element)))
    .filter((text): text is string => text !== undefined);
  return [...new Set(texts)];
}

/** The first element within the item that the selector matches (the item itself when it matches). */
function first(item: Selection, selector: string): Selection {
  return item.is(selector) ? item : item.find(selector).first();
}

/** The page's own absolute `<base href>`, which its relative links resolve against. */
function baseOf($: CheerioAPI): URL | null {
  const href = $('base[href]').first().attr('href')?.trim();
  if (!href) return null;
  try {
    const base = new URL(href);
    return base.protocol === 'http:' || base.protocol === 'https:' ? base : null;
  } catch {
    return null; // A relative base changes nothing we can know here.
  }
}

function linkOf(element: Selection, base: URL | null): string | undefined {
  const href = element.attr('href')?.trim();
  if (!href) return undefined;
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/**
 * The item's date: ISO 8601 when the declared format reads it (`read`), else the text as written,
 * which normalisation may still read.
 */
function dateOf(element: Selection, options: HtmlListOptions): { value?: string; read: boolean } {
  const raw = options.dateAttribute
    ? element.attr(options.dateAttribute)?.replace(/\s+/g, ' ').trim() || undefined
    : textOf(element);
  if (!raw) return { read: false };
  if (!options.dateFormat) return { value: raw, read: true };
  const iso = readDate(raw, options.dateFormat);
  return iso ? { value: iso, read: true } : { value: raw, read: false };
}

export const htmlListAdapter: SourceAdapter = {
  format: 'html-list',

  checkOptions(options: AdapterOptions): void {
    readHtmlListOptions(options);
  },

  async parse(document: FetchedDocument, options?: AdapterOptions): Promise<ParsedFeed> {
    const settings = readHtmlListOptions(options);
    const { text: html, warning } = decodeDocument(document.body, document.contentType);
    const $ = load(html);
    $('script, style, noscript, template').remove();

    const items = $(settings.item).toArray();
    if (items.length === 0) {
      throw new RegwatchError(
        'parse_unsupported',
        `no news items matched ${settings.item}: the page layout may have changed`,
      );
    }

    const base = baseOf($);
    const seen = new Set<string>();
    const entries: FeedEntry[] = [];
    let dated = 0;
    for (const element of items) {
      const item = $(element);
      const title = textOf(first(item, settings.title));
      const link = linkOf(first(item, settings.link), base);
      if (!title || !link) continue; // A header row, an empty teaser: not an entry.
      if (seen.has(link)) continue;
      seen.add(link);
      const date = dateOf(first(item, settings.date), settings);
      if (date.read) dated += 1;
      const summary = settings.summary ? textOf(first(item, settings.summary)) : undefined;
      const categories = settings.categories ? categoriesOf($, item, settings.categories) : [];
      entries.push({
        link,
        title,
        summary,
        published: date.value,
        ...(categories.length > 0 ? { labels: { categories } } : {}),
      });
    }

    if (entries.length === 0) {
      throw new RegwatchError(
        'parse_unsupported',
        `${items.length} item(s) matched ${settings.item} but none has a title (${settings.title}) and a link ` +
          `(${settings.link}): the page layout may have changed`,
      );
    }
    if (dated === 0) {
      const how = settings.dateFormat ? ` as ${settings.dateFormat}` : '';
      throw new RegwatchError(
        'parse_unsupported',
        `none of the ${entries.length} item(s) has a date${how} at ${settings.date}: the page layout or date format may have changed`,
      );
    }

    return {
      title: textOf($('title').first()),
      link: document.url,
      language: $('html').attr('lang')?.trim() || undefined,
      entries,
      ...(warning ? { decodeWarning: warning } : {}),
    };
  },
};
