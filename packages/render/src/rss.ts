import { rfc822 } from './dates.ts';
import { type PreparedEntry, type PreparedFeed, prepareFeed } from './entries.ts';
import type { FeedDocument } from './types.ts';
import { element, serialiseXml, type XmlElement } from './xml.ts';

const atomNamespace = 'http://www.w3.org/2005/Atom';
const dublinCoreNamespace = 'http://purl.org/dc/elements/1.1/';

function rssItem(feed: PreparedFeed, entry: PreparedEntry): XmlElement {
  return element(
    'item',
    {},
    element('title', {}, entry.title),
    entry.link !== null && element('link', {}, entry.link),
    element('description', {}, entry.contentHtml.toString()),
    // RSS's own <author> must be an e-mail address; the outlet's name goes in dc:creator.
    entry.authors.map((name) => element('dc:creator', {}, name)),
    entry.categories.map((category) => element('category', { domain: category.scheme }, category.term)),
    element('guid', { isPermaLink: 'false' }, entry.id),
    element('pubDate', {}, rfc822(entry.published)),
    // RSS has one <language> per channel; an item in another one says so in Dublin Core.
    entry.language !== null && entry.language !== feed.language && element('dc:language', {}, entry.language),
  );
}

function rssChannel(feed: PreparedFeed): XmlElement {
  const generator = [feed.generator.name, feed.generator.version].filter(Boolean).join(' ');
  return element(
    'channel',
    {},
    element('title', {}, feed.title),
    element('link', {}, feed.homeUrl),
    element('description', {}, feed.description),
    element('atom:link', { href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' }),
    feed.language !== '' && element('language', {}, feed.language),
    element('lastBuildDate', {}, rfc822(feed.updated)),
    generator !== '' && element('generator', {}, generator),
    element('docs', {}, 'https://www.rssboard.org/rss-specification'),
    feed.entries.map((entry) => rssItem(feed, entry)),
  );
}

/** RSS 2.0, with atom:link rel=self, RFC 822 dates and a tag: URI guid per entry. Same input, same bytes. */
export function renderRss(doc: FeedDocument): string {
  const feed = prepareFeed(doc);
  return serialiseXml(
    element('rss', { version: '2.0', 'xmlns:atom': atomNamespace, 'xmlns:dc': dublinCoreNamespace }, rssChannel(feed)),
    { xslStylesheet: feed.xslStylesheet },
  );
}
