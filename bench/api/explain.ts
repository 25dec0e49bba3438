import { decodeCursor, encodeCursor, newsFilter } from '@regwatch/core';
import { type Db, listItems, listStories, schema } from '@regwatch/db';
import { entityTag } from '@regwatch/render';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/**
 * Where the time of one /v1 list request goes, measured outside the server: the SQL the route
 * runs (captured from the query function itself) with its EXPLAIN (ANALYZE, BUFFERS), the query
 * function's own time (round trip and row parsing), and the cost of turning the page into JSON and
 * hashing it for the ETag. Each is the median of `repeats` runs after one warm-up.
 */
export interface RequestAnatomy {
  plan: string;
  /** PostgreSQL's "Execution Time" of the main query. */
  executionMs: number;
  /** The query function (listItems / listStories) from call to result, in this process. */
  queryMs: number;
  /** JSON.stringify of the route's body (Fastify's schema serialiser does the same work, differently). */
  serialiseMs: number;
  /** The ETag: SHA-256 of the body bytes. */
  etagMs: number;
  bodyBytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timedMedian(repeats: number, work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < repeats; run += 1) {
    const began = performance.now();
    await work();
    times.push(performance.now() - began);
  }
  return median(times);
}

/** The route's call, as its handler makes it: limit, cursor, and the rest of the query as the filter. */
function routeCall(path: string): (db: Db) => Promise<unknown> {
  const url = new URL(path, 'http://bench.invalid');
  const { limit = '25', cursor, ...rest } = Object.fromEntries(url.searchParams);
  const options = {
    limit: Number(limit),
    after: cursor === undefined ? undefined : decodeCursor(cursor),
    filter: newsFilter(rest),
  };
  if (url.pathname === '/v1/items') {
    return async (db) => {
      const page = await listItems(db, options);
      return { data: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    };
  }
  if (url.pathname === '/v1/stories') {
    return async (db) => {
      const page = await listStories(db, options);
      return { data: page.stories, nextCursor: page.next ? encodeCursor(page.next) : null };
    };
  }
  throw new Error(`no query function known for ${url.pathname}`);
}

export async function anatomyOf(databaseUrl: string, path: string, repeats = 30): Promise<RequestAnatomy> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    let captured: { query: string; params: unknown[] } | undefined;
    const capturing = drizzle({
      client: pool,
      schema,
      logger: {
        logQuery: (query, params) => {
          captured = { query, params };
        },
      },
    });
    const plain = drizzle({ client: pool, schema });
    const call = routeCall(path);
    const body = await call(capturing);
    if (!captured) throw new Error(`no query captured for ${path}`);
    const { query, params } = captured;
    const explained = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query}`, params);
    const plan = explained.rows.map((row) => row['QUERY PLAN']).join('\n');
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
    const queryMs = await timedMedian(repeats, () => call(plain));
    const json = JSON.stringify(body);
    const serialiseMs = await timedMedian(repeats, () => JSON.stringify(body));
    const etagMs = await timedMedian(repeats, () => entityTag(json));
    return { plan, executionMs, queryMs, serialiseMs, etagMs, bodyBytes: Buffer.byteLength(json) };
  } finally {
    await pool.end();
  }
}
