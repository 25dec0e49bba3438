import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { createResilientPool } from './resilient-pool.ts';
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
  const pool = createResilientPool({
    url: options.url,
    applicationName: options.applicationName,
    maxConnections: options.maxConnections ?? 10,
    onConnectionLost: options.onConnectionLost,
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
