import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or a transaction on it: query functions accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** Round trip to PostgreSQL, for readiness checks. Rejects on timeout. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  /** Shown in pg_stat_activity, so an operator can tell the API from the workers. */
  applicationName: string;
  maxConnections?: number;
  /**
   * Called once for each connection PostgreSQL drops (a restart, a crash), idle or checked out
   * for a transaction. The pool replaces it on next use; the statement it was running fails
   * with a connection error (`isConnectionError`), which callers retry or answer 503.
   */
  onConnectionLost: (error: Error) => void;
}

export function createDatabase(options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    application_name: options.applicationName,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // pg emits 'error' on a client whose connection drops, and an 'error' event with no
  // listener kills the process. pg-pool listens on idle clients only (and re-emits here); a
  // client checked out for a transaction, between two statements, has none: hence a listener
  // of our own on every client from its connection on. Both fire for an idle client; each
  // client is reported once (a dropped connection also emits "Connection terminated").
  const reported = new WeakSet<object>();
  const lost = (error: Error, client: object) => {
    if (reported.has(client)) return;
    reported.add(client);
    options.onConnectionLost(error);
  };
  pool.on('error', (error, client) => lost(error, client));
  pool.on('connect', (client) => {
    client.on('error', (error) => lost(error, client));
  });
  const db = drizzle({ client: pool, schema });
  return {
    db,
    pool,
    async ping(timeoutMs = 2_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`PostgreSQL did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([pool.query('select 1'), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.end(),
  };
}
