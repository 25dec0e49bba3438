import { describe, expect, it } from 'vitest';
import { normaliseEntry } from '../src/index.ts';

const context = {
  sourceId: 'opc-pipeda',
  baseUrl: 'https://www.priv.gc.ca/en/rss/pipeda/',
  language: 'en-CA',
  now: new Date('2026-11-01T12:00:00Z'),
};

function normalise(entry: Parameters<typeof normaliseEntry>[0], now = context.now) {
  const result = normaliseEntry(entry, { ...context, now });
  if (!result.ok) throw new Error(result.reason);
  return result.item;
}

describe('normaliseEntry', () => {
  it('turns an OPC entry into a clean item with an absolute URL and a real date', () => {
    const item = normalise({
      guid: '/en/opc-actions-and-decisions/investigations/2026/pipeda-2026-004/',
      link: '/en/opc-actions-and-decisions/investigations/2026/pipeda-2026-004/',
      title: 'PIPEDA Findings #2026-004: complaints concerning X Corp.’s compliance',
      summary: 'Complaints concerning X.<abbr>AI</abbr> <abbr>LLC</abbr>’s compliance with <abbr>PIPEDA</abbr>',
      published: 'Thu, 11 Jun 26 00:00:00 -0400',
    });
    expect(item.url).toBe('https://www.priv.gc.ca/en/opc-actions-and-decisions/investigations/2026/pipeda-2026-004/');
    expect(item.canonicalUrl).toBe('priv.gc.ca/en/opc-actions-and-decisions/investigations/2026/pipeda-2026-004');
    expect(item.summary).toBe('Complaints concerning X.AI LLC’s compliance with PIPEDA');
    // The OPC writes a day as midnight in Ottawa: the item is dated that day, at day precision.
    expect(item.publishedAt).toBe('2026-06-11T00:00:00.000Z');
    expect(item.publishedPrecision).toBe('day');
    expect(item.publishedFrom).toBe('entry');
    expect(item.language).toBe('en');
    expect(item.dedupKey).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives a dateless entry the fetch time, and the same identity and hash on every fetch', () => {
    const entry = { title: 'Undated notice', link: 'https://example.org/n/1' };
    const first = normalise(entry, new Date('2026-11-01T12:00:00Z'));
    const later = normalise(entry, new Date('2026-11-02T12:00:00Z'));
    expect(first.publishedFrom).toBe('first-seen');
    expect(first.publishedPrecision).toBe('instant');
    expect(first.publishedAt).toBe('2026-11-01T12:00:00.000Z');
    expect(later.dedupKey).toBe(first.dedupKey);
    expect(later.contentHash).toBe(first.contentHash);
  });

  it('does not trust dates in the future or before 1990', () => {
    expect(normalise({ title: 'a', published: '2031-01-01T00:00:00Z' }).publishedFrom).toBe('first-seen');
    expect(normalise({ title: 'b', published: '1970-01-01T00:00:00Z' }).publishedFrom).toBe('first-seen');
    expect(normalise({ title: 'c', published: '2026-11-02T00:00:00Z' }).publishedFrom).toBe('entry');
    expect(normalise({ title: 'd', published: '2027' }).publishedFrom).toBe('first-seen');
  });

  // Issue 11: a source that gives only a month or a year is placed there, never at first sight.
  it('issue 11: keeps a month or a year the entry gives at its precision, with the entry as its origin', () => {
    const month = normalise({ title: 'Rapport annuel', published: 'mars 2026' });
    expect([month.publishedAt, month.publishedPrecision, month.publishedFrom]).toEqual([
      '2026-03-01T00:00:00.000Z',
      'month',
      'entry',
    ]);
    const year = normalise({ title: 'Incident', published: '2015' });
    expect([year.publishedAt, year.publishedPrecision, year.publishedFrom]).toEqual([
      '2015-01-01T00:00:00.000Z',
      'year',
      'entry',
    ]);
    // A coarser date is part of the change hash: a correction from a year to a day updates the item.
    const day = normalise({ title: 'Incident', published: '2015-01-01' });
    expect(day.contentHash).not.toBe(year.contentHash);
  });

  it('issue 11: dates an entry without a date of its own from its URL before falling back to first sight', () => {
    const byDay = normalise({ title: 'a', link: 'https://example.org/news/2026/03/12/fine-issued/' });
    expect([byDay.publishedAt, byDay.publishedPrecision, byDay.publishedFrom]).toEqual([
      '2026-03-12T00:00:00.000Z',
      'day',
      'url',
    ]);
    const byMonth = normalise({ title: 'b', link: 'https://example.org/2026/03/fine-issued' });
    expect([byMonth.publishedPrecision, byMonth.publishedFrom]).toEqual(['month', 'url']);
    // The entry's own date wins over its URL's.
    const own = normalise({ title: 'c', link: 'https://example.org/2026/03/12/x', published: '2026-03-14T10:00:00Z' });
    expect([own.publishedAt, own.publishedPrecision, own.publishedFrom]).toEqual([
      '2026-03-14T10:00:00.000Z',
      'instant',
      'entry',
    ]);
  });

  it('falls back from guid to link to a content hash for identity', () => {
    const byGuid = normalise({ guid: 'g-1', link: 'https://e.org/1', title: 't' });
    const byLink = normalise({ link: 'https://e.org/1', title: 't' });
    const byHash = normalise({ title: 'Only a title', summary: 'and text' });
    expect(byGuid.guid).toBe('g-1');
    expect(byLink.guid).toBe('https://e.org/1');
    expect(byHash.guid).toMatch(/^hash:[0-9a-f]{64}$/);
    expect(new Set([byGuid.dedupKey, byLink.dedupKey, byHash.dedupKey]).size).toBe(3);
  });

  it('changes the content hash when the source edits the entry, not the identity', () => {
    const before = normalise({ guid: 'g', title: 'ICO fines firm', summary: 'v1' });
    const after = normalise({ guid: 'g', title: 'ICO fines firm £1m', summary: 'v1' });
    expect(after.dedupKey).toBe(before.dedupKey);
    expect(after.contentHash).not.toBe(before.contentHash);
  });

  it('derives a missing title from the text, and rejects an entry with nothing in it', () => {
    expect(normalise({ summary: '<p>A notice with no title element</p>' }).title).toBe(
      'A notice with no title element',
    );
    const empty = normaliseEntry({ title: '  ', summary: '<p></p>' }, context);
    expect(empty).toEqual({ ok: false, reason: 'entry has no title, text or link' });
  });

  it('keeps the links to other sites as reference links, not those to its own site', () => {
    const item = normalise({
      link: 'https://www.theregister.com/2026/06/11/opc_x/',
      title: 'Canada’s privacy watchdog finds X broke the law',
      summary:
        '<p>Read <a href="https://www.priv.gc.ca/en/opc-actions-and-decisions/investigations/2026/pipeda-2026-004/?utm_source=x">the findings</a>' +
        ' and <a href="https://www.priv.gc.ca/en/opc-actions-and-decisions/investigations/2026/pipeda-2026-004/">again</a>.</p>' +
        '<p>Related: <a href="/2026/06/10/other_story/">our earlier story</a>, <a href="javascript:alert(1)">x</a></p>',
    });
    expect(item.links).toEqual(['priv.gc.ca/en/opc-actions-and-decisions/investigations/2026/pipeda-2026-004']);
  });

  it('ignores links that are not http(s)', () => {
    const item = normalise({ title: 'x', link: 'javascript:alert(1)' });
    expect(item.url).toBeNull();
    expect(item.canonicalUrl).toBeNull();
  });

  it('bounds every stored field', () => {
    const item = normalise({ guid: 'g'.repeat(5_000), title: 't '.repeat(2_000), summary: 's '.repeat(5_000) });
    expect(item.title.length).toBeLessThanOrEqual(500);
    expect(item.summary.length).toBeLessThanOrEqual(1_000);
    expect(item.guid).toMatch(/^hash:/);
  });
});
