/** Where a long command is: how many of how many (the total may not be known yet), since when. */
export interface Progress {
  done: number;
  /** Null while the total is not known (the rate is still shown). */
  total: number | null;
  elapsedMs: number;
  /** What is counted: `entries`, `items`. */
  unit: string;
}

/**
 * One line for a terminal: `120/500 entries  35/s  about 11 s left`. The rate and the time left
 * appear once there is something to measure them by.
 */
export function formatProgress(progress: Progress): string {
  const { done, total, elapsedMs, unit } = progress;
  const count = total === null ? `${done} ${unit}` : `${done}/${total} ${unit}`;
  const parts = [count];
  if (elapsedMs >= 1 && done > 0) {
    const perSecond = (done * 1_000) / elapsedMs;
    parts.push(`${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)}/s`);
    if (total !== null && total > done) parts.push(`about ${formatDuration((total - done) / perSecond)} left`);
  }
  return parts.join('  ');
}

/** Seconds as `45 s`, `3 min 05 s`, `2 h 04 min`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  if (whole < 3_600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3_600)} h ${String(Math.floor((whole % 3_600) / 60)).padStart(2, '0')} min`;
}

/**
 * Lets a redraw through at most every `intervalMs` (a terminal line redrawn ~5 times a second is
 * readable and cheap); the clock is passed in.
 */
export function redrawThrottle(intervalMs: number, now: () => number): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const at = now();
    if (at - last < intervalMs) return false;
    last = at;
    return true;
  };
}
