import { parseArgs } from 'node:util';
import { type ApiServer, startApiServer } from '@regwatch/api';
import { allConfigFields, describeConfig, loadConfig, type RegwatchConfig } from '@regwatch/config';
import { migrateDatabase } from '@regwatch/db';
import { type Ingest, startIngest } from '@regwatch/ingest';
import { type Io, UsageError } from '../io.ts';
import { migrationsFolder } from '../paths.ts';
import { createLogger, openDatabase } from '../runtime.ts';
import { version } from '../version.ts';

export const startHelp = `regwatch start [--only api|ingest] [--no-migrate]
  Runs the API and the ingest workers in one process (or only one of them), after applying
  pending migrations. Stops gracefully on SIGTERM or SIGINT.`;

export type Part = 'api' | 'ingest';

export interface Running {
  api: ApiServer | null;
  ingest: Ingest | null;
  /** Stops in order: readiness 503, stop taking requests and jobs, then close connections. */
  stop(): Promise<void>;
}

/** Starts the parts of Regwatch a process runs; the demo and tests reuse it. */
export async function startParts(
  config: RegwatchConfig,
  parts: readonly Part[],
  options: { migrate: boolean },
): Promise<Running> {
  const logger = createLogger(config.LOG_LEVEL);
  logger.info({ config: describeConfig(allConfigFields, config), parts }, 'starting regwatch');
  if (options.migrate) {
    const result = await migrateDatabase(config.DATABASE_URL, migrationsFolder);
    logger.info(result, 'database migrated');
  }
  const database = openDatabase(config.DATABASE_URL, `regwatch-${parts.join('+')}`, logger);
  let api: ApiServer | null = null;
  let ingest: Ingest | null = null;
  try {
    if (parts.includes('ingest')) ingest = await startIngest({ config, db: database.db, logger });
    if (parts.includes('api')) {
      api = await startApiServer({ config, database, logger, version });
      logger.info({ url: api.url }, 'api listening');
    }
  } catch (error) {
    await ingest?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  return {
    api,
    ingest,
    async stop() {
      if (api) api.lifecycle.draining = true;
      await api?.close();
      await ingest?.close();
      await database.close();
      logger.info('stopped');
    },
  };
}

export async function startCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { only: { type: 'string' }, 'no-migrate': { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.only !== undefined && values.only !== 'api' && values.only !== 'ingest') {
    throw new UsageError(`--only must be api or ingest, not "${values.only}"`);
  }
  const parts: Part[] = values.only ? [values.only] : ['api', 'ingest'];
  const config = loadConfig(allConfigFields, env);
  const running = await startParts(config, parts, { migrate: !values['no-migrate'] });
  return runUntilSignal(running, config, io);
}

/** Waits for SIGTERM or SIGINT, then stops in order under a hard deadline. */
export async function runUntilSignal(
  running: Running,
  config: Pick<RegwatchConfig, 'SHUTDOWN_TIMEOUT_MS'>,
  io: Io,
): Promise<number> {
  await waitForSignal();
  // A hard deadline: a stuck job or connection must not keep a stopping process alive.
  const deadline = setTimeout(() => {
    io.err(`regwatch: shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting anyway`);
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS);
  deadline.unref();
  await running.stop();
  clearTimeout(deadline);
  return 0;
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
