import { ConfigError, commonFields } from '@regwatch/config';
import { isRegwatchError } from '@regwatch/core';
import { isRedisConnectionError, RedisUnreachableError, redisAddress } from '@regwatch/queue';
import { exitCodes } from './exit-codes.ts';
import { UsageError } from './io.ts';

export { exitCodes };

/** Where the command was told to connect; only host, port, database and user are ever shown. */
export interface Targets {
  databaseUrl: string;
  redisUrl: string;
}

export interface DescribedError {
  /** One line naming what to do: never SQL, parameters, a stack or a secret. */
  line: string;
  exitCode: number;
}

/** The connection URLs an environment gives, falling back to the defaults when the environment is invalid. */
export function targetsOf(env: NodeJS.ProcessEnv): Targets {
  const pick = (value: string | undefined, fallback: string | undefined) =>
    value?.trim() ? value.trim() : (fallback ?? '');
  return {
    databaseUrl: pick(env.DATABASE_URL, commonFields.DATABASE_URL.default),
    redisUrl: pick(env.REDIS_URL, commonFields.REDIS_URL.default),
  };
}

/**
 * Maps any error a command throws to one line and an exit code. Drizzle wraps driver errors
 * ("Failed query: <sql> params: <values>"), so the driver's error is found through `cause`
 * (and AggregateError's `errors`), and only its code decides what is said.
 */
export function describeError(error: unknown, targets: Targets): DescribedError {
  if (error instanceof UsageError) {
    return { line: `${error.message}; run \`regwatch help\` for usage`, exitCode: exitCodes.usage };
  }
  if (error instanceof ConfigError) return { line: error.message, exitCode: exitCodes.usage };
  const code = (error as { code?: unknown } | null)?.code;
  // parseArgs throws TypeErrors with codes such as ERR_PARSE_ARGS_UNKNOWN_OPTION.
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return {
      line: `${firstLine((error as Error).message)}; run \`regwatch help\` for usage`,
      exitCode: exitCodes.usage,
    };
  }
  const chain = causesOf(error);
  const redis = chain.find((link) => link instanceof RedisUnreachableError) as RedisUnreachableError | undefined;
  if (redis) return redisUnreachable(redis.address, redis.reason);
  if (isRegwatchError(error)) {
    const exitCode =
      error.code === 'unavailable'
        ? exitCodes.unavailable
        : error.code === 'invalid_config' || error.code === 'invalid_parameter'
          ? exitCodes.usage
          : exitCodes.failed;
    return { line: error.message, exitCode };
  }
  const postgres = new PostgresTarget(targets.databaseUrl);
  const sqlState = chain.map(sqlStateOf).find((state) => state !== undefined);
  if (sqlState) return describeSqlState(sqlState, postgres);
  const socket = chain.find((link) => socketCodeOf(link) !== undefined);
  if (socket || chain.some(isPgConnectionFailure)) {
    const socketCode = socket ? socketCodeOf(socket) : 'timeout';
    if (socket && pointsAt(socket, redisAddress(targets.redisUrl))) {
      return redisUnreachable(redisAddress(targets.redisUrl), socketCode);
    }
    return {
      line: `PostgreSQL is not reachable at ${postgres.address} (${socketCode}): start it or set DATABASE_URL`,
      exitCode: exitCodes.unavailable,
    };
  }
  if (chain.some(isRedisConnectionError)) return redisUnreachable(redisAddress(targets.redisUrl), undefined);
  return { line: unexpected(error), exitCode: exitCodes.failed };
}

function redisUnreachable(address: string, reason: string | undefined): DescribedError {
  return {
    line: `Redis is not reachable at ${address}${reason ? ` (${reason})` : ''}: start it or set REDIS_URL`,
    exitCode: exitCodes.unavailable,
  };
}

class PostgresTarget {
  readonly address: string;
  readonly database: string;
  readonly user: string;
  constructor(url: string) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      // An invalid URL is a ConfigError long before a connection is tried; keep words neutral.
    }
    this.address = parsed ? `${parsed.hostname || '127.0.0.1'}:${parsed.port || '5432'}` : 'DATABASE_URL';
    this.database = parsed ? decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres' : 'the database';
    this.user = parsed ? decodeURIComponent(parsed.username) || 'postgres' : 'the user';
  }
}

function describeSqlState(state: string, postgres: PostgresTarget): DescribedError {
  const unavailable = (line: string) => ({ line, exitCode: exitCodes.unavailable });
  switch (state) {
    case '3D000': // invalid_catalog_name
      return unavailable(
        `database "${postgres.database}" does not exist at ${postgres.address}: create it with \`regwatch migrate\`, or set DATABASE_URL`,
      );
    case '42P01': // undefined_table
    case '3F000': // invalid_schema_name
    case '42703': // undefined_column: migrations pending
      return unavailable(
        `database "${postgres.database}" is missing Regwatch's tables or is behind: run \`regwatch migrate\``,
      );
    case '28P01': // invalid_password
    case '28000': // invalid_authorization_specification (no such role, pg_hba refused)
      return unavailable(
        `PostgreSQL at ${postgres.address} refused user "${postgres.user}": check the user and password in DATABASE_URL`,
      );
    case '42501': // insufficient_privilege
      return unavailable(
        `PostgreSQL user "${postgres.user}" lacks a privilege Regwatch needs on "${postgres.database}" (creating it, or its tables): grant it, or use another user in DATABASE_URL`,
      );
    case '57P03': // cannot_connect_now (starting up, shutting down)
    case '53300': // too_many_connections
      return unavailable(`PostgreSQL at ${postgres.address} is not accepting connections now: try again shortly`);
    default:
      return {
        line: `PostgreSQL refused the command (SQLSTATE ${state}); run again with --verbose for details`,
        exitCode: exitCodes.failed,
      };
  }
}

/** The error, its causes and an AggregateError's errors, outermost first (bounded: causes can loop). */
export function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const visit = (value: unknown) => {
    if (value === undefined || value === null || chain.includes(value) || chain.length >= 20) return;
    chain.push(value);
    if (value instanceof AggregateError) for (const inner of value.errors) visit(inner);
    if (value instanceof Error) visit(value.cause);
  };
  visit(error);
  return chain;
}

/** A PostgreSQL error code (SQLSTATE: five digits or capitals), as pg sets on DatabaseError. */
function sqlStateOf(value: unknown): string | undefined {
  const { code, severity } = (value ?? {}) as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string' ? code : undefined;
}

const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

function socketCodeOf(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' && socketCodes.has(code) ? code : undefined;
}

/** pg's own words when a connection cannot be made in time or drops before it is ready. */
function isPgConnectionFailure(value: unknown): boolean {
  const message = value instanceof Error ? value.message : '';
  return /^(timeout expired|Connection terminated (unexpectedly|due to connection timeout))/.test(message);
}

/** Whether a socket error names the Redis address (`address:port`); Redis errors mostly arrive as RedisUnreachableError. */
function pointsAt(value: unknown, address: string): boolean {
  const { address: host, port } = value as { address?: string; port?: number };
  return host !== undefined && port !== undefined && `${host}:${port}` === address;
}

/** An error nobody anticipated: its type, and its message only when it cannot hold SQL, values or a URL's secret. */
function unexpected(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? firstLine(error.message) : '';
  const safe =
    message && !/\b(select|insert|update|delete|params)\b|:\/\/|\$\d/i.test(message) && message.length <= 200;
  return `${safe ? message : `unexpected ${name}`}; run again with --verbose for details`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

/** What --verbose adds: every cause with its code and stack, passwords in URLs masked. */
export function verboseDetails(error: unknown): string[] {
  return causesOf(error).map((link, index) => {
    const described =
      link instanceof Error
        ? `${link.stack ?? `${link.name}: ${link.message}`}${(link as { code?: unknown }).code ? ` [code ${(link as { code?: unknown }).code}]` : ''}`
        : String(link);
    return `${index === 0 ? 'error' : 'caused by'}: ${maskSecrets(described)}`;
  });
}

export function maskSecrets(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]*@/gi, '$1***@');
}
