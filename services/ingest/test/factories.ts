import { type FeedEntry, type NormalisedItem, normaliseEntry } from '@regwatch/core';
import type { Db } from '@regwatch/db';
import { insertSource, type NewSource } from '@regwatch/db';

export async function addSource(db: Db, overrides: Partial<NewSource> = {}) {
  return insertSource(db, {
    id: 'example',
    name: 'Example regulator',
    kind: 'regulator',
    url: 'https://example.org/feed.xml',
    jurisdictions: ['GB'],
    pollIntervalSeconds: 900,
    ...overrides,
  });
}

/** A normalised item built the way the pipeline builds them. */
export function makeItem(
  entry: FeedEntry,
  sourceId = 'example',
  now = new Date('2026-11-01T00:00:00Z'),
): NormalisedItem {
  const result = normaliseEntry(entry, { sourceId, baseUrl: 'https://example.org/feed.xml', now });
  if (!result.ok) throw new Error(result.reason);
  return result.item;
}
