// Every item a poll of each catalog source's recorded response (packages/sources/testdata) would
// store, normalised as the ingest step does: what the labelled tag samples are drawn from.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type NormalisedItem, normaliseEntry } from '@regwatch/core';
import { adapterFor, type SourceDefinition, sourceCatalog, testdataDir } from '@regwatch/sources';

/** A fixed clock: every recorded item is older, so no date is estimated from it. */
const recordedNow = new Date('2026-11-20T12:00:00Z');

export interface RecordedItem {
  source: SourceDefinition;
  item: NormalisedItem;
}

export async function recordedItems(sources: readonly SourceDefinition[] = sourceCatalog): Promise<RecordedItem[]> {
  const items: RecordedItem[] = [];
  for (const source of sources) {
    const feed = await adapterFor(source.format).parse(
      {
        body: readFileSync(resolve(testdataDir, source.recorded.file)),
        contentType: source.recorded.contentType,
        url: source.url,
      },
      source.options ?? {},
    );
    for (const entry of feed.entries) {
      const result = normaliseEntry(entry, {
        sourceId: source.id,
        baseUrl: source.url,
        language: feed.language ?? source.language,
        now: recordedNow,
      });
      if (result.ok) items.push({ source, item: result.item });
    }
  }
  return items;
}
