import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/** How log lines are written: `json` for machines, `pretty` for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/**
 * The log every process writes: JSON lines (one object per event, with `service`, and the
 * request or job id where there is one), or the same events as readable lines (`pretty`, which
 * the composition root picks when stdout is a terminal). Credentials never reach it: the
 * Authorization and Cookie headers and any API key in a query string are redacted.
 */
export function createLogger(level: string, service = 'regwatch', format: LogFormat = 'json'): Logger {
  const options = {
    level,
    base: { service },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
      censor: '[redacted]',
    },
  };
  if (format === 'json') return pino(options);
  // In-process (no worker thread), so the last lines before an exit are not lost.
  return pino(
    options,
    pretty({ colorize: true, singleLine: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname', sync: true }),
  );
}

/** `auto` made definite at the composition root: pretty when stdout is a terminal. */
export function resolveLogFormat(setting: string, stdoutIsTty: boolean): LogFormat {
  if (setting === 'json' || setting === 'pretty') return setting;
  return stdoutIsTty ? 'pretty' : 'json';
}
