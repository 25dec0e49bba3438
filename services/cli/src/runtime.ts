import { createDatabase, type Database } from '@regwatch/db';
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
    onIdleError: (error) => logger.warn({ err: error }, 'idle PostgreSQL connection lost; the pool will reconnect'),
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
