import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type NormalisedItem, normaliseEntry, type ParsedFeed, RegwatchError } from '@regwatch/core';
import { adapterFor } from '../src/registry.ts';
import { testdataDir } from '../src/testdata.ts';
import type { SourceDefinition } from '../src/types.ts';

/** A fixed clock for pinned tests: recorded items are all older than this. */
export const recordedNow = new Date('2026-11-20T12:00:00Z');

export function readRecorded(file: string): Uint8Array {
  return readFileSync(join(testdataDir, file));
}

/** Parses a source's recorded response with its own adapter and options, as a poll would. */
export async function parseRecorded(source: SourceDefinition, file = source.recorded.file): Promise<ParsedFeed> {
  return adapterFor(source.format).parse(
    { body: readRecorded(file), contentType: source.recorded.contentType, url: source.url },
    source.options ?? {},
  );
}

/** The items a poll of the recorded response would store (unusable entries dropped). */
export async function normaliseRecorded(source: SourceDefinition, file?: string): Promise<NormalisedItem[]> {
  const feed = await parseRecorded(source, file);
  const items: NormalisedItem[] = [];
  for (const entry of feed.entries) {
    const result = normaliseEntry(entry, {
      sourceId: source.id,
      baseUrl: source.url,
      language: feed.language ?? source.language,
      now: recordedNow,
    });
    if (result.ok) items.push(result.item);
  }
  return items;
}

/** The RegwatchError a promise rejects with; anything else (or no error) fails the test. */
export async function errorOf(promise: Promise<unknown>): Promise<RegwatchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RegwatchError) return error;
    throw error;
  }
  throw new Error('expected a RegwatchError');
}

/** The RegwatchError an action throws; anything else (or no error) fails the test. */
export function thrownBy(action: () => unknown): RegwatchError {
  try {
    action();
  } catch (error) {
    if (error instanceof RegwatchError) return error;
    throw error;
  }
  throw new Error('expected a RegwatchError');
}
