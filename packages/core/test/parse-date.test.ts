import { describe, expect, it } from 'vitest';
import { anyMonth, monthLanguages, monthNames, parseDate, parsePublished } from '../src/index.ts';

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

  it('reads what peer feed test suites throw at readers: space before the comma, military zones', () => {
    expect(iso('Thu , 09 Feb 2006 23:59:45 +0000')).toBe('2006-02-09T23:59:45.000Z');
    expect(iso('Thu, 09 Feb 2006 16:59:45 G')).toBe('2006-02-09T16:59:45.000Z');
    expect(iso('Thu, 09 Feb 2006 16:59:45 J')).toBeNull();
  });

  it('refuses dates that do not exist or cannot be read', () => {
    for (const bad of [
      '31 Feb 2026',
      '2026-13-01',
      'yesterday',
      '',
      'Thu, 11 Foo 26 00:00:00 -0400',
      '10 Jun 2003 04:00 XYZ',
      '13/13/2026',
      'Juni',
    ]) {
      expect(parseDate(bad), bad).toBeNull();
    }
  });
});

const published = (raw: string) => {
  const date = parsePublished(raw);
  return date ? `${date.at.toISOString()} ${date.precision}` : null;
};

describe('parsePublished (issue 11: every item dated, with its precision)', () => {
  it('keeps an instant when the source gives a time', () => {
    expect(published('Wed, 24 Jun 2026 14:00:00 +0200')).toBe('2026-06-24T12:00:00.000Z instant');
    expect(published('2026-01-27T13:11:21.00Z')).toBe('2026-01-27T13:11:21.000Z instant');
    expect(published('February 23, 2026 at 3:15 pm EST')).toBe('2026-02-23T20:15:00.000Z instant');
  });

  it('reads a date without a time, or at midnight, as that calendar day, whatever its zone', () => {
    expect(published('2026-05-28')).toBe('2026-05-28T00:00:00.000Z day');
    // The OPC and the ICO's enforcement feed write days as midnight in their own zone.
    expect(published('Thu, 11 Jun 26 00:00:00 -0400')).toBe('2026-06-11T00:00:00.000Z day');
    expect(published('Thu, 28 May 2026 00:00:00 GMT')).toBe('2026-05-28T00:00:00.000Z day');
    expect(published('Tue, 14 Jul 2026 00:00:00 +1000')).toBe('2026-07-14T00:00:00.000Z day');
  });

  it('reads month names in every source language', () => {
    for (const [raw, iso] of [
      ['23 February 2026', '2026-02-23'],
      ['1er mars 2026', '2026-03-01'],
      ['3 août 2025', '2025-08-03'],
      ['12. März 2026', '2026-03-12'],
      ['Mittwoch, 1. Oktober 2025', '2025-10-01'],
      ['12 maart 2026', '2026-03-12'],
      ['8 mei 2026', '2026-05-08'],
      ['24 de junio de 2026', '2026-06-24'],
      ['mié, 24 jun 2026', '2026-06-24'],
      ['28 maggio 2026', '2026-05-28'],
      ['3 dic 2025', '2025-12-03'],
      ['24. junij 2026', '2026-06-24'],
      ['5. avgust 2025', '2025-08-05'],
    ]) {
      expect(published(raw as string), raw).toBe(`${iso}T00:00:00.000Z day`);
    }
  });

  it('reads numeric dates day first, and month first only when the day cannot be a month', () => {
    expect(published('23/02/2026')).toBe('2026-02-23T00:00:00.000Z day');
    expect(published('24.06.2026')).toBe('2026-06-24T00:00:00.000Z day');
    expect(published('03/04/2026')).toBe('2026-04-03T00:00:00.000Z day');
    expect(published('06/24/2026')).toBe('2026-06-24T00:00:00.000Z day');
    expect(published('24.06.2026 10:30')).toBe('2026-06-24T10:30:00.000Z instant');
  });

  it('keeps a month or a year at its precision, at its start', () => {
    expect(published('2026-03')).toBe('2026-03-01T00:00:00.000Z month');
    expect(published('March 2026')).toBe('2026-03-01T00:00:00.000Z month');
    expect(published('juin 2026')).toBe('2026-06-01T00:00:00.000Z month');
    expect(published('junio de 2026')).toBe('2026-06-01T00:00:00.000Z month');
    expect(published('2015')).toBe('2015-01-01T00:00:00.000Z year');
  });

  it('refuses what is not a date', () => {
    for (const bad of ['2026-02-30', '2026-00', 'Foo 2026', '12345', 'gisteren', '31 juin 2026']) {
      expect(parsePublished(bad), bad).toBeNull();
    }
  });
});

describe('month names', () => {
  it('never give one spelling two different months across languages, so any-language reading is safe', () => {
    const seen = new Map<string, number>();
    for (const language of monthLanguages) {
      for (const [spelling, month] of Object.entries(monthNames[language])) {
        expect(seen.get(spelling) ?? month, `${language} ${spelling}`).toBe(month);
        seen.set(spelling, month);
      }
    }
    expect(anyMonth('Août')).toBe(8);
    expect(anyMonth('MÄRZ')).toBe(3);
  });
});
