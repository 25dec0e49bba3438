import { describe, expect, it } from 'vitest';
import { entityTag, isNotModified, lastModified } from '../src/index.ts';

const current = { etag: entityTag('<rss/>'), lastModified: '2026-10-15T12:00:00.500Z' };

describe('entityTag', () => {
  it('is a quoted, strong tag that depends only on the bytes', () => {
    expect(current.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(entityTag('<rss/>')).toBe(current.etag);
    expect(entityTag(new TextEncoder().encode('<rss/>'))).toBe(current.etag);
    expect(entityTag('<rss />')).not.toBe(current.etag);
  });
});

describe('lastModified', () => {
  it('is an HTTP date (IMF-fixdate)', () => {
    expect(lastModified('2026-10-15T12:00:00.500Z')).toBe('Thu, 15 Oct 2026 12:00:00 GMT');
  });
});

describe('isNotModified', () => {
  it('matches If-None-Match against the current tag, strong, weak, in a list or *', () => {
    expect(isNotModified({ ifNoneMatch: current.etag }, current)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `W/${current.etag}` }, current)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `"other", ${current.etag}` }, current)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, current)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"other"' }, current)).toBe(false);
    expect(isNotModified({ ifNoneMatch: 'garbage' }, current)).toBe(false);
  });

  it('ignores If-Modified-Since when If-None-Match is present', () => {
    const since = 'Fri, 16 Oct 2026 00:00:00 GMT';
    expect(isNotModified({ ifNoneMatch: '"other"', ifModifiedSince: since }, current)).toBe(false);
    expect(isNotModified({ ifModifiedSince: since }, current)).toBe(true);
  });

  it('compares If-Modified-Since at one-second precision, as HTTP dates have', () => {
    expect(isNotModified({ ifModifiedSince: 'Thu, 15 Oct 2026 12:00:00 GMT' }, current)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Thu, 15 Oct 2026 11:59:59 GMT' }, current)).toBe(false);
  });

  it('ignores an If-Modified-Since that is not a date, and answers false with no condition', () => {
    expect(isNotModified({ ifModifiedSince: 'yesterday' }, current)).toBe(false);
    expect(isNotModified({}, current)).toBe(false);
  });
});
