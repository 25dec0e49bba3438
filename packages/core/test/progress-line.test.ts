import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress, redrawThrottle } from '../src/text/progress-line.ts';

describe('progress lines (issue 14)', () => {
  it('shows count, rate and time left once they can be measured', () => {
    expect(formatProgress({ done: 0, total: 500, elapsedMs: 0, unit: 'entries' })).toBe('0/500 entries');
    expect(formatProgress({ done: 120, total: 500, elapsedMs: 4_000, unit: 'entries' })).toBe(
      '120/500 entries  30/s  about 13 s left',
    );
    expect(formatProgress({ done: 3, total: 10, elapsedMs: 2_000, unit: 'items' })).toBe(
      '3/10 items  1.5/s  about 5 s left',
    );
    expect(formatProgress({ done: 10, total: 10, elapsedMs: 2_000, unit: 'items' })).toBe('10/10 items  5.0/s');
  });

  it('without a total, shows the count and the rate only', () => {
    expect(formatProgress({ done: 2_000, total: null, elapsedMs: 10_000, unit: 'items' })).toBe('2000 items  200/s');
  });

  it('writes durations a person reads at a glance', () => {
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(7_440)).toBe('2 h 04 min');
  });

  it('lets a redraw through at most once per interval', () => {
    let now = 0;
    const due = redrawThrottle(200, () => now);
    expect(due()).toBe(true);
    now = 150;
    expect(due()).toBe(false);
    now = 200;
    expect(due()).toBe(true);
    now = 399;
    expect(due()).toBe(false);
  });
});
