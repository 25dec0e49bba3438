import { rfc3339 } from './dates.ts';
import { type PreparedEntry, type PreparedFeed, prepareFeed } from './entries.ts';
import type { FeedDocument } from './types.ts';
import { element, serialiseXml, type XmlElement } from './xml.ts';

const atomNamespace = 'http://www.w3.org/2005/Atom';

function atomEntry(feed: PreparedFeed, entry: PreparedEntry): XmlElement {
  // Atom requires an author per entry (or per feed); a story with no outlets falls back to the feed.
  const authors = entry.authors.length > 0 ? entry.authors : [feed.title];
  // xml:lang="" says "unknown" (XML 1.0 §2.12) rather than inheriting the feed's language.
  const language = entry.language ?? (feed.language === '' ? undefined : '');
  return element(
    'entry',
    { 'xml:lang': language },
    element('id', {}, entry.id),
    element('title', { type: 'text' }, entry.title),
    element('updated', {}, rfc3339(entry.updated)),
    element('published', {}, rfc3339(entry.published)),
    entry.link !== null && element('link', { rel: 'alternate', type: 'text/html', href: entry.link }),
    entry.pageUrl !== null && element('link', { rel: 'related', type: 'text/html', href: entry.pageUrl }),
    authors.map((name) => element('author', {}, element('name', {}, name))),
    entry.categories.map((category) => element('category', { term: category.term, scheme: category.scheme })),
    entry.summary !== '' && element('summary', { type: 'text' }, entry.summary),
    element('content', { type: 'html' }, entry.contentHtml.toString()),
  );
}

/** Atom 1.0 (RFC 4287): feed id, updated, rel=self and rel=alternate links; per entry id, dates, link, authors, HTML content. */
export function renderAtom(doc: FeedDocument): string {
  const feed = prepareFeed(doc);
  return serialiseXml(
    element(
      'feed',
      { xmlns: atomNamespace, 'xml:lang': feed.language || undefined },
      element('id', {}, feed.id),
      element('title', { type: 'text' }, feed.title),
      feed.description !== '' && element('subtitle', { type: 'text' }, feed.description),
      element('updated', {}, rfc3339(feed.updated)),
      element('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
      element('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
      feed.generator.name !== '' &&
        element(
          'generator',
          { uri: feed.generator.uri ?? undefined, version: feed.generator.version ?? undefined },
          feed.generator.name,
        ),
      feed.entries.map((entry) => atomEntry(feed, entry)),
    ),
    { xslStylesheet: feed.xslStylesheet },
  );
}
