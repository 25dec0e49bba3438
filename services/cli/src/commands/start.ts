import { parseArgs } from 'node:util';
import { type ApiParts, main as apiMain } from '@regwatch/api';
import { allConfigFields, describeConfig, loadConfig, type RegwatchConfig } from '@regwatch/config';
import { migrateDatabase } from '@regwatch/db';
import { type IngestParts, main as ingestMain } from '@regwatch/ingest';
import { type RoundupParts, main as roundupMain } from '@regwatch/roundup';
import { createLogger, createMetrics, type Metrics, type RunningService, resolveLogFormat } from '@regwatch/runtime';
import { type Io, UsageError } from '../io.ts';
import { migrationsFolder } from '../paths.ts';
import { version } from '../version.ts';

export type Part = 'api' | 'ingest' | 'roundup';
export const allParts: readonly Part[] = ['api', 'ingest', 'roundup'];

export interface Running {
  api: ApiParts | null;
  ingest: IngestParts | null;
  roundup: RoundupParts | null;
  /** Resolves with the exit code once every service has stopped (0: all closed in time). */
  stopped: Promise<number>;
  /** Stops every service as SIGTERM would, and waits for them. */
  stop(): Promise<void>;
}

/**
 * The composition root of a process: applies migrations if asked, then calls each service's
 * `main` (which owns its lifecycle: pool, health, close list, deadline). The demo and tests
 * reuse it; they pass no signals and stop it with `stop()`.
 */
export async function startParts(
  loaded: RegwatchConfig,
  parts: readonly Part[],
  options: { migrate: boolean; signals?: readonly NodeJS.Signals[]; metrics?: Metrics },
): Promise<Running> {
  // The terminal check lives here, at the composition root: every service gets a definite format.
  const logFormat = resolveLogFormat(loaded.LOG_FORMAT, process.stdout.isTTY === true);
  const config: RegwatchConfig = { ...loaded, LOG_FORMAT: logFormat };
  const logger = createLogger(config.LOG_LEVEL, 'regwatch', logFormat);
  logger.info({ config: describeConfig(allConfigFields, config), parts }, 'starting regwatch');
  if (options.migrate) {
    const result = await migrateDatabase(config.DATABASE_URL, migrationsFolder);
    logger.info(result, 'database migrated');
  }
  const signals = options.signals ?? [];
  // Embedded (no signals): a close that outlives the deadline is reported in the exit code, and
  // the host process (a test runner) is not ended.
  const exit = signals.length === 0 ? () => undefined : undefined;
  // One registry for the process: the API's /metrics shows all three services.
  const metrics = options.metrics ?? createMetrics();
  const services: RunningService<unknown>[] = [];
  let ingest: RunningService<IngestParts> | null = null;
  let api: RunningService<ApiParts> | null = null;
  let roundup: RunningService<RoundupParts> | null = null;
  try {
    if (parts.includes('ingest')) {
      ingest = await ingestMain(config, { signals, exit, metrics });
      services.push(ingest);
    }
    if (parts.includes('roundup')) {
      roundup = await roundupMain(config, { signals, exit, metrics });
      services.push(roundup);
    }
    if (parts.includes('api')) {
      api = await apiMain(config, { signals, exit, version, metrics });
      services.push(api);
    }
  } catch (error) {
    await Promise.all(services.map((service) => service.stop()));
    throw error;
  }
  const stopped = Promise.all(services.map((service) => service.stopped)).then((codes) => {
    logger.info('stopped');
    return Math.max(0, ...codes);
  });
  return {
    api: api?.parts ?? null,
    ingest: ingest?.parts ?? null,
    roundup: roundup?.parts ?? null,
    stopped,
    async stop() {
      await Promise.all(services.map((service) => service.stop()));
      await stopped;
    },
  };
}

export async function startCommand(args: string[], env: NodeJS.ProcessEnv, _io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { only: { type: 'string' }, 'no-migrate': { type: 'boolean', default: false } },
    strict: true,
  });
  const only = values.only;
  if (only !== undefined && !(allParts as readonly string[]).includes(only)) {
    throw new UsageError(`--only must be api, ingest or roundup, not "${only}"`);
  }
  const parts: readonly Part[] = only ? [only as Part] : allParts;
  const config = loadConfig(allConfigFields, env);
  const running = await startParts(config, parts, { migrate: !values['no-migrate'], signals: stopSignals });
  return running.stopped;
}

/** The signals that stop `regwatch start` and `regwatch demo`. */
export const stopSignals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
