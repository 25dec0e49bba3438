import type { NewsKind } from '../digest/news-kind.ts';
import type { NewsFilter } from '../filter/news-filter.ts';
import { blocCodes } from '../jurisdiction/codes.ts';
import type { SourceKind } from '../types.ts';
import type { EditionWeek } from './edition-week.ts';

/** One outlet's telling of a story, linked straight to the source (no redirect, no tracking). */
export interface EditionLink {
  title: string;
  url: string | null;
  source: { id: string; name: string; kind: SourceKind };
  publishedAt: string;
  language: string | null;
}

export interface EditionStory {
  id: string;
  title: string;
  summary: string;
  newsKind: NewsKind;
  publisherCount: number;
  platforms: string[];
  jurisdictions: string[];
  topics: string[];
  /** Kinds of the sources of its items (what the `kind` preference matches). */
  sourceKinds: SourceKind[];
  firstPublishedAt: string;
  lastPublishedAt: string;
  /** Every outlet's link, primary first. */
  links: EditionLink[];
}

/** The stories of one jurisdiction (null: none in particular), in digest order. */
export interface EditionSection {
  jurisdiction: string | null;
  stories: EditionStory[];
}

/** An edition as data: what is stored in `roundup_editions.content` and served at `/v1/roundups/:week`. */
export interface EditionContent {
  week: EditionWeek;
  /** ISO 8601 instants of its period, [since, until). */
  since: string;
  until: string;
  builtAt: string;
  /** Sections ordered by their best-ranked story; each story is in exactly one section. */
  sections: EditionSection[];
  storyCount: number;
  /** Outreach stories of the week left out (events, campaigns, prizes), as `/v1/digest` counts them. */
  outreachLeftOut: number;
  /** The editor's note for the week (edition_notes), shown at the top; absent or null: none. */
  note?: string | null;
}

/** Most specific first: a state or province, then a country, then a bloc. */
function specificity(code: string): number {
  if (code.includes('-')) return 0;
  return blocCodes.has(code) ? 2 : 1;
}

/**
 * The section a story goes in: the jurisdiction of the authority whose notice is its primary item
 * (the EDPB's statement adopted in Helsinki is the EU's news, not Finland's); else the most
 * specific of its primary item's jurisdictions (a press report of the DPC's fine of Meta is
 * Ireland's news although it is also the EU's); else of the story's own. Ties keep the tagger's
 * order. Null when it has none.
 */
export function editionSectionOf(story: {
  jurisdictions: readonly string[];
  primaryJurisdictions: readonly string[];
  primarySourceJurisdictions?: readonly string[] | undefined;
}) {
  const pick = (codes: readonly string[]) =>
    codes.reduce<string | null>(
      (best, code) => (best === null || specificity(code) < specificity(best) ? code : best),
      null,
    );
  const authority = (story.primarySourceJurisdictions ?? []).filter((code) => story.jurisdictions.includes(code));
  return pick(authority) ?? pick(story.primaryJurisdictions) ?? pick(story.jurisdictions);
}

/**
 * Sections from stories already in digest order (`rankDigest`): a section per jurisdiction,
 * ordered by the rank of its first story, the stories of no jurisdiction in their own section.
 */
export function editionSections(
  ranked: readonly (EditionStory & {
    primaryJurisdictions: readonly string[];
    primarySourceJurisdictions?: readonly string[] | undefined;
  })[],
): EditionSection[] {
  const sections = new Map<string | null, EditionStory[]>();
  for (const { primaryJurisdictions, primarySourceJurisdictions, ...story } of ranked) {
    const key = editionSectionOf({
      jurisdictions: story.jurisdictions,
      primaryJurisdictions,
      primarySourceJurisdictions,
    });
    const list = sections.get(key);
    if (list) list.push(story);
    else sections.set(key, [story]);
  }
  return [...sections].map(([jurisdiction, stories]) => ({ jurisdiction, stories }));
}

const meets = (wanted: readonly string[] | undefined, has: readonly string[]) =>
  wanted === undefined || wanted.length === 0 || wanted.some((value) => has.includes(value));

/** Whether a story matches a subscriber's filter as `/v1/stories` would match it. */
export function editionStoryMatches(story: EditionStory, filter: NewsFilter): boolean {
  return (
    meets(filter.jurisdictions, story.jurisdictions) &&
    meets(filter.platforms, story.platforms) &&
    meets(filter.topics, story.topics) &&
    meets(filter.sourceKinds, story.sourceKinds)
  );
}

/** The part of an edition a subscriber's filter selects (sections left empty are dropped), or null when nothing matches. */
export function editionFor(edition: EditionContent, filter: NewsFilter): EditionContent | null {
  const sections = edition.sections
    .map((section) => ({ ...section, stories: section.stories.filter((story) => editionStoryMatches(story, filter)) }))
    .filter((section) => section.stories.length > 0);
  const storyCount = sections.reduce((sum, section) => sum + section.stories.length, 0);
  return storyCount === 0 ? null : { ...edition, sections, storyCount };
}

/** A ranked story with what an edition shows of it (a `/v1` story view has this shape). */
export interface EditionStoryInput {
  id: string;
  title: string;
  summary: string;
  firstPublishedAt: string;
  lastPublishedAt: string;
  platforms: string[];
  jurisdictions: string[];
  topics: string[];
  /** Its items, primary first. */
  items: readonly {
    title: string;
    url: string | null;
    source: { id: string; name: string; kind: SourceKind };
    publishedAt: string;
    language: string | null;
    jurisdictions: readonly string[];
  }[];
}

/**
 * An edition from the week's stories in digest order (each with its news kind and publisher
 * count from `rankDigest`): one link per outlet (a source's first item, primary first), grouped
 * into sections.
 */
export function composeEdition(input: {
  week: EditionWeek;
  since: string;
  until: string;
  builtAt: string;
  outreachLeftOut: number;
  ranked: readonly { story: EditionStoryInput; newsKind: NewsKind; publisherCount: number }[];
  /** Each regulator source's own jurisdictions (`ico` → GB, `edpb` → EU), which place its notices. */
  sourceJurisdictions?: ReadonlyMap<string, readonly string[]> | undefined;
}): EditionContent {
  const stories = input.ranked.map(({ story, newsKind, publisherCount }) => {
    const seen = new Set<string>();
    const links: EditionLink[] = [];
    for (const item of story.items) {
      if (seen.has(item.source.id)) continue;
      seen.add(item.source.id);
      links.push({
        title: item.title,
        url: item.url,
        source: item.source,
        publishedAt: item.publishedAt,
        language: item.language,
      });
    }
    return {
      id: story.id,
      title: story.title,
      summary: story.summary,
      newsKind,
      publisherCount,
      platforms: story.platforms,
      jurisdictions: story.jurisdictions,
      topics: story.topics,
      sourceKinds: [...new Set(story.items.map((item) => item.source.kind))],
      firstPublishedAt: story.firstPublishedAt,
      lastPublishedAt: story.lastPublishedAt,
      links,
      primaryJurisdictions: story.items[0]?.jurisdictions ?? [],
      primarySourceJurisdictions:
        story.items[0]?.source.kind === 'regulator'
          ? input.sourceJurisdictions?.get(story.items[0].source.id)
          : undefined,
    };
  });
  return {
    week: input.week,
    since: input.since,
    until: input.until,
    builtAt: input.builtAt,
    sections: editionSections(stories),
    storyCount: stories.length,
    outreachLeftOut: input.outreachLeftOut,
  };
}
