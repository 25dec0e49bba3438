import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isSlug } from '@regwatch/core';
import { describe, expect, it } from 'vitest';
import { sourceCatalog } from '../src/catalog.ts';
import { definitionProblems } from '../src/definition-check.ts';
import { testdataDir } from '../src/testdata.ts';
import { normaliseRecorded } from './support.ts';

describe('the source catalog', () => {
  it('has unique slug ids, known formats, valid options and jurisdictions, and a recorded response each', () => {
    const ids = sourceCatalog.map((source) => source.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sourceCatalog.flatMap(definitionProblems)).toEqual([]);
    for (const source of sourceCatalog) {
      expect(existsSync(join(testdataDir, source.recorded.file)), `${source.id}: ${source.recorded.file}`).toBe(true);
    }
  });

  it('names every problem of a definition, the article-page setting included', () => {
    const [first] = sourceCatalog;
    if (!first) throw new Error('empty catalog');
    const bad = {
      ...first,
      id: 'Bad Id',
      url: 'http://example.org/feed',
      pollIntervalSeconds: 10,
      jurisdictions: ['UK'],
      fetchArticlePages: 'sometimes' as never,
    };
    const problems = definitionProblems(bad).join('\n');
    for (const field of ['id', 'url', 'pollIntervalSeconds', 'jurisdictions', 'fetchArticlePages'])
      expect(problems).toContain(`Bad Id: ${field} `);
    expect(definitionProblems({ ...first, format: 'gopher' }).join()).toContain('format');
  });

  // Issue 11: the regulators whose feeds or listings give no text have their article pages read.
  it('fetches article pages when the entry is empty for the AP, the IP and the BfDI, and for no one else', () => {
    const reading = sourceCatalog.filter((source) => (source.fetchArticlePages ?? 'never') !== 'never');
    expect(reading.map((source) => [source.id, source.fetchArticlePages])).toEqual([
      ['ap-nl', 'when-empty'],
      ['bfdi', 'when-empty'],
      ['ip-si', 'when-empty'],
    ]);
  });

  it('issue 11: names one publisher for a publisher’s several feeds (a digest counts publishers, not feeds)', () => {
    const publisherOf = (id: string) => {
      const source = sourceCatalog.find((candidate) => candidate.id === id);
      return source?.publisher ?? source?.id;
    };
    for (const source of sourceCatalog) {
      if (source.publisher !== undefined) expect(isSlug(source.publisher), source.id).toBe(true);
    }
    const opc = sourceCatalog.filter((source) => source.id.startsWith('opc-'));
    expect(new Set(opc.map((source) => publisherOf(source.id)))).toEqual(new Set(['opc']));
    expect(publisherOf('ico-news')).toBe(publisherOf('ico-enforcement'));
    // Everyone else publishes alone: no two different outlets share a publisher by mistake.
    expect(publisherOf('therecord')).toBe('therecord');
    const others = sourceCatalog.filter((source) => !/^(ico|opc)-/.test(source.id));
    expect(new Set(others.map((source) => publisherOf(source.id))).size).toBe(others.length);
  });

  it('covers the ICO, OPC in two languages, AIAAIC, at least 8 press outlets and 10 more regulators', () => {
    const count = (predicate: (source: (typeof sourceCatalog)[number]) => boolean) =>
      sourceCatalog.filter(predicate).length;
    expect(count((source) => source.id.startsWith('ico-'))).toBeGreaterThanOrEqual(2);
    expect(count((source) => source.id.startsWith('opc-') && source.language === 'en')).toBeGreaterThanOrEqual(4);
    expect(count((source) => source.id.startsWith('opc-') && source.language === 'fr')).toBeGreaterThanOrEqual(4);
    expect(count((source) => source.kind === 'incident-db')).toBeGreaterThanOrEqual(1);
    expect(count((source) => source.kind === 'press')).toBeGreaterThanOrEqual(8);
    expect(count((source) => source.kind === 'regulator' && !/^(ico|opc)-/.test(source.id))).toBeGreaterThanOrEqual(10);
    const formats = new Set(sourceCatalog.map((source) => source.format));
    for (const format of ['feed', 'aiaaic-csv', 'html-list', 'ico-search']) expect(formats).toContain(format);
  });

  it.each(sourceCatalog.map((source) => [source.id, source] as const))(
    '%s: its recorded response yields clean, dated, absolute items',
    async (_id, source) => {
      const items = await normaliseRecorded(source);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.url, item.title).toMatch(/^https?:\/\/[^/]+\//);
        expect(item.url, item.title).not.toContain('127.0.0.1');
        expect(`${item.title} ${item.summary}`).not.toContain('\uFFFD');
        expect(item.title).not.toMatch(/<[a-z][^>]*>/i);
        // Issue 11: every recorded entry carries a date, so none is dated at first sight.
        expect(item.publishedFrom, `${item.title}: dated?`).toBe('entry');
      }
    },
  );

  // Issue 11: each source's dates at the precision it really gives. Feeds that write a day as
  // midnight (the ICO's enforcement feed, the OPC) and listings that print a day are days;
  // the AIAAIC register gives a year; everything else gives a time.
  const dayPrecision = new Set(['ico-news', 'ico-enforcement', 'dpc-ie', 'garante-it', 'ip-si']);
  const precisionOf = (id: string) =>
    id === 'aiaaic' ? 'year' : dayPrecision.has(id) || id.startsWith('opc-') ? 'day' : 'instant';

  it.each(sourceCatalog.map((source) => [source.id, precisionOf(source.id), source] as const))(
    'issue 11: %s dates every recorded item from the entry, at %s precision',
    async (_id, precision, source) => {
      const items = await normaliseRecorded(source);
      for (const item of items) {
        expect([item.publishedFrom, item.publishedPrecision], item.title).toEqual(['entry', precision]);
        if (precision !== 'instant') expect(item.publishedAt, item.title).toMatch(/T00:00:00\.000Z$/);
      }
    },
  );
});
