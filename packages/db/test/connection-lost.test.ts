import { createTestDatabase, type TestDatabase, waitFor } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, describeConnectionError, isConnectionError, sqlStateOf } from '../src/index.ts';

// Issue 12: a PostgreSQL restart killed every process through the 'error' event of a client
// checked out for a transaction. pg_terminate_backend ends a backend exactly as `pg_ctl
// restart -m fast` does (57P01, then the socket closes), without restarting the shared server.
let test: TestDatabase;
const lost: Error[] = [];
let database: Database;

beforeAll(async () => {
  test = await createTestDatabase('dbconnlost');
  database = createDatabase({
    url: test.url,
    applicationName: 'connection-lost-test',
    onConnectionLost: (error) => lost.push(error),
  });
});
afterAll(async () => {
  await database.close();
  await test.drop();
});

const terminate = (pid: number) => test.database.db.execute(sql`select pg_terminate_backend(${pid})`);
const backendPid = async (run: (query: string) => Promise<{ rows: Array<{ pid: number }> }>) =>
  (await run('select pg_backend_pid() as pid')).rows[0]?.pid ?? 0;

describe('the pool survives PostgreSQL dropping its connections (issue 12)', () => {
  it('a client checked out for a transaction: reported once, the process stays up, the pool reconnects', async () => {
    lost.length = 0;
    const client = await database.pool.connect();
    await client.query('begin');
    await terminate(await backendPid((query) => client.query(query)));
    // Without a listener on the checked-out client its 'error' event is unhandled, which
    // fails this test run (and, in a real process, kills it).
    await waitFor(() => lost.length > 0, { what: 'the lost connection to be reported' });
    await expect(client.query('commit')).rejects.toThrow();
    client.release();
    expect(lost).toHaveLength(1);
    expect(describeConnectionError(lost[0])).toBe('57P01 terminating connection due to administrator command');
    const after = await database.db.execute<{ one: number }>(sql`select 1 as one`);
    expect(after.rows[0]?.one).toBe(1);
  });

  it('an idle client: reported once, not twice (pg-pool and our listener both hear it)', async () => {
    lost.length = 0;
    const client = await database.pool.connect();
    const pid = await backendPid((query) => client.query(query));
    client.release();
    await terminate(pid);
    await waitFor(() => lost.length > 0, { what: 'the lost connection to be reported' });
    // The socket's close follows the 57P01 message: wait for pg to have seen both.
    await waitFor(() => database.pool.totalCount === 0 || undefined, { what: 'the dead client to leave the pool' });
    expect(lost).toHaveLength(1);
  });

  it('a statement running when the connection drops fails as a connection error', async () => {
    lost.length = 0;
    const pidOf = await database.pool.connect();
    const pid = await backendPid((query) => pidOf.query(query));
    // Caught from the start: it rejects while the terminate below is still awaited.
    const running = pidOf.query('select pg_sleep(30)').catch((caught: unknown) => caught);
    await terminate(pid);
    const error = await running;
    pidOf.release();
    expect(isConnectionError(error)).toBe(true);
  });
});

describe('a transaction whose connection drops at BEGIN (drizzle-team/drizzle-orm#6241)', () => {
  it('gives its client back: the pool still serves, and closes', async () => {
    const single = createDatabase({
      url: test.url,
      applicationName: 'connection-lost-begin',
      maxConnections: 1,
      onConnectionLost: () => undefined,
    });
    // Drop the connection as the transaction's client is handed out, before its BEGIN.
    single.pool.once('acquire', (client) => {
      (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    });
    const failed = await single.db
      .transaction(async (tx) => tx.execute(sql`select 1`))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isConnectionError(failed)).toBe(true);
    // With one connection, a leaked client would leave this waiting until the pool's timeout.
    const after = await single.db.execute<{ one: number }>(sql`select 1 as one`);
    expect(after.rows[0]?.one).toBe(1);
    await single.close();
  });
});

describe('isConnectionError', () => {
  const withCode = (code: string, message = `error ${code}`) => Object.assign(new Error(message), { code });

  it('recognises refusals, restarts and drops, also wrapped by drizzle', () => {
    for (const error of [
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      Object.assign(new AggregateError([withCode('ECONNREFUSED')], ''), { code: undefined }),
      withCode('57P01'),
      withCode('57P02'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new DrizzleQueryError('select 1', [], withCode('57P01') as Error),
    ]) {
      expect(isConnectionError(error), String(error)).toBe(true);
    }
  });

  it('leaves statements PostgreSQL refused, and everything else, alone', () => {
    for (const error of [
      withCode('22021', 'invalid byte sequence for encoding "UTF8": 0x00'),
      withCode('23505'),
      new DrizzleQueryError('insert …', [1], withCode('23505') as Error),
      new Error('boom'),
      'a string',
      null,
    ]) {
      expect(isConnectionError(error), String(error)).toBe(false);
    }
  });

  it('finds the SQLSTATE and a one-line reason under drizzle’s wrapper, without its SQL', () => {
    const wrapped = new DrizzleQueryError('select secret from t', ['p'], withCode('57P01', 'terminating connection'));
    expect(sqlStateOf(wrapped)).toBe('57P01');
    expect(describeConnectionError(wrapped)).toBe('57P01 terminating connection');
  });
});
