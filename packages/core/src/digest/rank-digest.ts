import { type NewsKind, newsKind } from './news-kind.ts';

/** A story with an item in the digest's period, and what it is ranked by. */
export interface DigestCandidate {
  storyId: string;
  title: string;
  summary: string;
  topics: readonly string[];
  /** Distinct publishers with an item in the period: an office's English and French feeds are one. */
  publisherCount: number;
  /** Whether the story's primary item is a regulator's own notice. */
  regulatorPrimary: boolean;
  /** Its items published in the period. */
  periodItemCount: number;
  /** ISO 8601 instant of its newest item. */
  lastPublishedAt: string;
}

export interface RankedDigestEntry<Candidate extends DigestCandidate = DigestCandidate> {
  candidate: Candidate;
  kind: NewsKind;
  /** Why it has that kind. */
  kindEvidence: string;
  /** `candidate.lastPublishedAt` in epoch milliseconds, read once rather than at every comparison. */
  lastPublishedMs: number;
}

/** Larger first for numeric ids of any length (story ids are bigints, given as strings). */
const byIdDescending = (a: string, b: string) => b.length - a.length || (a < b ? 1 : a > b ? -1 : 0);

/**
 * The order of a digest:
 * 1. outreach (events, agendas, campaigns, prizes, school materials), when included, after
 *    everything else, however many published it;
 * 2. more distinct publishers first (coverage: how many outlets thought it worth writing);
 * 3. among equal coverage, an authority's or a court's act (decisions, fines, investigations,
 *    rulings, guidance) before other news;
 * 4. a regulator's own notice as primary first, then more items in the period, then the newest,
 *    then the larger id (so the order is total and stable).
 */
export function compareDigestEntries(a: RankedDigestEntry, b: RankedDigestEntry): number {
  const outreach = Number(a.kind === 'outreach') - Number(b.kind === 'outreach');
  if (outreach !== 0) return outreach;
  if (a.candidate.publisherCount !== b.candidate.publisherCount) {
    return b.candidate.publisherCount - a.candidate.publisherCount;
  }
  const action = Number(b.kind === 'action') - Number(a.kind === 'action');
  if (action !== 0) return action;
  const regulator = Number(b.candidate.regulatorPrimary) - Number(a.candidate.regulatorPrimary);
  if (regulator !== 0) return regulator;
  if (a.candidate.periodItemCount !== b.candidate.periodItemCount) {
    return b.candidate.periodItemCount - a.candidate.periodItemCount;
  }
  const newest = b.lastPublishedMs - a.lastPublishedMs;
  if (newest !== 0) return newest;
  return byIdDescending(a.candidate.storyId, b.candidate.storyId);
}

export interface DigestRanking<Candidate extends DigestCandidate = DigestCandidate> {
  /** The first `limit` stories in digest order. */
  entries: RankedDigestEntry<Candidate>[];
  /** Outreach stories of the period left out (when not included). */
  outreachLeftOut: number;
}

/**
 * The first `limit` candidates in digest order (see `compareDigestEntries`), each with its kind.
 * Outreach is left out, and counted, unless `includeOutreach`: a newsletter's list is what
 * authorities, courts and companies did, and a regulator's Girls' Day is not that however few
 * other stories the period has.
 */
export function rankDigest<Candidate extends DigestCandidate>(
  candidates: readonly Candidate[],
  options: { limit: number; includeOutreach?: boolean },
): DigestRanking<Candidate> {
  const ranked = candidates.map((candidate) => {
    const verdict = newsKind(candidate);
    return {
      candidate,
      kind: verdict.kind,
      kindEvidence: verdict.evidence,
      lastPublishedMs: Date.parse(candidate.lastPublishedAt),
    };
  });
  const kept = options.includeOutreach ? ranked : ranked.filter((entry) => entry.kind !== 'outreach');
  return {
    entries: kept.sort(compareDigestEntries).slice(0, options.limit),
    outreachLeftOut: ranked.length - kept.length,
  };
}
