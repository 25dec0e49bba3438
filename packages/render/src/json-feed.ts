import { rfc3339 } from './dates.ts';
import { type PreparedEntry, prepareFeed } from './entries.ts';
import type { FeedDocument } from './types.ts';

const jsonFeedVersion = 'https://jsonfeed.org/version/1.1';

/** Keys in a fixed order and absent ones left out, so the same input gives the same bytes. */
function jsonFeedItem(entry: PreparedEntry): Record<string, unknown> {
  return {
    id: entry.id,
    ...(entry.link === null ? {} : { url: entry.link }),
    title: entry.title,
    content_html: entry.contentHtml.toString(),
    ...(entry.summary === '' ? {} : { summary: entry.summary }),
    date_published: rfc3339(entry.published),
    date_modified: rfc3339(entry.updated),
    ...(entry.authors.length === 0 ? {} : { authors: entry.authors.map((name) => ({ name })) }),
    // Plain terms, as readers show tags; platform ids are lowercase slugs and jurisdictions upper case.
    ...(entry.categories.length === 0 ? {} : { tags: [...new Set(entry.categories.map((category) => category.term))] }),
    ...(entry.language === null ? {} : { language: entry.language }),
  };
}

/** JSON Feed 1.1, compact. Same input, same bytes. */
export function renderJsonFeed(doc: FeedDocument): string {
  const feed = prepareFeed(doc);
  const document = {
    version: jsonFeedVersion,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    ...(feed.description === '' ? {} : { description: feed.description }),
    ...(feed.language === '' ? {} : { language: feed.language }),
    items: feed.entries.map(jsonFeedItem),
  };
  return `${JSON.stringify(document)}\n`;
}
