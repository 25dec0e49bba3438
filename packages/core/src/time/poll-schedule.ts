/** How a poller treats one source over time: pure policy, the worker only applies it. */
export const pollPolicy = {
  /** Exponential backoff never waits longer than this, so a dead source is still retried. */
  maxBackoffMs: 6 * 60 * 60 * 1000,
  /** Retry-After is honoured up to this much. */
  maxRetryAfterMs: 6 * 60 * 60 * 1000,
  /** A source with no success for this long is flagged as dead in its health. */
  deadAfterMs: 24 * 60 * 60 * 1000,
  /** Share of a delay added or removed at random, so sources that failed together spread out. */
  jitter: 0.2,
} as const;

/** Next check after a failure: the interval doubled per consecutive failure, capped, jittered. */
export function nextCheckAfterFailure(input: {
  now: Date;
  intervalMs: number;
  consecutiveFailures: number;
  retryAfterMs?: number | undefined;
  random: () => number;
}): Date {
  const { now, intervalMs, consecutiveFailures, retryAfterMs, random } = input;
  if (retryAfterMs !== undefined && retryAfterMs > 0) {
    return new Date(now.getTime() + Math.min(retryAfterMs, pollPolicy.maxRetryAfterMs));
  }
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 16);
  const base = Math.min(intervalMs * 2 ** exponent, pollPolicy.maxBackoffMs);
  const jittered = base * (1 - pollPolicy.jitter + 2 * pollPolicy.jitter * random());
  return new Date(now.getTime() + Math.max(jittered, 1_000));
}

/**
 * A deterministic offset in [0, intervalMs) spreading sources over their interval, so that
 * sources sharing an interval do not all poll in the same second.
 */
export function scheduleOffsetMs(sourceId: string, intervalMs: number): number {
  let hash = 2166136261;
  for (let i = 0; i < sourceId.length; i += 1) {
    hash ^= sourceId.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash % Math.max(intervalMs, 1);
}

export type SourceHealthStatus = 'pending' | 'ok' | 'failing' | 'dead' | 'disabled';

/** What an editor sees about a source's fetching, derived from its stored state. */
export function sourceHealthStatus(state: {
  enabled: boolean;
  createdAt: Date;
  lastCheckedAt: Date | null;
  lastSuccessAt: Date | null;
  consecutiveFailures: number;
  now: Date;
}): SourceHealthStatus {
  if (!state.enabled) return 'disabled';
  if (state.consecutiveFailures === 0) return state.lastCheckedAt ? 'ok' : 'pending';
  const since = state.lastSuccessAt ?? state.createdAt;
  return state.now.getTime() - since.getTime() >= pollPolicy.deadAfterMs ? 'dead' : 'failing';
}
