import { RegwatchError } from '@regwatch/core';
import { aiaaicCsvAdapter } from './aiaaic/adapter.ts';
import { feedAdapter } from './feed/adapter.ts';
import { htmlListAdapter } from './html-list/adapter.ts';
import { icoSearchAdapter } from './ico/adapter.ts';
import { jsonFeedAdapter } from './json-feed/adapter.ts';
import type { SourceAdapter } from './types.ts';

const adapters: ReadonlyMap<string, SourceAdapter> = new Map(
  [feedAdapter, jsonFeedAdapter, aiaaicCsvAdapter, htmlListAdapter, icoSearchAdapter].map((adapter) => [
    adapter.format,
    adapter,
  ]),
);

/** Formats a source may declare. */
export const sourceFormats: readonly string[] = [...adapters.keys()];

export function adapterFor(format: string): SourceAdapter {
  const adapter = adapters.get(format);
  if (!adapter) {
    throw new RegwatchError(
      'parse_unsupported',
      `no adapter for source format "${format}" (known: ${sourceFormats.join(', ')})`,
    );
  }
  return adapter;
}
