import { formatProgress, redrawThrottle } from '@regwatch/core';
import type { Io } from './io.ts';

/** At most ~5 redraws a second. */
const redrawEveryMs = 200;

export interface ProgressReporter {
  update(done: number, total: number | null): void;
  /** Clears the line, so the summary that follows starts on a clean one. */
  finish(): void;
}

/** A progress line on the Io's terminal, or nothing at all when it has none (a pipe). */
export function progressReporter(io: Io, unit: string): ProgressReporter {
  const draw = io.progress;
  if (!draw) return { update: () => undefined, finish: () => undefined };
  const started = performance.now();
  const due = redrawThrottle(redrawEveryMs, () => performance.now());
  let drawn = false;
  return {
    update(done, total) {
      if (!due()) return;
      drawn = true;
      draw(formatProgress({ done, total, elapsedMs: performance.now() - started, unit }));
    },
    finish() {
      if (drawn) draw(null);
    },
  };
}
