import { describe, expect, it } from 'vitest';
import { nextCheckAfterFailure, pollPolicy, scheduleOffsetMs, sourceHealthStatus } from '../src/index.ts';

const now = new Date('2026-11-01T00:00:00Z');
const interval = 15 * 60_000;
const delay = (failures: number, retryAfterMs?: number, random = () => 0.5) =>
  nextCheckAfterFailure({ now, intervalMs: interval, consecutiveFailures: failures, retryAfterMs, random }).getTime() -
  now.getTime();

describe('poll backoff', () => {
  it('doubles the wait per consecutive failure, then caps it so a dead source is still retried', () => {
    expect(delay(1)).toBe(interval);
    expect(delay(2)).toBe(2 * interval);
    expect(delay(3)).toBe(4 * interval);
    expect(delay(50)).toBe(pollPolicy.maxBackoffMs);
  });

  it('spreads retries by ±20% jitter', () => {
    expect(delay(2, undefined, () => 0)).toBe(2 * interval * 0.8);
    expect(delay(2, undefined, () => 1)).toBe(2 * interval * 1.2);
  });

  it('honours Retry-After, capped', () => {
    expect(delay(1, 120_000)).toBe(120_000);
    expect(delay(1, 30 * 24 * 3_600_000)).toBe(pollPolicy.maxRetryAfterMs);
    // A Retry-After of hundreds of digits parses to Infinity: still the cap, never an invalid date.
    expect(delay(1, Number.POSITIVE_INFINITY)).toBe(pollPolicy.maxRetryAfterMs);
    expect(delay(9, 120_000)).toBe(120_000);
  });

  it('spreads sources deterministically over their interval', () => {
    const offset = scheduleOffsetMs('ico', interval);
    expect(offset).toBe(scheduleOffsetMs('ico', interval));
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(interval);
    expect(scheduleOffsetMs('opc', interval)).not.toBe(offset);
  });
});

describe('sourceHealthStatus', () => {
  const base = { enabled: true, createdAt: new Date('2026-10-01T00:00:00Z'), now };
  it('says pending, ok, failing, dead and disabled', () => {
    expect(sourceHealthStatus({ ...base, lastCheckedAt: null, lastSuccessAt: null, consecutiveFailures: 0 })).toBe(
      'pending',
    );
    expect(sourceHealthStatus({ ...base, lastCheckedAt: now, lastSuccessAt: now, consecutiveFailures: 0 })).toBe('ok');
    const hourAgo = new Date(now.getTime() - 3_600_000);
    expect(sourceHealthStatus({ ...base, lastCheckedAt: now, lastSuccessAt: hourAgo, consecutiveFailures: 2 })).toBe(
      'failing',
    );
    const twoDaysAgo = new Date(now.getTime() - 48 * 3_600_000);
    expect(sourceHealthStatus({ ...base, lastCheckedAt: now, lastSuccessAt: twoDaysAgo, consecutiveFailures: 9 })).toBe(
      'dead',
    );
    expect(
      sourceHealthStatus({ ...base, enabled: false, lastCheckedAt: now, lastSuccessAt: now, consecutiveFailures: 0 }),
    ).toBe('disabled');
  });
});
