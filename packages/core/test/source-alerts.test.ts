import { describe, expect, it } from 'vitest';
import { type SourceHealthFacts, sourceAlerts } from '../src/index.ts';

// Issue 14: the console's alerts about sources.
const now = new Date('2026-12-03T09:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const healthy: SourceHealthFacts = {
  enabled: true,
  status: 'ok',
  failingSince: null,
  weeklyItems: [2, 1, 3, 1, 0, 2, 4, 1, 1, 0, 2],
};

describe('sourceAlerts (issue 14)', () => {
  it('raises nothing for a healthy source that publishes', () => {
    expect(sourceAlerts(healthy, now)).toEqual([]);
  });

  it('flags a weekly publisher silent for three weeks', () => {
    const silent = { ...healthy, weeklyItems: [0, 0, 0, 1, 2, 0, 1, 1, 3, 0, 1] };
    expect(sourceAlerts(silent, now)).toEqual([{ kind: 'silent', weeks: 3, usualWeeksWithItems: 6 }]);
  });

  it('does not flag a source that rarely publishes, or one silent for only two weeks', () => {
    // Items in 4 of the 8 weeks before: not "most".
    expect(sourceAlerts({ ...healthy, weeklyItems: [0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0] }, now)).toEqual([]);
    expect(sourceAlerts({ ...healthy, weeklyItems: [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1] }, now)).toEqual([]);
  });

  it('flags a source whose current failures began a day ago or more, not one failing for an hour', () => {
    const failing = { ...healthy, status: 'failing' as const };
    expect(sourceAlerts({ ...failing, failingSince: hoursAgo(24) }, now)).toEqual([
      { kind: 'failing', since: hoursAgo(24) },
    ]);
    expect(sourceAlerts({ ...failing, failingSince: hoursAgo(1) }, now)).toEqual([]);
  });

  it('always flags a dead source', () => {
    expect(sourceAlerts({ ...healthy, status: 'dead', failingSince: hoursAgo(200) }, now)).toEqual([
      { kind: 'dead', since: hoursAgo(200) },
    ]);
  });

  it('raises nothing for a paused source', () => {
    const paused = { ...healthy, enabled: false, status: 'disabled' as const, weeklyItems: Array(11).fill(0) };
    expect(sourceAlerts({ ...paused, weeklyItems: [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1] }, now)).toEqual([]);
  });
});
