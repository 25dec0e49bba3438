import { readFileSync } from 'node:fs';
import { corpusPath } from '@regwatch/testing';
import { describe, expect, it } from 'vitest';
import { aiaaicCsvAdapter } from '../src/aiaaic/adapter.ts';
import { aiaaic, normaliseAiaaic } from './aiaaic-support.ts';
import { errorOf } from './support.ts';

// The AIAAIC adapter on the register's whole export and on the AI Incident Database's, from the
// shared corpus (REGWATCH_CORPUS_DIR; `npm run test:corpus`). aiaaic.test.ts has the rest.

const corpusFile = corpusPath('aiaaic-2026-05', 'AIAAIC Repository - Incidents.csv');

function parse(body: Uint8Array, contentType: string | null = 'text/csv') {
  return aiaaicCsvAdapter.parse({ body, contentType, url: aiaaic.url });
}

describe('aiaaic: the AI Incident Database export is not the register', () => {
  it('refuses it with parse_unsupported naming the missing columns', async () => {
    const error = await errorOf(parse(readFileSync(corpusPath('aiid-snapshot-2025-03', 'incidents.csv'))));
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toContain('an ID column ("AIAAIC ID#")');
    expect(error.details).toEqual({ missingColumns: ['id'] });
  });
});

describe('aiaaic: the whole May 2026 export (shared corpus)', () => {
  it('yields one entry per data row with an ID, none without a guid', async () => {
    const bytes = readFileSync(corpusFile);
    // Counted without the adapter or a CSV parser: lines that start a record with an AIAAIC ID.
    const idLines = bytes.toString('utf8').match(/^AIAAIC\d+,/gm) ?? [];
    const ids = idLines.map((line) => line.slice(0, -1));
    expect(ids.length).toBeGreaterThan(2_000);

    const feed = await parse(bytes, 'text/csv; charset=utf-8');
    expect(feed.entries).toHaveLength(ids.length);
    expect(feed.entries.filter((entry) => !entry.guid)).toEqual([]);
    expect(feed.entries.map((entry) => entry.guid)).toEqual(ids);

    const { items, rejected } = normaliseAiaaic(feed.entries);
    // The one ID with every other cell empty (a placeholder row) has nothing to show.
    expect(rejected.map((entry) => entry.guid)).toEqual(['AIAAIC0184']);
    expect(items).toHaveLength(ids.length - 1);
    for (const item of items) {
      expect(item.url === null || item.url.startsWith('https://www.aiaaic.org/'), item.guid).toBe(true);
      expect(item.title, item.guid).not.toBe('');
    }
    // The register lists AIAAIC2094 twice (two versions of one incident): one identity; ingest keeps the first.
    const guids = items.map((item) => item.guid);
    expect(guids.filter((guid, index) => guids.indexOf(guid) !== index)).toEqual(['AIAAIC2094']);
    // SOURCE.md's "641 rows carry Privacy/surveillance" counts every privacy issue ("Privacy",
    // "Privacy/surveillance/surveillance"…); 556 carry the exact term.
    const categories = feed.entries.map((entry) => entry.labels?.categories ?? []);
    expect(categories.filter((terms) => terms.some((term) => /privacy/i.test(term)))).toHaveLength(641);
    expect(categories.filter((terms) => terms.includes('Privacy/surveillance'))).toHaveLength(556);
  });
});
