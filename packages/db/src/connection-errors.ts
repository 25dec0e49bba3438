/**
 * Errors that mean PostgreSQL was not there (refused, restarting, the connection dropped), as
 * opposed to a statement it refused. They pass once PostgreSQL is back: the API answers 503
 * with Retry-After, workers retry. pg raises them bare; drizzle wraps them (`DrizzleQueryError`,
 * whose message holds the SQL) with the driver's error as `cause`, so the chain is walked.
 */

// SQLSTATE 08xxx: connection exceptions; 57P01 admin shutdown (`pg_ctl stop -m fast`), 57P02
// crash shutdown (`-m immediate`), 57P03 cannot connect now (starting up, shutting down);
// 53300: too many connections.
const connectionSqlState = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// What pg and pg-pool say when a connection ends or cannot be had in time; they set no code.
const connectionMessages = [
  'Connection terminated', // also "… unexpectedly" and "… due to connection timeout"
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/** The error and its causes (and an AggregateError's members: ECONNREFUSED on several addresses). */
function* errorChain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 8 || typeof error !== 'object' || error === null) return;
  const record = error as Record<string, unknown>;
  yield record;
  if (Array.isArray(record.errors)) for (const member of record.errors) yield* errorChain(member, depth + 1);
  if (record.cause !== undefined) yield* errorChain(record.cause, depth + 1);
}

function isConnectionLink(link: Record<string, unknown>): boolean {
  const code = link.code;
  if (typeof code === 'string' && (connectionSqlState.test(code) || networkCodes.has(code))) return true;
  const message = link.message;
  return typeof message === 'string' && connectionMessages.some((start) => message.startsWith(start));
}

/** True when `error` (or anything it wraps) says PostgreSQL could not be reached or dropped us. */
export function isConnectionError(error: unknown): boolean {
  for (const link of errorChain(error)) if (isConnectionLink(link)) return true;
  return false;
}

/** The PostgreSQL SQLSTATE of `error` or of what it wraps (drizzle puts the driver's error in `cause`). */
export function sqlStateOf(error: unknown): string | undefined {
  for (const link of errorChain(error)) {
    if (typeof link.code === 'string' && /^[0-9A-Z]{5}$/.test(link.code)) return link.code;
  }
  return undefined;
}

/**
 * One line for the log: the code and the driver's message, never the SQL or parameters a
 * wrapper's message carries (e.g. `57P01 terminating connection due to administrator command`).
 */
export function describeConnectionError(error: unknown): string {
  const links = [...errorChain(error)];
  // The link that says what happened, else the innermost one (the driver's, not drizzle's).
  const link = links.find(isConnectionLink) ?? links.at(-1);
  if (!link) return String(error);
  const message = typeof link.message === 'string' ? (link.message.split('\n')[0] ?? '') : '';
  const code = typeof link.code === 'string' && !message.includes(link.code) ? `${link.code} ` : '';
  return `${code}${message}`.trim() || 'connection error';
}
