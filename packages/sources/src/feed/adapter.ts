import { type FeedEntry, type ParsedFeed, RegwatchError } from '@regwatch/core';
import Parser from 'rss-parser';
import { decodeDocument, demoronize } from '../shared/decode.ts';
import type { FetchedDocument, SourceAdapter } from '../types.ts';
import { checkXmlHazards } from './xml-guard.ts';

type RawItem = Record<string, unknown>;
type Build = (this: Parser, tree: RawItem) => RawItem;

/** rss-parser's builders from the xml2js tree, which its type declarations leave out. */
const builders = Parser.prototype as unknown as Record<
  'buildAtomFeed' | 'buildRSS0_9' | 'buildRSS1' | 'buildRSS2' | 'parseItemAtom',
  Build
>;

/**
 * An xml2js element as an object. Elements with neither attributes nor children come out as
 * strings, and rss-parser then reads properties of a string: `'\n'.link` is
 * `String.prototype.link`, so an empty Atom <entry> threw a TypeError and lost the whole feed.
 */
function element(value: unknown): RawItem {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as RawItem) : {};
}

function elements(value: unknown): RawItem[] {
  return Array.isArray(value) ? value.map(element) : [];
}

/** Atom links rss-parser can read (`link.$.rel`): those with attributes. `<link>url</link>` has none. */
function atomLinks(value: unknown): RawItem[] | undefined {
  const links = Array.isArray(value) ? value.filter((link) => typeof element(link).$ === 'object') : [];
  return links.length > 0 ? links : undefined;
}

/** The RSS channel as rss-parser expects it: one object, its items objects. A feed without one has no items. */
function rssChannel(parent: RawItem): RawItem[] {
  const channel = element(Array.isArray(parent.channel) ? parent.channel[0] : undefined);
  return [{ ...channel, item: elements(channel.item) }];
}

/**
 * rss-parser with the tree shapes it assumes made true before it walks the tree, and one repair.
 * Without this, RSS with no <channel>, Atom with an empty <entry> or an attribute-less <link>
 * threw TypeErrors that lost the whole feed (found by test/peer-suites.corpus.test.ts).
 */
class FeedParser extends Parser<Record<string, unknown>, RawItem> {
  buildAtomFeed(tree: RawItem): RawItem {
    const feed = element(tree.feed);
    return builders.buildAtomFeed.call(this, {
      feed: { ...feed, link: atomLinks(feed.link), entry: elements(feed.entry) },
    });
  }

  buildRSS0_9(tree: RawItem): RawItem {
    const rss = element(tree.rss);
    return builders.buildRSS0_9.call(this, { rss: { ...rss, channel: rssChannel(rss) } });
  }

  buildRSS2(tree: RawItem): RawItem {
    const rss = element(tree.rss);
    return builders.buildRSS2.call(this, { rss: { ...rss, channel: rssChannel(rss) } });
  }

  buildRSS1(tree: RawItem): RawItem {
    const rdf = element(tree['rdf:RDF']);
    return builders.buildRSS1.call(this, { 'rdf:RDF': { ...rdf, channel: rssChannel(rdf), item: elements(rdf.item) } });
  }

  parseItemAtom(entry: RawItem): RawItem {
    const readable: RawItem = { ...entry, link: atomLinks(entry.link) };
    // A text-only <link>url</link> is not Atom, but its URL is still the entry's link.
    const link = readable.link ? undefined : text(entry.link);
    try {
      return { link, ...builders.parseItemAtom.call(this, readable) };
    } catch (error) {
      // rss-parser calls `new Date(published).toISOString()` unguarded: an unreadable date throws a
      // RangeError. The entry is built again without dates; `toEntry` reads the raw strings anyway.
      if (!(error instanceof RangeError)) throw error;
      const { published, updated, ...rest } = readable;
      return { link, ...builders.parseItemAtom.call(this, rest), published: first(published), updated: first(updated) };
    }
  }
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A new parser per document: an xml2js parser that has failed once keeps stale state (its old sax
 * parser runs on and marks the new one as failed or ended), after which later documents resolve
 * wrongly or never resolve at all (xml2js #365, #388). rss-parser keeps one per instance.
 */
function newParser(): FeedParser {
  return new FeedParser({
    // `<rss>` without a version (or an unknown one) is read as RSS 2.0, as feed readers do.
    defaultRSS: 2,
    // Extra fields kept when present; everything else rss-parser maps itself.
    customFields: {
      feed: ['language', 'dc:language'],
      item: [
        'dc:date',
        'dc:creator',
        'dc:language',
        'dc:subject',
        'updated',
        'published',
        'modified',
        // rss-parser maps RSS categories itself but drops Atom's `<category term>`.
        ['category', 'rawCategories', { keepArray: true }],
      ],
    },
  });
}

/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF). sax refuses them as
 * references (`&#1;`) but lets them through raw, and PostgreSQL refuses U+0000 in text, so they
 * are dropped from every value.
 * C1 controls from references such as `&#146;` are read as windows-1252, like raw ones in `decodeDocument`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const forbiddenCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** rss-parser returns xml2js nodes for elements with attributes: `{ _: text, $: attrs }`. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return demoronize(value.replace(forbiddenCharacters, '')).trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object' && '_' in value) return text((value as { _: unknown })._);
  return undefined;
}

function toEntry(item: RawItem): FeedEntry {
  return {
    guid: text(item.guid) ?? text(item.id),
    link: text(item.link),
    title: text(item.title),
    summary: text(item.summary) ?? text(item.content),
    content: text(item['content:encoded']) ?? text(item.content),
    author: text(item.creator) ?? text(item['dc:creator']) ?? text(item.author),
    // Raw strings first: rss-parser rewrites Atom dates through Date, which loses the offset.
    published: text(item.published) ?? text(item.pubDate) ?? text(item['dc:date']) ?? text(item.isoDate),
    updated: text(item.updated) ?? text(item.modified),
    language: text(item['dc:language']),
    labels: categoriesOf(item),
  };
}

/**
 * The entry's own categories (RSS `<category>`, Atom `<category term>`, `dc:subject`): an
 * outlet's "Privacy" section label is evidence the relevance filter and the taggers use.
 */
function categoriesOf(item: RawItem): FeedEntry['labels'] {
  const raw = [item.categories, item.rawCategories, item['dc:subject']].flatMap((value) =>
    Array.isArray(value) ? value : [value],
  );
  const categories = raw
    .map((value) => {
      if (value && typeof value === 'object' && '$' in value) {
        const term = (value as { $?: { term?: unknown } }).$?.term;
        if (typeof term === 'string') return term.trim() || undefined;
      }
      return text(value);
    })
    .filter((value): value is string => value !== undefined);
  const unique = [...new Set(categories)];
  return unique.length > 0 ? { categories: unique } : undefined;
}

/**
 * Classifies what xml2js/sax and rss-parser throw. Their messages are about XML, not about the
 * source, so they are kept as detail behind a stable code.
 */
function classify(error: unknown): RegwatchError {
  if (error instanceof RegwatchError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0]?.slice(0, 200) ?? 'unknown error';
  if (/not recognized as RSS|feed not recognized/i.test(message)) {
    return new RegwatchError('parse_unsupported', 'document is not an RSS, RDF or Atom feed', { cause: error });
  }
  if (error instanceof RangeError && /call stack/i.test(message)) {
    return new RegwatchError('parse_malformed', 'feed is nested too deeply to parse', { cause: error });
  }
  if (error instanceof TypeError || error instanceof RangeError) {
    // rss-parser walks the tree assuming RSS/Atom shapes (e.g. every Atom <link> has attributes).
    return new RegwatchError('parse_malformed', `feed elements are not shaped as RSS/Atom expects: ${firstLine}`, {
      cause: error,
    });
  }
  return new RegwatchError('parse_malformed', `feed is not well-formed XML: ${firstLine}`, { cause: error });
}

/** RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0, through rss-parser's `parseString` (never its fetching). */
export const feedAdapter: SourceAdapter = {
  format: 'feed',
  async parse(document: FetchedDocument): Promise<ParsedFeed> {
    const { text: xml, warning } = decodeDocument(document.body, document.contentType);
    if (!/^\s*</.test(xml)) {
      throw new RegwatchError('parse_unsupported', 'document is not XML (it does not start with "<")');
    }
    let feed: Awaited<ReturnType<FeedParser['parseString']>>;
    try {
      checkXmlHazards(xml);
      feed = await newParser().parseString(xml);
    } catch (error) {
      throw classify(error);
    }
    return {
      title: text(feed.title),
      link: text(feed.link),
      language: text(feed.language) ?? text(feed['dc:language']),
      entries: (feed.items ?? []).map((item) => toEntry(item as RawItem)),
      ...(warning ? { decodeWarning: warning } : {}),
    };
  },
};
