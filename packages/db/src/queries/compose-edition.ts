import { composeEdition, type EditionContent, type EditionWeek, editionPeriod, rankDigest } from '@regwatch/core';
import type { Db } from '../client.ts';
import { getEditionNote } from './edition-notes.ts';
import { listSources } from './sources.ts';
import { digestCandidates, storiesByIds } from './stories.ts';

/** As many stories as `/v1/digest` gives at most: a week's roundup is read in minutes. */
export const editionStoryLimit = 40;

/**
 * An edition of the stories stored now with an item in [since, until) (not stored), ranked as
 * `/v1/digest` ranks them (core's rankDigest, composeEdition: the decisions are there), with the
 * editor's note of its week; `week` names it. The roundup's build, the CLI preview, the console's
 * preview and the sample fixtures make theirs with it (here, not in services/roundup, so the API
 * composes the same edition without importing another service).
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
  const note = await getEditionNote(db, options.week);
  const content = composeEdition({
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
  return note ? { ...content, note: note.note } : content;
}

/** An edition of `week` from the stories stored now (not stored): what the build and the previews make. */
export function composeWeek(db: Db, week: EditionWeek, now: Date): Promise<EditionContent> {
  return composeStoredStories(db, { week, ...editionPeriod(week), now });
}
