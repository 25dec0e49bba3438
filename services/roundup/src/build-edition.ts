import { composeEdition, type EditionContent, type EditionWeek, editionPeriod, rankDigest } from '@regwatch/core';
import {
  type Db,
  digestCandidates,
  getEdition,
  insertEdition,
  listSources,
  type StoredEdition,
  storiesByIds,
} from '@regwatch/db';
import { renderRoundupEmail } from '@regwatch/render';
import { editionUrl, publicBase } from './roundup-links.ts';

/** As many stories as `/v1/digest` gives at most: a week's roundup is read in minutes. */
export const editionStoryLimit = 40;

/**
 * An edition of the stories stored now with an item in [since, until) (not stored), ranked as
 * `/v1/digest` ranks them; `week` names it. The build, the CLI preview and the sample fixtures
 * (scripts/roundup-sample-edition.ts) make theirs with it.
 */
export async function composeStoredStories(
  db: Db,
  options: { week: EditionWeek; since: Date; until: Date; now: Date; limit?: number },
): Promise<EditionContent> {
  const period = { since: options.since.toISOString(), until: options.until.toISOString() };
  const candidates = await digestCandidates(db, period);
  const ranked = rankDigest(candidates, { limit: options.limit ?? editionStoryLimit, includeOutreach: false });
  const stories = await storiesByIds(
    db,
    ranked.entries.map((entry) => entry.candidate.storyId),
  );
  const byId = new Map(stories.map((story) => [story.id, story]));
  const sources = await listSources(db);
  return composeEdition({
    sourceJurisdictions: new Map(sources.map((source) => [source.id, source.jurisdictions])),
    week: options.week,
    ...period,
    builtAt: options.now.toISOString(),
    outreachLeftOut: ranked.outreachLeftOut,
    // A story merged away between the two queries is left out.
    ranked: ranked.entries.flatMap(({ candidate, kind }) => {
      const story = byId.get(candidate.storyId);
      return story ? [{ story, newsKind: kind, publisherCount: candidate.publisherCount }] : [];
    }),
  });
}

/** An edition of `week` from the stories stored now (not stored): what the build and the CLI preview make. */
export function composeWeek(db: Db, week: EditionWeek, now: Date): Promise<EditionContent> {
  return composeStoredStories(db, { week, ...editionPeriod(week), now });
}

/** The published rendering: the whole edition, no subscriber's links. */
export function renderPublished(publicUrl: string, content: EditionContent) {
  return renderRoundupEmail(content, {
    editionUrl: editionUrl(publicUrl, content.week),
    subscribeUrl: `${publicBase(publicUrl)}/subscribe`,
    manageUrl: null,
    unsubscribeUrl: null,
  });
}

/**
 * The stored edition of `week`, built and stored first if there is none. A week without a story
 * has no edition (null): nothing is stored, published or mailed, and the check builds it later if
 * stories of the week arrive before it is over (an instance started after Friday 08:00, before
 * its first polls, must not publish an empty edition for good).
 */
export async function buildEdition(
  db: Db,
  options: { week: EditionWeek; now: Date; publicUrl: string },
): Promise<{ edition: StoredEdition | null; built: boolean }> {
  const existing = await getEdition(db, options.week);
  if (existing) return { edition: existing, built: false };
  const content = await composeWeek(db, options.week, options.now);
  if (content.storyCount === 0) return { edition: null, built: false };
  const rendered = renderPublished(options.publicUrl, content);
  const built = await insertEdition(db, { content, html: rendered.html, text: rendered.text });
  const edition = await getEdition(db, options.week);
  if (!edition) throw new Error(`edition ${options.week} was stored but cannot be read back`);
  return { edition, built };
}
