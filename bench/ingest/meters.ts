import { readdirSync, readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

/** CPU ms of one process from /proc/<pid>/stat (utime + stime; with `children`, also its reaped children's). */
export function processCpuMs(pid: number, children = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const at = (field: number) => Number(fields[field - 3] ?? 0);
    const ticks = at(14) + at(15) + (children ? at(16) + at(17) : 0);
    return (ticks * 1000) / ticksPerSecond;
  } catch {
    return 0; // Gone since it was listed.
  }
}

/**
 * CPU ms spent so far by the whole PostgreSQL server: every live server process, plus the
 * postmaster's reaped children (cutime + cstime), so backends that connected and exited during
 * a run are counted too. Nothing else runs on the server during the bench, so the delta over a
 * run is the CPU its backends (and the background processes it caused: WAL writer, autovacuum) used.
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let command: string;
    try {
      command = readFileSync(`/proc/${name}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (command !== 'postgres') continue;
    try {
      const parent = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1];
      const isPostmaster = readFileSync(`/proc/${parent}/comm`, 'utf8').trim() !== 'postgres';
      total += processCpuMs(Number(name), isPostmaster);
    } catch {
      // Exited since it was listed: the postmaster's children count has it.
    }
  }
  return total;
}

/** PostgreSQL's own counters for one database (no extension needed). */
export interface DatabaseCounters {
  transactions: number;
  seqScans: number;
  indexScans: number;
  rowsScanned: number;
  rowsWritten: number;
}

/**
 * The bench database's counters: transactions from pg_stat_database, scans and rows read from
 * pg_stat_user_tables (sequential rows read + rows fetched through indexes), rows written.
 * Backends report their counters when a transaction ends, at most once a second, and when they
 * exit: read after the workers have stopped or idled for over a second.
 */
export async function databaseCounters(url: string): Promise<DatabaseCounters> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ [key in keyof DatabaseCounters]: string }>(`
      select (select xact_commit + xact_rollback from pg_stat_database where datname = current_database()) as transactions,
        coalesce(sum(seq_scan), 0) as "seqScans", coalesce(sum(idx_scan), 0) as "indexScans",
        coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0) as "rowsScanned",
        coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) as "rowsWritten"
      from pg_stat_user_tables`);
    const row = rows[0];
    return {
      transactions: Number(row?.transactions ?? 0),
      seqScans: Number(row?.seqScans ?? 0),
      indexScans: Number(row?.indexScans ?? 0),
      rowsScanned: Number(row?.rowsScanned ?? 0),
      rowsWritten: Number(row?.rowsWritten ?? 0),
    };
  } finally {
    await client.end();
  }
}

export function countersDelta(after: DatabaseCounters, before: DatabaseCounters): DatabaseCounters {
  return {
    transactions: after.transactions - before.transactions,
    seqScans: after.seqScans - before.seqScans,
    indexScans: after.indexScans - before.indexScans,
    rowsScanned: after.rowsScanned - before.rowsScanned,
    rowsWritten: after.rowsWritten - before.rowsWritten,
  };
}

/**
 * CPU ms a Redis server has used since it started (INFO's used_cpu_sys + used_cpu_user). The
 * benches run a private server, so the delta over a run is the run's own Redis cost.
 */
export async function redisCpuMs(url: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info('cpu');
    const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
    return (field('used_cpu_sys') + field('used_cpu_user')) * 1000;
  } finally {
    redis.disconnect();
  }
}
