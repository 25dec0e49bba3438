import { countTags, type Database, type TagCount, type TagDimension } from '@regwatch/db';
import { ExpiringMap, memoise } from './expiring-map.ts';

/** How long tag counts are served from memory: they cost a scan and move slowly. */
const ttlMs = 60_000;

export type TagCounts = (dimension: TagDimension) => Promise<Map<string, TagCount>>;

/** Tag counts per dimension, computed at most once a minute per process. */
export function tagCountsCache(database: Database, now: () => number = Date.now): TagCounts {
  const counts = memoise(new ExpiringMap<TagDimension, Promise<Map<string, TagCount>>>(ttlMs, 3, now));
  return (dimension) => counts(dimension, () => countTags(database.db, dimension));
}
