import { describe, expect, it } from 'vitest';
import { parseDate } from '../src/index.ts';

const iso = (raw: string) => parseDate(raw)?.toISOString() ?? null;

describe('parseDate', () => {
  it('reads RFC 822 dates with two-digit years as OPC writes them', () => {
    expect(iso('Thu, 11 Jun 26 00:00:00 -0400')).toBe('2026-06-11T04:00:00.000Z');
    expect(iso('Mon, 01 Jan 01 00:00:00 -0400')).toBe('2001-01-01T04:00:00.000Z');
    expect(iso('Sat, 01 Jan 99 00:00:00 GMT')).toBe('1999-01-01T00:00:00.000Z');
  });

  it('reads named zones, missing seconds and missing weekdays', () => {
    expect(iso('Tue, 10 Jun 2003 04:00:00 GMT')).toBe('2003-06-10T04:00:00.000Z');
    expect(iso('10 Jun 2003 04:00 EDT')).toBe('2003-06-10T08:00:00.000Z');
    expect(iso('Wed, 02 Oct 2002 13:00:00 +0100')).toBe('2002-10-02T12:00:00.000Z');
  });

  it('reads ISO 8601 with and without offsets, as UTC when none is given', () => {
    expect(iso('2026-02-23T10:15:00+01:00')).toBe('2026-02-23T09:15:00.000Z');
    expect(iso('2026-02-23T10:15:00.123456Z')).toBe('2026-02-23T10:15:00.123Z');
    expect(iso('2026-02-23 10:15:00')).toBe('2026-02-23T10:15:00.000Z');
    expect(iso('2026-02-23')).toBe('2026-02-23T00:00:00.000Z');
  });

  it('reads the long forms regulators print on their pages', () => {
    expect(iso('23 February 2026')).toBe('2026-02-23T00:00:00.000Z');
    expect(iso('February 23, 2026')).toBe('2026-02-23T00:00:00.000Z');
    expect(iso('1er mars 2026')).toBe('2026-03-01T00:00:00.000Z');
    expect(iso('12 décembre 2025')).toBe('2025-12-12T00:00:00.000Z');
    expect(iso('23/02/2026')).toBe('2026-02-23T00:00:00.000Z');
  });

  it('refuses dates that do not exist or cannot be read', () => {
    for (const bad of [
      '31 Feb 2026',
      '2026-13-01',
      'yesterday',
      '',
      'Thu, 11 Foo 26 00:00:00 -0400',
      '10 Jun 2003 04:00 XYZ',
    ]) {
      expect(parseDate(bad), bad).toBeNull();
    }
  });
});
