import { countTags, type Database, type TagCount, type TagDimension } from '@regwatch/db';

/** How long tag counts are served from memory: they cost a scan and move slowly. */
const ttlMs = 60_000;

/**
 * Tag counts per dimension, computed at most once a minute per process; concurrent requests
 * share one computation.
 */
export type TagCounts = (dimension: TagDimension) => Promise<Map<string, TagCount>>;

export function tagCountsCache(database: Database, now: () => number = Date.now): TagCounts {
  const entries = new Map<TagDimension, { at: number; counts: Promise<Map<string, TagCount>> }>();
  return (dimension) => {
    const cached = entries.get(dimension);
    if (cached && now() - cached.at < ttlMs) return cached.counts;
    const counts = countTags(database.db, dimension);
    entries.set(dimension, { at: now(), counts });
    // A failed computation is not kept: the next request tries again.
    counts.catch(() => entries.delete(dimension));
    return counts;
  };
}
