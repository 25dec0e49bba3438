import { absoluteHttpUrl, cleanText, singleLine, truncate } from '@regwatch/core';
import { calendarDate, parseInstant, rfc3339 } from './dates.ts';
import { html, type SafeHtml, textToHtml } from './html.ts';
import { checkTagAuthority, type TaggedThing, tagUri } from './ids.ts';
import { plainLine, requiredHttpUrl } from './input.ts';
import { sanitiseHtml } from './sanitise.ts';
import type { Entry, FeedDocument, ItemEntry, StoryEntry } from './types.ts';

/**
 * One step between the caller's data and every format: text cleaned, HTML built and sanitised,
 * links checked, dates read, ids minted. The RSS, Atom and JSON Feed writers only map these
 * fields, so the three formats cannot disagree on an entry.
 */

export interface Category {
  /** The taxonomy: a `tag:` URI naming platforms, jurisdictions or topics. */
  scheme: string;
  term: string;
}

export interface PreparedEntry {
  /** `tag:` URI, the same in every format. */
  id: string;
  /** Plain text on one line, never empty. */
  title: string;
  /** Absolute http(s) URL, or null when the entry has none. */
  link: string | null;
  /** Plain text. */
  summary: string;
  contentHtml: SafeHtml;
  published: Date;
  updated: Date;
  /** Source names, plain text. */
  authors: string[];
  categories: Category[];
  /** BCP 47 language of its title and text, null when unknown (it then inherits nothing from the feed). */
  language: string | null;
  /** A story's own page on this site, or null. */
  pageUrl: string | null;
}

export interface PreparedFeed {
  id: string;
  title: string;
  description: string;
  selfUrl: string;
  homeUrl: string;
  language: string;
  updated: Date;
  generator: { name: string; version: string | null; uri: string | null };
  entries: PreparedEntry[];
  alternates: { title: string; href: string; type: string }[];
  xslStylesheet: string | undefined;
}

/** A BCP 47 tag as RFC 5646 spells it (`en`, `fr-CA`, `sr-Latn`), or null: a bad value is left out, never written. */
export function languageTag(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const tag = value.trim();
  return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : null;
}

function requiredIri(value: string, what: string): string {
  const id = plainLine(value);
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(id)) {
    throw new RangeError(`${what} must be an absolute IRI: ${JSON.stringify(value)}`);
  }
  return id;
}

function entryTitle(title: string, summary: string): string {
  return plainLine(title) || truncate(singleLine(summary), 120) || 'Untitled';
}

/** JSON Feed requires content and readers show it: an entry with nothing else to say repeats its title. */
function nonEmpty(content: SafeHtml, title: string): SafeHtml {
  return content.toString() === '' ? html`<p>${title}</p>` : content;
}

function categories(authority: string, entry: Entry): Category[] {
  const groups: [TaggedThing, readonly string[]][] = [
    ['platform', entry.platforms],
    ['jurisdiction', entry.jurisdictions],
    ['topic', entry.topics],
  ];
  return groups.flatMap(([kind, terms]) => {
    const scheme = tagUri(authority, kind);
    return distinct(terms.map(plainLine)).map((term) => ({ scheme, term }));
  });
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

function prepareItem(authority: string, item: ItemEntry): PreparedEntry {
  const summary = cleanText(item.summary);
  const link = absoluteHttpUrl(item.url);
  const source = plainLine(item.source.name);
  const published = parseInstant(item.publishedAt, `item ${item.id} publishedAt`);
  const sanitised = item.contentHtml === undefined ? null : sanitiseHtml(item.contentHtml, link);
  const body = sanitised !== null && sanitised.toString().trim() !== '' ? sanitised : textToHtml(summary);
  const title = entryTitle(item.title, summary);
  return {
    id: tagUri(authority, 'item', item.id),
    title,
    link,
    summary,
    contentHtml: nonEmpty(html`${body}${source ? html`<p>Source: ${source}</p>` : null}`, title),
    published,
    updated: published,
    authors: distinct([source]),
    categories: categories(authority, item),
    language: languageTag(item.language),
    pageUrl: null,
  };
}

/** Most outlets one story entry lists: a feed entry must stay readable, and small, however big the story. */
export const maxStoryOutlets = 10;

/** The story's outlets as a list, primary first: source name, linked title, date; then how many more there are. */
function outletList(story: StoryEntry): SafeHtml {
  const shown = story.items.slice(0, maxStoryOutlets);
  const more = Math.max(story.itemCount ?? story.items.length, story.items.length) - shown.length;
  const outlets = shown.map((item, index) => {
    const title = entryTitle(item.title, '');
    const link = absoluteHttpUrl(item.url);
    const published = parseInstant(item.publishedAt, `story ${story.id} item ${index} publishedAt`);
    const date = calendarDate(published, item.publishedPrecision);
    // Each outlet's title in its own language, so a reader (or a screen reader) reads the French one as French.
    const language = languageTag(item.language);
    const linked =
      link === null
        ? html`${title}`
        : language === null
          ? html`<a href="${link}">${title}</a>`
          : html`<a href="${link}" hreflang="${language}" lang="${language}">${title}</a>`;
    return html`<li>${plainLine(item.source.name)}: ${linked} (${date})</li>`;
  });
  if (more > 0) outlets.push(html`<li>and ${String(more)} more</li>`);
  return outlets.length === 0 ? html`` : html`<ul>${outlets}</ul>`;
}

function prepareStory(authority: string, story: StoryEntry): PreparedEntry {
  const summary = cleanText(story.summary);
  const link = story.items.map((item) => absoluteHttpUrl(item.url)).find((url) => url !== null) ?? null;
  const title = entryTitle(story.title, summary);
  const pageUrl = story.pageUrl === undefined ? null : requiredHttpUrl(story.pageUrl, 'story pageUrl');
  const pageLink = pageUrl === null ? null : html`<p><a href="${pageUrl}">Every outlet and why it is tagged</a></p>`;
  return {
    id: tagUri(authority, 'story', story.id),
    title,
    link,
    summary,
    pageUrl,
    contentHtml: nonEmpty(html`${textToHtml(summary)}${outletList(story)}${pageLink}`, title),
    published: parseInstant(story.firstPublishedAt, `story ${story.id} firstPublishedAt`),
    updated: parseInstant(story.lastPublishedAt, `story ${story.id} lastPublishedAt`),
    authors: distinct(story.items.slice(0, maxStoryOutlets).map((item) => plainLine(item.source.name))),
    categories: categories(authority, story),
    // The story's title and summary are its primary item's.
    language: languageTag(story.items[0]?.language),
  };
}

export function prepareFeed(doc: FeedDocument): PreparedFeed {
  const authority = checkTagAuthority(doc.tagAuthority);
  return {
    id: requiredIri(doc.id, 'feed id'),
    title: plainLine(doc.title) || 'Untitled',
    description: plainLine(doc.description),
    selfUrl: requiredHttpUrl(doc.selfUrl, 'selfUrl'),
    homeUrl: requiredHttpUrl(doc.homeUrl, 'homeUrl'),
    language: languageTag(doc.language) ?? '',
    updated: parseInstant(doc.updated, 'feed updated'),
    generator: {
      name: plainLine(doc.generator.name),
      version: doc.generator.version === undefined ? null : plainLine(doc.generator.version),
      uri: doc.generator.uri === undefined ? null : requiredHttpUrl(doc.generator.uri, 'generator uri'),
    },
    entries: doc.entries.map((entry) =>
      entry.kind === 'item' ? prepareItem(authority, entry) : prepareStory(authority, entry),
    ),
    alternates: (doc.alternates ?? []).map((alternate) => ({
      title: plainLine(alternate.title),
      href: requiredHttpUrl(alternate.href, 'alternate href'),
      type: plainLine(alternate.type),
    })),
    xslStylesheet: doc.xslStylesheet === undefined ? undefined : plainLine(doc.xslStylesheet),
  };
}

/**
 * The newest date among the entries (an item's publication, a story's latest article), for
 * `FeedDocument.updated` and Last-Modified; null for no entries.
 */
export function newestEntryDate(entries: readonly Entry[]): string | null {
  let newest: Date | null = null;
  for (const entry of entries) {
    const date =
      entry.kind === 'item'
        ? parseInstant(entry.publishedAt, `item ${entry.id} publishedAt`)
        : parseInstant(entry.lastPublishedAt, `story ${entry.id} lastPublishedAt`);
    if (newest === null || date > newest) newest = date;
  }
  return newest === null ? null : rfc3339(newest);
}
