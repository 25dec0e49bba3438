import { parseInstant, rfc822 } from './dates.ts';
import { plainLine, requiredHttpUrl } from './input.ts';
import type { OpmlDocument, OpmlFeed, OpmlFolder } from './types.ts';
import { element, serialiseXml, type XmlElement } from './xml.ts';

function feedOutline(feed: OpmlFeed): XmlElement {
  const text = plainLine(feed.text);
  // OPML 2.0 says type="rss" for every feed subscription, Atom and JSON Feed included.
  return element('outline', {
    type: 'rss',
    text,
    title: text,
    xmlUrl: requiredHttpUrl(feed.xmlUrl, `xmlUrl of ${JSON.stringify(feed.text)}`),
    htmlUrl:
      feed.htmlUrl === undefined ? undefined : requiredHttpUrl(feed.htmlUrl, `htmlUrl of ${JSON.stringify(feed.text)}`),
    description: feed.description === undefined ? undefined : plainLine(feed.description),
    language: feed.language === undefined ? undefined : plainLine(feed.language),
  });
}

function folderOutline(folder: OpmlFolder): XmlElement {
  const text = plainLine(folder.text);
  return element('outline', { text, title: text }, folder.feeds.map(feedOutline));
}

/** An OPML 2.0 subscription list (e.g. one folder per jurisdiction) that feed readers import in one go. */
export function renderOpml(doc: OpmlDocument): string {
  return serialiseXml(
    element(
      'opml',
      { version: '2.0' },
      element(
        'head',
        {},
        element('title', {}, plainLine(doc.title)),
        doc.dateModified !== undefined &&
          element('dateModified', {}, rfc822(parseInstant(doc.dateModified, 'OPML dateModified'))),
        doc.ownerName !== undefined && element('ownerName', {}, plainLine(doc.ownerName)),
        doc.ownerId !== undefined && element('ownerId', {}, requiredHttpUrl(doc.ownerId, 'ownerId')),
        element('docs', {}, 'http://opml.org/spec2.opml'),
      ),
      element(
        'body',
        {},
        doc.outlines.map((outline) => ('feeds' in outline ? folderOutline(outline) : feedOutline(outline))),
      ),
    ),
  );
}
