import { createDatabase, type Database, describeConnectionError } from '@regwatch/db';
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'regwatch' },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  });
}

export function openDatabase(url: string, applicationName: string, logger: Logger): Database {
  return createDatabase({
    url,
    applicationName,
    // One line per dropped connection, without a stack: a restart is an event, not a bug.
    onConnectionLost: (error) =>
      logger.warn(
        { reason: describeConnectionError(error) },
        'PostgreSQL connection lost; the pool opens a new one on next use',
      ),
  });
}

/** Runs `work` with a database opened for it, closed afterwards whatever happens. */
export async function withDatabase<T>(
  url: string,
  applicationName: string,
  logger: Logger,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = openDatabase(url, applicationName, logger);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
