import { describe, expect, it } from 'vitest';
import {
  currentEditionWeek,
  editionBuildAt,
  editionPeriod,
  isoWeekPeriod,
  lastCompleteWeek,
  nextEditionBuildAt,
  parseEditionWeek,
  previousEditionWeek,
  weekOf,
} from '../src/index.ts';

describe('roundup edition weeks (Friday 08:00 Europe/London)', () => {
  it('builds at 08:00 GMT in winter and 07:00 UTC (08:00 BST) in summer', () => {
    expect(editionBuildAt('2024-W38').toISOString()).toBe('2024-09-20T07:00:00.000Z');
    expect(editionBuildAt('2024-W50').toISOString()).toBe('2024-12-13T08:00:00.000Z');
  });

  it('gives the weeks of the clock changes 167 and 169 hours, with no gap or overlap', () => {
    // Clocks went forward on 2024-03-31 (in W13's period) and back on 2024-10-27 (in W44's).
    const spring = editionPeriod('2024-W14');
    expect((spring.until.getTime() - spring.since.getTime()) / 3_600_000).toBe(167);
    const autumn = editionPeriod('2024-W44');
    expect((autumn.until.getTime() - autumn.since.getTime()) / 3_600_000).toBe(169);
    expect(editionPeriod('2024-W45').since.toISOString()).toBe(autumn.until.toISOString());
  });

  it('names the edition due at an instant, the previous one before Friday 08:00', () => {
    expect(currentEditionWeek(new Date('2024-09-20T06:59:59Z'))).toBe('2024-W37');
    expect(currentEditionWeek(new Date('2024-09-20T07:00:00Z'))).toBe('2024-W38');
    expect(currentEditionWeek(new Date('2024-09-22T23:00:00Z'))).toBe('2024-W38');
    expect(nextEditionBuildAt(new Date('2024-09-20T07:00:00Z')).toISOString()).toBe('2024-09-27T07:00:00.000Z');
  });

  it('crosses ISO week-year boundaries', () => {
    expect(previousEditionWeek('2021-W01')).toBe('2020-W53');
    expect(weekOf(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    expect(editionBuildAt('2020-W53').toISOString()).toBe('2021-01-01T08:00:00.000Z');
  });

  it('refuses what is not an ISO week', () => {
    for (const bad of ['2024-W54', '2024-W00', '2024W38', '2021-W53', 'x']) {
      expect(() => parseEditionWeek(bad), bad).toThrow(/is not an ISO week/);
    }
  });
});

// Issue 16: the digest's default period, the ISO week in London.
describe('ISO weeks in London (the digest)', () => {
  it('runs from Monday 00:00 to Monday 00:00 London, BST or GMT', () => {
    const summer = isoWeekPeriod('2024-W38');
    expect([summer.since.toISOString(), summer.until.toISOString()]).toEqual([
      '2024-09-15T23:00:00.000Z',
      '2024-09-22T23:00:00.000Z',
    ]);
    // Clocks went back on Sunday 2024-10-27: that week is 169 hours long.
    const autumn = isoWeekPeriod('2024-W43');
    expect((autumn.until.getTime() - autumn.since.getTime()) / 3_600_000).toBe(169);
    expect(isoWeekPeriod('2024-W50').since.toISOString()).toBe('2024-12-09T00:00:00.000Z');
  });

  it('names the last week that has ended, across the new year', () => {
    // Monday 2024-09-23 00:30 BST is 2024-09-22T23:30Z: W38 has just ended.
    expect(lastCompleteWeek(new Date('2024-09-22T23:30:00Z'))).toBe('2024-W38');
    expect(lastCompleteWeek(new Date('2024-09-22T22:59:59Z'))).toBe('2024-W37');
    // 2021-01-03 is a Sunday of 2020-W53; the Monday after it starts 2021-W01.
    expect(lastCompleteWeek(new Date('2021-01-04T12:00:00Z'))).toBe('2020-W53');
  });
});
