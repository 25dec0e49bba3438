import { sha256Hex } from '../hash.ts';
import { cleanText, htmlToText, singleLine, truncate } from '../text/clean.ts';
import { htmlLinks } from '../text/html-links.ts';
import { decodeLeftoverEntities, summarise, summaryDefaults } from '../text/summary.ts';
import { standaloneTitle } from '../text/title.ts';
import { publicationDate } from '../time/published-date.ts';
import type { FeedEntry, NormalisedItem, SourceLabels } from '../types.ts';
import { absoluteHttpUrl, canonicalUrl } from '../url/canonical.ts';

export const itemLimits = {
  titleChars: 500,
  summaryChars: summaryDefaults.maxChars,
  contentChars: 20_000,
  guidChars: 1_024,
  links: 20,
} as const;

export interface NormaliseContext {
  sourceId: string;
  /** URL the document was fetched from (or the source's URL for imports): relative links resolve against it. */
  baseUrl: string | null;
  /** Language of the document or source (`en-CA`), used when the entry names none. */
  language?: string | null | undefined;
  /** Time of fetching: the publication date of entries that give none (`first-seen`), and the ceiling for dates. */
  now: Date;
}

export type NormaliseResult = { ok: true; item: NormalisedItem } | { ok: false; reason: string };

/** Primary language subtag in lower case (`en-CA` → `en`), or null when it is not a language tag. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const match = /^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*\s*$/.exec(tag ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** Turns what an adapter read into an item ready to store, or says why the entry is unusable. */
export function normaliseEntry(entry: FeedEntry, context: NormaliseContext): NormaliseResult {
  const rawGuid = entry.guid?.trim() || undefined;
  const url =
    absoluteHttpUrl(entry.link, context.baseUrl) ??
    (rawGuid && /^(https?:)?\/|^https?:/i.test(rawGuid) ? absoluteHttpUrl(rawGuid, context.baseUrl) : null);

  const summarySource = entry.summary ?? entry.content ?? '';
  const contentSource = entry.content ?? entry.summary ?? '';
  const labels = cleanLabels(entry.labels);
  const sourceTitle = singleLine(decodeLeftoverEntities(htmlToText(entry.title ?? '')));
  let title = truncate(
    sourceTitle && standaloneTitle({ title: sourceTitle, categories: labels.categories }),
    itemLimits.titleChars,
  );
  const summaryOptions = { title: sourceTitle, maxChars: itemLimits.summaryChars };
  // A description with no prose in it ("[…]", a byline) gives way to the content.
  const summary =
    summarise(summarySource, summaryOptions) || (entry.content ? summarise(entry.content, summaryOptions) : '');
  const content = truncate(cleanText(decodeLeftoverEntities(htmlToText(contentSource))), itemLimits.contentChars);
  if (!title) title = truncate(singleLine(summary), 120);
  if (!title && !url) return { ok: false, reason: 'entry has no title, text or link' };
  if (!title) title = url ?? '';

  const dated = publicationDate({ published: entry.published, updated: entry.updated, url, now: context.now });
  const publishedAt = dated.at.toISOString();

  // An estimated date changes on every fetch, so it must not feed an identity or a change hash.
  // The precision joins the hash only when coarser than an instant, so hashes of exactly dated
  // entries stay as they were.
  const stableDate = dated.from === 'first-seen' ? '' : publishedAt;
  const hashedDate = dated.precision === 'instant' ? stableDate : `${stableDate}/${dated.precision}`;
  let guid = rawGuid ?? url ?? `hash:${sha256Hex(title, summary, stableDate)}`;
  if (guid.length > itemLimits.guidChars) guid = `hash:${sha256Hex(guid)}`;

  const author = entry.author ? singleLine(cleanText(entry.author)).slice(0, 200) || null : null;
  const language = primaryLanguage(entry.language) ?? primaryLanguage(context.language);
  // Labels join the change hash only when present, so hashes of plain feed entries stay as they were.
  const labelsHash = Object.keys(labels).length > 0 ? JSON.stringify(labels) : '';

  return {
    ok: true,
    item: {
      sourceId: context.sourceId,
      guid,
      dedupKey: itemDedupKey(context.sourceId, guid),
      url,
      canonicalUrl: canonicalUrl(url),
      title,
      summary,
      content,
      author,
      publishedAt,
      publishedPrecision: dated.precision,
      publishedFrom: dated.from,
      language,
      labels,
      links: referenceLinks([entry.summary ?? '', entry.content ?? ''], url, context.baseUrl),
      contentHash: sha256Hex(title, url ?? '', summary, content, author ?? '', hashedDate, labelsHash),
    },
  };
}

/**
 * The item's identity within its source: computed once, stored under a unique index and reused
 * (with the content hash) as the queue job id. Hex only, so it is safe in Redis keys.
 */
export function itemDedupKey(sourceId: string, guid: string): string {
  return sha256Hex(sourceId, guid).slice(0, 32);
}

/**
 * Links in the entry's text to other sites (the regulator's notice, the court ruling an
 * article reports), canonical and de-duplicated: two items citing one document are evidence of
 * one story. Links to the item's own site (navigation, "related reading") are not.
 */
function referenceLinks(html: readonly string[], itemUrl: string | null, baseUrl: string | null): string[] {
  const ownHost = hostOf(canonicalUrl(itemUrl));
  const links = new Set<string>();
  for (const href of html.flatMap(htmlLinks)) {
    const link = canonicalUrl(absoluteHttpUrl(href, itemUrl ?? baseUrl));
    if (link === null || hostOf(link) === ownHost) continue;
    links.add(link);
    if (links.size === itemLimits.links) break;
  }
  return [...links];
}

/** The host of a canonical URL (`priv.gc.ca/en/…` → `priv.gc.ca`). */
function hostOf(canonical: string | null): string | null {
  return canonical === null ? null : (canonical.split('/')[0] ?? null);
}

const labelKeys = ['deployers', 'developers', 'jurisdictions', 'categories'] as const;
const maxLabels = 50;

/** Trims, de-duplicates (case-insensitively) and caps each label list; empty lists are dropped. */
function cleanLabels(labels: SourceLabels | undefined): SourceLabels {
  const cleaned: SourceLabels = {};
  for (const key of labelKeys) {
    const seen = new Set<string>();
    const values: string[] = [];
    for (const raw of labels?.[key] ?? []) {
      const value = singleLine(cleanText(raw)).slice(0, 200);
      if (!value || seen.has(value.toLowerCase())) continue;
      seen.add(value.toLowerCase());
      values.push(value);
      if (values.length === maxLabels) break;
    }
    if (values.length > 0) cleaned[key] = values;
  }
  return cleaned;
}
