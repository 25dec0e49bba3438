import pino, { type Logger } from 'pino';

/**
 * The log every process writes: JSON lines (one object per event, with `service`, and the
 * request or job id where there is one). Credentials never reach it: the Authorization and
 * Cookie headers and any API key in a query string are redacted.
 */
export function createLogger(level: string, service = 'regwatch'): Logger {
  return pino({
    level,
    base: { service },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
      censor: '[redacted]',
    },
  });
}
