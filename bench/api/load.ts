import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadSettings {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  statusCounts: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  /** Mean bytes of a response, headers included. */
  responseBytes: number;
  /** CPU milliseconds per request spent by each process measured (the server, its PostgreSQL backends). */
  cpuMsPerRequest: Record<string, number>;
}

function run(url: string, headers: Record<string, string>, settings: LoadSettings, seconds: number) {
  return autocannon({
    url,
    headers,
    connections: settings.connections,
    pipelining: 1,
    duration: seconds,
  });
}

/** CPU time (user + system) of a process so far, in ms, from /proc (Linux, 100 clock ticks a second); 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Resident memory (VmRSS) of a process in MB, from /proc; 0 once it is gone. */
export function residentMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/**
 * Warms up, then loads one URL with fixed connections for a fixed time. `processes` names the
 * processes whose CPU time to charge to the requests (their pids are read before and after, so
 * a pool connection opened during the run counts from zero).
 */
export async function measure(
  url: string,
  headers: Record<string, string>,
  settings: LoadSettings,
  processes: () => Promise<Record<string, number[]>>,
): Promise<LoadFigures> {
  if (settings.warmupSeconds > 0) await run(url, headers, settings, settings.warmupSeconds);
  const before = await processes();
  const cpuBefore = new Map(Object.values(before).flatMap((pids) => pids.map((pid) => [pid, cpuMs(pid)] as const)));
  const result = await run(url, headers, settings, settings.seconds);
  const after = await processes();
  const requests = result.requests.total;
  const cpuMsPerRequest = Object.fromEntries(
    Object.entries(after).map(([name, pids]) => {
      const spent = pids.reduce((sum, pid) => sum + cpuMs(pid) - (cpuBefore.get(pid) ?? 0), 0);
      return [name, requests > 0 ? spent / requests : 0];
    }),
  );
  const statusCounts = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, stats.count ?? 0]),
  );
  return {
    requestsPerSecond: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statusCounts,
    errors: result.errors + result.timeouts,
    responseBytes: requests > 0 ? result.throughput.total / requests : 0,
    cpuMsPerRequest,
  };
}
