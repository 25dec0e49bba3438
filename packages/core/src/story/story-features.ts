import { canonicalUrl } from '../url/canonical.ts';
import { amountKeys } from './amounts.ts';
import { hashString32, hex32 } from './hash32.ts';
import { type StoryOptions, storyDefaults } from './story-options.ts';
import { contentTerms, entityTerms, stripWireMarkers } from './tokenise.ts';
import { urlSlugText } from './url-slug.ts';

/**
 * What story clustering knows of one item: a TF-IDF vector over its title, lead and URL slug,
 * with IDF from document frequencies a database can keep as counts (`term → df` and N), names
 * and amounts weighing more, and the index keys under which it is stored and looked up.
 */

export interface StoryInput {
  title: string;
  summary?: string | null | undefined;
  /** The article's own URL: its slug words count like lead words. */
  url?: string | null | undefined;
  /** ISO 8601 string, Date or epoch milliseconds. */
  publishedAt: string | Date | number;
  language?: string | null | undefined;
  /** Platform slugs once tagging gives them (may be empty). */
  platforms?: readonly string[] | undefined;
  /** Jurisdiction codes once tagging gives them (may be empty). */
  jurisdictions?: readonly string[] | undefined;
  /** Links found in the item's text (not the item's own URL): a shared reference URL is strong evidence. */
  links?: readonly string[] | undefined;
  /** The source (outlet, feed) the item came from. */
  sourceId?: string | null | undefined;
  /** The source gave no date: `publishedAt` is when the item was first seen. */
  dateEstimated?: boolean | undefined;
  /** Every item of the source is an event of its own (an incident register's entries). */
  eventPerItem?: boolean | undefined;
}

/** What clustering needs of one item; plain data (arrays, numbers), so it can be stored as JSON. */
export interface StoryFeatures {
  /** Epoch milliseconds. */
  publishedAt: number;
  language: string | null;
  /** Distinct terms, sorted: add one to each term's document frequency once the item is stored. */
  terms: string[];
  /** TF-IDF weights of `terms`, same order, L2-normalised. */
  weights: number[];
  /** Document frequency of each of `terms` when the features were computed (before this item was counted). */
  termDf: number[];
  /** Terms that name something (acronyms, names, amounts), sorted. */
  entities: string[];
  /**
   * The entities of the title alone, sorted: a headline's names are what an article is about.
   * Absent in features stored before it existed: no headline names are then compared.
   */
  titleEntities?: string[];
  platforms: string[];
  jurisdictions: string[];
  /** Canonical forms of the reference links. */
  links: string[];
  /**
   * Index keys: the item is stored under each, and candidates for it are the items stored under
   * any of them within the time window. The heaviest terms (`t.<term>`), each reference link
   * (`u.<hash>`) and its first amounts (`a.<bucket>`): a bounded number whatever the size of the archive.
   */
  candidateKeys: string[];
  /** Absent in features stored before sources were recorded: read as unknown / false. */
  sourceId?: string | null;
  dateEstimated?: boolean;
  eventPerItem?: boolean;
}

/** Smoothed inverse document frequency: never zero, and defined before anything is counted. */
export function idf(df: number, n: number): number {
  return Math.log((n + 1) / (Math.max(0, df) + 1)) + 1;
}

export function toEpochMs(value: string | Date | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`storyFeatures: publishedAt is not a date: ${String(value)}`);
  return ms;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** An item's terms, read once; its features once their document frequencies are known. */
export interface PreparedStoryFeatures {
  /** The distinct terms, sorted: look up their document frequencies, then `weigh`. */
  terms: string[];
  /** `df(term)`: stored items containing the term; `n`: stored items; both before this one is counted. */
  weigh(df: (term: string) => number, n: number): StoryFeatures;
}

/**
 * Reads an item's text into terms (title, lead, URL slug, entities) without weighing them, so a
 * caller can fetch just those terms' document frequencies (from a database) before `weigh`.
 */
export function prepareStoryFeatures(input: StoryInput, options: Partial<StoryOptions> = {}): PreparedStoryFeatures {
  const { leadWords, titleWeight, entityBoost, maxTermKeys, idfPower, amountTolerance } = {
    ...storyDefaults,
    ...options,
  };
  const title = stripWireMarkers(input.title);
  const lead = (input.summary ?? '').split(/\s+/).filter(Boolean).slice(0, leadWords).join(' ');

  const tf = new Map<string, number>();
  for (const term of contentTerms(title)) tf.set(term, (tf.get(term) ?? 0) + titleWeight);
  for (const term of contentTerms(lead)) tf.set(term, (tf.get(term) ?? 0) + 1);
  // Slug words mostly repeat the title: they add what a cut or punning headline left out.
  for (const term of new Set(contentTerms(urlSlugText(input.url)))) if (!tf.has(term)) tf.set(term, 1);
  const titleEntities = sortedUnique(entityTerms(title));
  const entities = sortedUnique([...titleEntities, ...entityTerms(lead)]);
  const entitySet = new Set(entities);
  for (const entity of entities) if (!tf.has(entity)) tf.set(entity, 1);
  const terms = [...tf.keys()].sort();

  const weigh = (df: (term: string) => number, n: number): StoryFeatures => {
    const raw = terms.map((term) => {
      const weight = (1 + Math.log(tf.get(term) ?? 1)) * idf(df(term), n) ** idfPower;
      return entitySet.has(term) ? weight * (1 + entityBoost) : weight;
    });
    const norm = Math.hypot(...raw) || 1;
    const weights = raw.map((weight) => weight / norm);

    const links = sortedUnique((input.links ?? []).map((link) => canonicalUrl(link)).filter((link) => link !== null));
    const termKeys = terms
      .map((term, index) => ({ term, weight: weights[index] ?? 0 }))
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
      .slice(0, maxTermKeys)
      .map(({ term }) => `t.${term}`);
    const linkKeys = links.map((link) => `u.${hex32(hashString32(link))}`);
    const amountIndexKeys = amountKeys(entities, amountTolerance);

    return {
      publishedAt: toEpochMs(input.publishedAt),
      language: input.language ?? null,
      terms,
      weights,
      termDf: terms.map((term) => df(term)),
      entities,
      titleEntities,
      platforms: sortedUnique(input.platforms ?? []),
      jurisdictions: sortedUnique(input.jurisdictions ?? []),
      links,
      candidateKeys: [...termKeys, ...linkKeys, ...amountIndexKeys],
      sourceId: input.sourceId ?? null,
      dateEstimated: input.dateEstimated ?? false,
      eventPerItem: input.eventPerItem ?? false,
    };
  };
  return { terms, weigh };
}

/**
 * Features of one item. `df(term)` is the number of stored items containing the term and `n` the
 * number of stored items, both before this one is counted.
 */
export function storyFeatures(
  input: StoryInput,
  df: (term: string) => number,
  n: number,
  options: Partial<StoryOptions> = {},
): StoryFeatures {
  return prepareStoryFeatures(input, options).weigh(df, n);
}
