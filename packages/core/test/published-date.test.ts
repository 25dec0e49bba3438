import { describe, expect, it } from 'vitest';
import { dateFromUrl, publicationDate } from '../src/index.ts';

const now = new Date('2026-11-20T12:00:00Z');

describe('publicationDate (issue 11: where an item’s date came from)', () => {
  it('takes the entry’s date, then its updated date, then the page’s, then the URL’s', () => {
    const url = 'https://example.org/news/2026/03/12/story';
    expect(publicationDate({ published: '2026-03-14', updated: '2026-03-15', page: '2026-03-16', url, now })).toEqual({
      at: new Date('2026-03-14T00:00:00Z'),
      precision: 'day',
      from: 'entry',
    });
    expect(publicationDate({ updated: '2026-03-15T08:00:00Z', page: '2026-03-16', url, now }).from).toBe('entry');
    expect(publicationDate({ published: 'last week', page: '16 March 2026', url, now })).toMatchObject({
      at: new Date('2026-03-16T00:00:00Z'),
      from: 'page',
    });
    expect(publicationDate({ url, now })).toMatchObject({ at: new Date('2026-03-12T00:00:00Z'), from: 'url' });
  });

  it('says first-seen only when nothing dates the item, and skips implausible dates', () => {
    expect(publicationDate({ published: '2031-05-01', url: 'https://example.org/about', now })).toEqual({
      at: now,
      precision: 'instant',
      from: 'first-seen',
    });
    expect(publicationDate({ published: '1970-01-01', url: 'https://example.org/2026/04/x', now })).toMatchObject({
      precision: 'month',
      from: 'url',
    });
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['https://techcrunch.com/2026/08/26/meta-pledges/', '2026-08-26T00:00:00.000Z day'],
    ['https://example.org/2026-03-12-fine-issued', '2026-03-12T00:00:00.000Z day'],
    ['https://example.org/blog/2025/7/', '2025-07-01T00:00:00.000Z month'],
  ])('%s is dated %s', (url, expected) => {
    const date = dateFromUrl(url);
    expect(date ? `${date.at.toISOString()} ${date.precision}` : null).toBe(expected);
  });

  it.each([
    'https://www.priv.gc.ca/en/opc-actions-and-decisions/investigations/2026/pipeda-2026-004/',
    'https://example.org/item/20261312',
    'https://example.org/2026/13/01/x',
    'https://example.org/?date=2026/03/12/',
    'not a url',
  ])('%s carries no date', (url) => {
    expect(dateFromUrl(url)).toBeNull();
  });
});
