import { absoluteHttpUrl, type DatePrecision, jurisdictionNames, platformCatalog, topicCatalog } from '@regwatch/core';
import { calendarDate, readableDate, rfc3339 } from '../dates.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * What the newsfeed's pages show of a story and its items: the public Story and Item shapes
 * (DESIGN.md "Public surface"), as /v1 serves them.
 */
export interface PageStoryItem {
  id: string;
  title: string;
  url: string | null;
  source: { id: string; name: string };
  /** ISO 8601. */
  publishedAt: string;
  publishedPrecision?: DatePrecision | undefined;
  summary: string;
  /** The other URLs the same item was seen at. */
  alternates?: readonly { url: string; sourceId: string }[] | undefined;
}

export interface PageStory {
  id: string;
  title: string;
  summary: string;
  firstPublishedAt: string;
  lastPublishedAt: string;
  platforms: readonly string[];
  jurisdictions: readonly string[];
  topics: readonly string[];
  /** The primary item first. */
  items: readonly PageStoryItem[];
  itemCount: number;
}

export type TagDimension = 'jurisdiction' | 'platform' | 'topic';

/** What a person reads for a tag: the catalog's name, else the id itself. */
export function tagName(dimension: TagDimension, id: string): string {
  if (dimension === 'jurisdiction') return jurisdictionNames.get(id) ?? id;
  if (dimension === 'platform') return platformCatalog.get(id)?.name ?? id;
  return topicCatalog.get(id)?.name ?? id;
}

/** A date as `<time>`: the calendar day (or month, or year, as precise as the source was). */
export function dateTime(iso: string, precision?: DatePrecision): SafeHtml {
  const date = new Date(iso);
  return html`<time datetime="${rfc3339(date)}">${readableDate(date, precision)}</time>`;
}

/** A story's dates: its first article's day, and its latest's when that is another day. */
export function storyDates(story: Pick<PageStory, 'firstPublishedAt' | 'lastPublishedAt'>): SafeHtml {
  const sameDay = calendarDate(new Date(story.firstPublishedAt)) === calendarDate(new Date(story.lastPublishedAt));
  const first = dateTime(story.firstPublishedAt);
  return sameDay ? first : html`${first} to ${dateTime(story.lastPublishedAt)}`;
}

/** Every tag of a story as a link to the newsfeed filtered by it (`/?jurisdiction=GB`). */
export function tagLinks(story: Pick<PageStory, 'jurisdictions' | 'platforms' | 'topics'>): SafeHtml | null {
  const groups: [TagDimension, readonly string[]][] = [
    ['jurisdiction', story.jurisdictions],
    ['platform', story.platforms],
    ['topic', story.topics],
  ];
  const links = groups.flatMap(([dimension, ids]) =>
    ids.map(
      (id) =>
        html`<li><a href="/?${dimension}=${encodeURIComponent(id)}" title="${dimension}">${tagName(dimension, id)}</a></li>`,
    ),
  );
  return links.length === 0 ? null : html`<ul class="tags" aria-label="Tags">${links}</ul>`;
}

/** A link straight to the source when its URL is http(s), else the text alone. */
export function outletLink(url: string | null, text: string): SafeHtml {
  const link = absoluteHttpUrl(url);
  return link === null ? html`${text}` : html`<a href="${link}">${text}</a>`;
}
