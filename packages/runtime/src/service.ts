import type { CommonConfig } from '@regwatch/config';
import { createDatabase, type Database, describeConnectionError } from '@regwatch/db';
import type { Logger } from 'pino';
import { CloseList } from './close-list.ts';
import { createLogger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { untilShutdown } from './shutdown.ts';

/** What a service's `main` opens its parts in: its log, its pool, and the list that closes them. */
export interface ServiceRoom {
  logger: Logger;
  database: Database;
  closeList: CloseList;
  /** The process's one metrics registry (shared when several services run in one process). */
  metrics: Metrics;
}

/** What a service's `open` returns: its parts, and how readiness turns 503 when shutdown begins. */
export interface OpenedService<Parts> {
  parts: Parts;
  drain?: () => void;
}

export interface ServiceOptions {
  /** `api`, `ingest`: the log's `service` and the pool's application name (`regwatch-<name>`). */
  name: string;
  config: Pick<CommonConfig, 'DATABASE_URL' | 'LOG_LEVEL' | 'SHUTDOWN_TIMEOUT_MS'> &
    Partial<Pick<CommonConfig, 'LOG_FORMAT'>>;
  /** A logger to write to instead of a new one (tests, a composition root that has one). */
  logger?: Logger | undefined;
  /** The metrics to record into: a composition root running several services passes one for all. */
  metrics?: Metrics | undefined;
  /** Signals that stop the service; `[]` when the caller stops it with `stop()` alone. */
  signals?: readonly NodeJS.Signals[] | undefined;
  /** Where the process ends when the shutdown deadline passes (tests pass their own). */
  exit?: ((code: number) => void) | undefined;
}

export interface RunningService<Parts> {
  name: string;
  parts: Parts;
  logger: Logger;
  /** Resolves with the exit code (0: everything closed in time) once the service has stopped. */
  stopped: Promise<number>;
  /** Stops it as SIGTERM would: readiness 503, then close in reverse order under the deadline. */
  stop(): Promise<number>;
}

/**
 * The one way a Regwatch service process is built (each service's `main` calls it): a logger,
 * a pg pool with an error listener (a PostgreSQL restart is logged, not fatal), an ordered close
 * list, and signals with a hard deadline. `open` starts the service's own parts and registers
 * each on the close list as it opens; if it throws, what it had opened is closed and the error
 * goes to the caller.
 */
export async function startService<Parts>(
  options: ServiceOptions,
  open: (room: ServiceRoom) => Promise<OpenedService<Parts>>,
): Promise<RunningService<Parts>> {
  const { config } = options;
  // `auto` is made definite by the composition root (it knows the terminal); left `auto`, JSON.
  const logger =
    options.logger ?? createLogger(config.LOG_LEVEL, options.name, config.LOG_FORMAT === 'pretty' ? 'pretty' : 'json');
  const closeList = new CloseList();
  const database = createDatabase({
    url: config.DATABASE_URL,
    applicationName: `regwatch-${options.name}`,
    // One line per dropped connection, without a stack: a restart is an event, not a bug.
    onConnectionLost: (error) =>
      logger.warn(
        { reason: describeConnectionError(error) },
        'PostgreSQL connection lost; the pool opens a new one on next use',
      ),
  });
  closeList.add('postgres pool', () => database.close());
  const metrics = options.metrics ?? createMetrics();
  let opened: OpenedService<Parts>;
  try {
    opened = await open({ logger, database, closeList, metrics });
  } catch (error) {
    await closeList.closeAll(config.SHUTDOWN_TIMEOUT_MS);
    throw error;
  }
  const stopper = new AbortController();
  const stopped = untilShutdown({
    closeList,
    deadlineMs: config.SHUTDOWN_TIMEOUT_MS,
    logger,
    onDraining: opened.drain,
    signals: options.signals,
    exit: options.exit,
    stop: stopper.signal,
  });
  return {
    name: options.name,
    parts: opened.parts,
    logger,
    stopped,
    stop() {
      stopper.abort();
      return stopped;
    },
  };
}
