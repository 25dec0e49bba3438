import { type FeedEntry, type ParsedFeed, RegwatchError } from '@regwatch/core';
import Parser from 'rss-parser';
import { decodeDocument } from '../shared/decode.ts';
import type { FetchedDocument, SourceAdapter } from '../types.ts';

type RawItem = Record<string, unknown>;

// rss-parser keeps these extra fields when present; everything else it maps itself.
const parser: Parser<Record<string, unknown>, RawItem> = new Parser({
  customFields: {
    feed: ['language', 'dc:language'],
    item: ['dc:date', 'dc:creator', 'dc:language', 'updated', 'published', 'modified'],
  },
});

/** rss-parser returns xml2js nodes for elements with attributes: `{ _: text, $: attrs }`. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
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
  };
}

/**
 * Classifies what xml2js/sax and rss-parser throw. Their messages are about XML, not about the
 * source, so they are kept as detail behind a stable code.
 */
function classify(error: unknown): RegwatchError {
  const message = error instanceof Error ? error.message : String(error);
  if (/not recognized as RSS|feed not recognized/i.test(message)) {
    return new RegwatchError('parse_unsupported', 'document is not an RSS, RDF or Atom feed', { cause: error });
  }
  if (error instanceof RangeError) {
    return new RegwatchError('parse_malformed', 'feed is nested too deeply to parse', { cause: error });
  }
  const firstLine = message.split('\n')[0]?.slice(0, 200) ?? 'unknown error';
  return new RegwatchError('parse_malformed', `feed is not well-formed XML: ${firstLine}`, { cause: error });
}

/** RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0, through rss-parser's `parseString` (never its fetching). */
export const feedAdapter: SourceAdapter = {
  format: 'feed',
  async parse(document: FetchedDocument): Promise<ParsedFeed> {
    const { text: xml } = decodeDocument(document.body, document.contentType);
    if (!/^\s*</.test(xml)) {
      throw new RegwatchError('parse_unsupported', 'document is not XML (it does not start with "<")');
    }
    let feed: Awaited<ReturnType<typeof parser.parseString>>;
    try {
      feed = await parser.parseString(xml);
    } catch (error) {
      throw classify(error);
    }
    return {
      title: text(feed.title),
      link: text(feed.link),
      language: text(feed.language) ?? text(feed['dc:language']),
      entries: (feed.items ?? []).map((item) => toEntry(item as RawItem)),
    };
  },
};
