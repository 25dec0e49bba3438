import pg from 'pg';

export interface PoolOptions {
  url: string;
  applicationName: string;
  maxConnections: number;
  /** Called once for each connection PostgreSQL drops, idle or checked out. */
  onConnectionLost: (error: Error) => void;
}

/**
 * A `pg` Pool that outlives PostgreSQL restarts:
 *
 * - pg emits 'error' on a client whose connection drops, and an 'error' event with no listener
 *   kills the process. pg-pool listens on idle clients only (and re-emits on the pool); a client
 *   checked out for a transaction, between two statements, has none. So every client gets a
 *   listener of ours from its connection on. Both fire for an idle client, and a dropped
 *   connection also emits "Connection terminated": each client is reported once.
 * - drizzle's `transaction()` (0.45) runs BEGIN before the try/finally that releases its
 *   client (drizzle-team/drizzle-orm#6241): a connection dropped at BEGIN kept the client
 *   checked out for good, until the pool was exhausted and `end()` never returned. A client
 *   checked out through `connect()` whose connection drops is therefore released (and so
 *   destroyed) at once, and a second release of it is ignored.
 */
export function createResilientPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    application_name: options.applicationName,
    max: options.maxConnections,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  const checkedOut = new Map<object, (error?: Error) => void>();
  const reported = new WeakSet<object>();
  const lost = (error: Error, client: object) => {
    checkedOut.get(client)?.(error);
    if (reported.has(client)) return;
    reported.add(client);
    options.onConnectionLost(error);
  };
  pool.on('error', (error, client) => lost(error, client));
  pool.on('connect', (client) => {
    client.on('error', (error) => lost(error, client));
  });

  // Only the promise form: pool.query() checks out with a callback and releases on error itself.
  const connect = pool.connect.bind(pool);
  pool.connect = ((callback?: Parameters<typeof connect>[0]) => {
    if (callback) return connect(callback);
    return connect().then((client) => {
      const release = client.release;
      let released = false;
      const releaseOnce = (error?: Error | boolean) => {
        if (released) return;
        released = true;
        checkedOut.delete(client);
        release(error);
      };
      client.release = releaseOnce;
      checkedOut.set(client, releaseOnce);
      return client;
    });
  }) as typeof pool.connect;
  return pool;
}
