import { type FeedEntry, type ParsedFeed, parseDate, RegwatchError } from '@regwatch/core';
import { decodeDocument } from '../shared/decode.ts';
import type { AdapterOptions, FetchedDocument, SourceAdapter } from '../types.ts';

/**
 * The ICO's site search API (`POST https://ico.org.uk/api/search`), which serves the listings
 * of its news-and-blogs and enforcement pages (the news-and-blogs RSS went in a site redesign):
 *
 *   {"results": [{"filterItemMetaData": "23 February 2026, Monetary penalties", "title": "…",
 *     "createdDateTime": "2026-03-19T11:56:10.78Z", "id": 120121, "url": "/action-weve-taken/…",
 *     "description": "…"}], "pagination": {"totalResults": …, "perPage": 25, …}}
 *
 * Its traps, each handled here:
 * - `createdDateTime` is when the CMS node was created (often days before or weeks after the
 *   announcement); the publication date is the leading "D Month YYYY" of `filterItemMetaData`.
 * - The endpoint is generic: results include pages from elsewhere on the site, so only URLs
 *   under the configured path prefixes (on the configured site) are kept.
 * - Welsh copies of English items sit under `/cy/` (or on `cy.ico.org.uk`): always dropped.
 * - `url` is site-relative: it is made absolute against `siteUrl`, never against the URL the
 *   document was fetched from, so a replayed response still links to the real site.
 * - `description` may hold HTML entities and markup: left as is for normalisation to clean.
 */

export interface IcoSearchOptions {
  /** Origin the results' relative URLs resolve against, e.g. `https://ico.org.uk`. */
  siteUrl: URL;
  /** Path prefixes (starting and ending with `/`) of the pages this source keeps. */
  pathPrefixes: string[];
}

const optionKeys = new Set(['siteUrl', 'pathPrefixes']);

function invalid(message: string): RegwatchError {
  return new RegwatchError('invalid_parameter', `ico-search options: ${message}`);
}

/** Validates and reads an ico-search source's options, throwing invalid_parameter naming the problem. */
export function readIcoSearchOptions(options: AdapterOptions | undefined): IcoSearchOptions {
  if (!options || typeof options !== 'object' || Array.isArray(options)) {
    throw invalid('expected an object with siteUrl and pathPrefixes');
  }
  const unknown = Object.keys(options).filter((key) => !optionKeys.has(key));
  if (unknown.length > 0) throw invalid(`unknown option(s) ${unknown.join(', ')} (known: siteUrl, pathPrefixes)`);

  const { siteUrl, pathPrefixes } = options as Record<string, unknown>;
  if (typeof siteUrl !== 'string' || !siteUrl.trim()) throw invalid('siteUrl must be a URL string');
  let site: URL;
  try {
    site = new URL(siteUrl);
  } catch {
    throw invalid(`siteUrl "${siteUrl}" is not an absolute URL`);
  }
  if (site.protocol !== 'https:' && site.protocol !== 'http:') throw invalid('siteUrl must be http(s)');
  if (site.pathname !== '/' || site.search || site.hash || site.username || site.password) {
    throw invalid(`siteUrl "${siteUrl}" must be an origin only (no path, query or fragment)`);
  }

  if (!Array.isArray(pathPrefixes) || pathPrefixes.length === 0) {
    throw invalid('pathPrefixes must be a non-empty array of paths');
  }
  for (const prefix of pathPrefixes) {
    if (typeof prefix !== 'string' || !prefix.startsWith('/') || !prefix.endsWith('/')) {
      throw invalid(`path prefix ${JSON.stringify(prefix)} must be a string starting and ending with "/"`);
    }
  }
  return { siteUrl: site, pathPrefixes: [...(pathPrefixes as string[])] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A result's URL (site-relative or absolute) made absolute against the site; null when unusable. */
function resolveUrl(raw: string | undefined, site: URL): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw, site);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Welsh-language copies: the `/cy/` tree of the site, or the `cy.` Welsh host. */
function isWelsh(url: URL): boolean {
  return /^\/cy(\/|$)/i.test(url.pathname) || url.hostname.toLowerCase().startsWith('cy.');
}

const leadingDate = /^(\d{1,2}\s+[A-Za-z]+\s+\d{4})\s*(?:,\s*([\s\S]*))?$/;

/**
 * Splits `filterItemMetaData` ("23 February 2026, Monetary penalties", or with a sector after:
 * "28 May 2026, Enforcement notices, Marketing") into its leading date (only if it is a real
 * date) and the labels that follow it.
 */
export function readFilterMetadata(meta: string | undefined): { date?: string; categories: string[] } {
  const text = meta?.trim() ?? '';
  const match = leadingDate.exec(text);
  // A date-shaped lead that is no real date ("31 February 2026") is dropped, not taken as a label.
  const date = match?.[1] && parseDate(match[1]) ? match[1].replace(/\s+/g, ' ') : undefined;
  const rest = match ? (match[2] ?? '') : text;
  const categories = rest
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return date ? { date, categories } : { categories };
}

/** The response's JSON value, and what decoding its bytes had to guess (`decodeDocument`). */
function parseJson(document: FetchedDocument): { json: unknown; warning: string | null } {
  const { text, warning } = decodeDocument(document.body, document.contentType);
  if (/^\s*</.test(text)) {
    throw new RegwatchError(
      'parse_unsupported',
      'ICO search response is HTML or XML, not JSON (an error or cookie page instead of the API answer?)',
    );
  }
  try {
    return { json: JSON.parse(text), warning };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]?.slice(0, 200) : String(error);
    throw new RegwatchError('parse_malformed', `ICO search response is not valid JSON: ${detail}`, { cause: error });
  }
}

export const icoSearchAdapter: SourceAdapter = {
  format: 'ico-search',

  checkOptions(options: AdapterOptions): void {
    readIcoSearchOptions(options);
  },

  async parse(document: FetchedDocument, options?: AdapterOptions): Promise<ParsedFeed> {
    const { siteUrl, pathPrefixes } = readIcoSearchOptions(options);
    const { json: body, warning } = parseJson(document);
    if (!isRecord(body) || !Array.isArray(body.results)) {
      throw new RegwatchError(
        'parse_unsupported',
        'ICO search response has no "results" array (expected {"results": [...], "pagination": {...}})',
      );
    }

    const entries: FeedEntry[] = [];
    let withUrl = 0;
    for (const result of body.results) {
      if (!isRecord(result)) continue;
      const url = resolveUrl(stringField(result, 'url'), siteUrl);
      if (!url) continue;
      withUrl += 1;
      if (isWelsh(url)) continue;
      if (url.host !== siteUrl.host || !pathPrefixes.some((prefix) => url.pathname.startsWith(prefix))) continue;

      const meta = readFilterMetadata(stringField(result, 'filterItemMetaData'));
      const id = result.id;
      const guid =
        typeof id === 'number' || (typeof id === 'string' && id.trim()) ? `ico:${String(id).trim()}` : undefined;
      entries.push({
        guid,
        link: url.href,
        title: stringField(result, 'title'),
        summary: stringField(result, 'description'),
        // The CMS creation time is a fallback only: it is not when the item was published.
        published: meta.date ?? stringField(result, 'createdDateTime'),
        labels: meta.categories.length > 0 ? { categories: meta.categories } : undefined,
      });
    }

    if (body.results.length > 0 && withUrl === 0) {
      throw new RegwatchError(
        'parse_unsupported',
        `none of the ${body.results.length} ICO search results has a url: the response shape may have changed`,
      );
    }
    return { link: siteUrl.href, entries, ...(warning ? { decodeWarning: warning } : {}) };
  },
};
