import { type FeedEntry, type NormalisedItem, normaliseEntry } from '@regwatch/core';
import { aiaaicSources } from '../src/aiaaic/definitions.ts';
import { recordedNow } from './support.ts';

// Shared by aiaaic.test.ts and aiaaic.corpus.test.ts: the catalog source and its normalisation.

const source = aiaaicSources.find((candidate) => candidate.id === 'aiaaic');
if (!source) throw new Error('no catalog source aiaaic');
export const aiaaic = source;

/** The register's entries as the processing step normalises them, and those it cannot use. */
export function normaliseAiaaic(
  entries: FeedEntry[],
  now = recordedNow,
): { items: NormalisedItem[]; rejected: FeedEntry[] } {
  const items: NormalisedItem[] = [];
  const rejected: FeedEntry[] = [];
  for (const entry of entries) {
    const result = normaliseEntry(entry, { sourceId: aiaaic.id, baseUrl: aiaaic.url, language: 'en', now });
    if (result.ok) items.push(result.item);
    else rejected.push(entry);
  }
  return { items, rejected };
}
