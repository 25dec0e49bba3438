import type { Logger } from 'pino';
import type { CloseList } from './close-list.ts';

export interface ShutdownOptions {
  closeList: CloseList;
  deadlineMs: number;
  logger: Logger;
  /** Called first, before anything closes: readiness turns 503 so load balancers stop sending. */
  onDraining?: (() => void) | undefined;
  /** Where the process ends when the deadline passes (tests pass their own). */
  exit?: ((code: number) => void) | undefined;
  signals?: readonly NodeJS.Signals[] | undefined;
  /** Stops as a signal would when aborted (a composition root stopping a service, tests). */
  stop?: AbortSignal;
}

/**
 * Waits for the first SIGTERM or SIGINT (or `stop` aborted), then stops in order: readiness 503, close everything
 * in reverse order of opening under one deadline. Later signals are ignored (and logged) so a
 * second Ctrl-C cannot cut a shutdown in half; past the deadline the process exits 1.
 * Resolves with the exit code once everything closed.
 */
/** How long a closed process may take to end by itself before it is ended. */
const lingerMs = 2_000;

export function untilShutdown(options: ShutdownOptions): Promise<number> {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals | 'stop') => {
      if (stopping) {
        options.logger.warn({ signal }, 'already shutting down; signal ignored');
        return;
      }
      stopping = true;
      options.logger.info({ signal }, 'shutting down');
      options.onDraining?.();
      const deadline = setTimeout(() => {
        options.logger.error({ deadlineMs: options.deadlineMs }, 'shutdown deadline passed; exiting');
        exit(1);
      }, options.deadlineMs + 500);
      deadline.unref();
      options.closeList.closeAll(options.deadlineMs).then((report) => {
        clearTimeout(deadline);
        for (const failure of report.failed) options.logger.warn(failure, 'did not close cleanly');
        for (const each of signals) process.off(each, onSignal);
        options.stop?.removeEventListener('abort', onStop);
        const code = report.failed.length === 0 ? 0 : 1;
        // Everything is closed, so a signalled process should now end by itself. A handle that
        // outlived its owner (a reconnect timer, a socket) would keep it running with nothing to
        // do: this timer, unref'd, fires only then. A service stopped in-process (`stop`) belongs
        // to a process that goes on (a composition root, a test runner), which is never ended.
        if (signal !== 'stop') {
          const lingering = setTimeout(() => {
            options.logger.warn('a handle outlived the shutdown and kept the process alive; exiting');
            exit(code);
          }, lingerMs);
          lingering.unref();
        }
        resolve(code);
      });
    };
    const onStop = () => onSignal('stop');
    for (const each of signals) process.on(each, onSignal);
    if (options.stop?.aborted) onStop();
    else options.stop?.addEventListener('abort', onStop, { once: true });
  });
}
