import { ConfigError } from '@regwatch/config';
import { RegwatchError } from '@regwatch/core';
import { createDatabase, listSources } from '@regwatch/db';
import { RedisUnreachableError } from '@regwatch/queue';
import { freePort, freshDatabaseName, testServerUrl } from '@regwatch/testing';
import { describe, expect, it } from 'vitest';
import { describeError, exitCodes, maskSecrets, verboseDetails } from '../src/errors.ts';
import { UsageError } from '../src/io.ts';

const targets = { databaseUrl: 'postgres://postgres:pw@127.0.0.1:5432/regwatch', redisUrl: 'redis://127.0.0.1:6379' };

/** The error drizzle really throws for a query against `url`. */
async function queryError(url: string): Promise<unknown> {
  const database = createDatabase({ url, applicationName: 'errors-test', onConnectionLost: () => undefined });
  try {
    await listSources(database.db);
    throw new Error('the query should have failed');
  } catch (error) {
    return error;
  } finally {
    await database.close();
  }
}

describe('describeError', () => {
  it('looks through drizzle’s "Failed query" to the driver error and shows no SQL', async () => {
    const missing = freshDatabaseName('errorsunit');
    const error = await queryError(testServerUrl(missing));
    expect((error as Error).message).toMatch(/^Failed query: select/);
    const described = describeError(error, { ...targets, databaseUrl: testServerUrl(missing) });
    expect(described).toEqual({
      line: `database "${missing}" does not exist at 127.0.0.1:5432: create it with \`regwatch migrate\`, or set DATABASE_URL`,
      exitCode: exitCodes.unavailable,
    });
  });

  it('names an unreachable PostgreSQL by host and port', async () => {
    const port = await freePort();
    const url = `postgres://postgres:pw@127.0.0.1:${port}/regwatch`;
    const described = describeError(await queryError(url), { ...targets, databaseUrl: url });
    expect(described.line).toBe(
      `PostgreSQL is not reachable at 127.0.0.1:${port} (ECONNREFUSED): start it or set DATABASE_URL`,
    );
    expect(described.exitCode).toBe(exitCodes.unavailable);
  });

  it('maps usage, configuration, Redis and unknown errors to their exit codes', () => {
    expect(describeError(new UsageError('unknown command "x"'), targets)).toEqual({
      line: 'unknown command "x"; run `regwatch help` for usage',
      exitCode: exitCodes.usage,
    });
    expect(describeError(new ConfigError(['PORT must be a whole number']), targets).exitCode).toBe(exitCodes.usage);
    expect(
      describeError(new Error('wrapped', { cause: new RedisUnreachableError('127.0.0.1:1', 'ECONNREFUSED') }), targets),
    ).toEqual({
      line: 'Redis is not reachable at 127.0.0.1:1 (ECONNREFUSED): start it or set REDIS_URL',
      exitCode: exitCodes.unavailable,
    });
    expect(describeError(new RegwatchError('not_found', 'no API key rwk_00000000'), targets).exitCode).toBe(
      exitCodes.failed,
    );
    expect(
      describeError(new RegwatchError('invalid_config', 'FETCH_ALLOW_ADDRESSES: "x" is not a CIDR'), targets).exitCode,
    ).toBe(exitCodes.usage);
    const leaky = describeError(new Error('Failed query: insert into "api_keys" values ($1)\nparams: rwk_x'), targets);
    expect(leaky).toEqual({
      line: 'unexpected Error; run again with --verbose for details',
      exitCode: exitCodes.failed,
    });
  });

  it('masks the password of any URL in --verbose details', () => {
    expect(maskSecrets('connect to postgres://me:hunter2@db:5432/x failed')).toBe(
      'connect to postgres://me:***@db:5432/x failed',
    );
    const details = verboseDetails(new Error('at redis://:hunter2@cache:6379', { cause: new Error('inner') }));
    expect(details.join('\n')).not.toContain('hunter2');
    expect(details[1]).toMatch(/^caused by: Error: inner/);
  });
});
