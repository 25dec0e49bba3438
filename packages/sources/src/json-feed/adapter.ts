import { type FeedEntry, type ParsedFeed, RegwatchError } from '@regwatch/core';
import { decodeDocument } from '../shared/decode.ts';
import type { AdapterOptions, FetchedDocument, SourceAdapter } from '../types.ts';

/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). A document is a JSON Feed when it is
 * an object whose `version` starts with `https://jsonfeed.org/version/` and which has an `items`
 * array; anything else is parse_unsupported, and text that starts like JSON but does not parse
 * is parse_malformed.
 *
 * Per item: `id` → guid (numbers coerced to strings, as the spec asks readers to), `url` → link
 * (else `external_url`), `title`, `summary`, `content_html` (else `content_text`) → content,
 * `date_published` / `date_modified`, `authors` (1.1; names joined) else `author` (1.0), falling
 * back to the feed's own authors as the spec says, `language` (1.1), `tags` → labels.categories.
 * `title`, `summary` and `content_text` are plain text in the spec, while normalisation reads
 * entry text as HTML, so their `&` and `<` are escaped: "AT&T <3" stays "AT&T <3".
 * Items that are not objects, and fields of the wrong type, are skipped rather than failing the feed.
 */

const versionPrefix = 'https://jsonfeed.org/version/';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function escapeHtml(value: string | undefined): string | undefined {
  return value?.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `id` is a string in the spec; readers must coerce other scalars (numbers) to strings. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return text(value);
}

/** Names of a 1.1 `authors` array, else of a 1.0 `author` object, joined; undefined when none has a name. */
function authorOf(holder: JsonObject): string | undefined {
  const authors = Array.isArray(holder.authors) ? holder.authors : isObject(holder.author) ? [holder.author] : [];
  const names = authors
    .map((author) => (isObject(author) ? text(author.name) : undefined))
    .filter((name): name is string => name !== undefined);
  return names.length > 0 ? names.join(', ') : undefined;
}

function tagsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(text).filter((tag): tag is string => tag !== undefined);
}

function entryOf(item: JsonObject, feedAuthor: string | undefined): FeedEntry {
  const entry: FeedEntry = {
    guid: idOf(item.id),
    link: text(item.url) ?? text(item.external_url),
    title: escapeHtml(text(item.title)),
    summary: escapeHtml(text(item.summary)),
    content: text(item.content_html) ?? escapeHtml(text(item.content_text)),
    author: authorOf(item) ?? feedAuthor,
    published: text(item.date_published),
    updated: text(item.date_modified),
    language: text(item.language),
  };
  const categories = tagsOf(item.tags);
  if (categories.length > 0) entry.labels = { categories };
  return entry;
}

/** The document's JSON value, and what decoding its bytes had to guess (`decodeDocument`). */
function readJson(document: FetchedDocument): { json: unknown; warning: string | null } {
  const { text: body, warning } = decodeDocument(document.body, document.contentType);
  if (!/^\s*[{[]/.test(body)) {
    const what = /^\s*</.test(body)
      ? 'is HTML or XML'
      : body.trim()
        ? 'is not JSON (it does not start with "{")'
        : 'is empty';
    throw new RegwatchError('parse_unsupported', `document ${what}: not a JSON Feed`);
  }
  try {
    return { json: JSON.parse(body), warning };
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 200) : String(error);
    throw new RegwatchError('parse_malformed', `JSON Feed is not valid JSON: ${detail}`, { cause: error });
  }
}

/** JSON Feed 1.0 and 1.1. */
export const jsonFeedAdapter: SourceAdapter = {
  format: 'json-feed',

  checkOptions(options: AdapterOptions): void {
    const keys = Object.keys(options);
    if (keys.length > 0) {
      throw new RegwatchError('invalid_parameter', `json-feed takes no options (got ${keys.join(', ')})`);
    }
  },

  async parse(document: FetchedDocument): Promise<ParsedFeed> {
    const { json: feed, warning } = readJson(document);
    if (!isObject(feed)) {
      throw new RegwatchError('parse_unsupported', 'JSON document is not a JSON Feed: its top level is not an object');
    }
    const version = typeof feed.version === 'string' ? feed.version.trim() : '';
    if (!version.startsWith(versionPrefix)) {
      throw new RegwatchError(
        'parse_unsupported',
        `JSON document is not a JSON Feed: "version" is ${version ? JSON.stringify(version.slice(0, 100)) : 'missing'} (expected ${versionPrefix}1 or 1.1)`,
      );
    }
    if (!Array.isArray(feed.items)) {
      throw new RegwatchError('parse_unsupported', 'JSON Feed has no "items" array');
    }
    const feedAuthor = authorOf(feed);
    return {
      title: text(feed.title),
      link: text(feed.home_page_url),
      language: text(feed.language),
      entries: feed.items.filter(isObject).map((item) => entryOf(item, feedAuthor)),
      ...(warning ? { decodeWarning: warning } : {}),
    };
  },
};
