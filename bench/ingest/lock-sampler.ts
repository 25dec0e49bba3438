import pg from 'pg';

/** Backend time of one database over a sampled span, in ms (sample interval × backends seen so). */
export interface LockWait {
  /** Backends waiting on a heavyweight lock (wait_event_type 'Lock'), advisory locks included. */
  lockMs: number;
  /** The advisory share of `lockMs` (wait_event 'advisory'). */
  advisoryMs: number;
  /** Backends running a statement (state 'active'), waiting or not: the busy time the lock wait is a share of. */
  busyMs: number;
  samples: number;
}

/**
 * Samples pg_stat_activity for one database every `intervalMs` on a connection of its own and
 * integrates what it sees: each sample counts for the time since the previous one. The server
 * has no wait-time counters, so this is how lock waits are measured; a wait shorter than the
 * interval is seen in proportion to its length, on average.
 */
export async function startLockSampler(url: string, intervalMs = 5): Promise<{ stop(): Promise<LockWait> }> {
  const client = new pg.Client({ connectionString: url, application_name: 'bench-lock-sampler' });
  await client.connect();
  const totals: LockWait = { lockMs: 0, advisoryMs: 0, busyMs: 0, samples: 0 };
  let running = true;
  let last = performance.now();
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ busy: number; locked: number; advisory: number }>(
        `select count(*) filter (where state = 'active')::int as busy,
                count(*) filter (where wait_event_type = 'Lock')::int as locked,
                count(*) filter (where wait_event_type = 'Lock' and wait_event = 'advisory')::int as advisory
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      const now = performance.now();
      const span = now - last;
      last = now;
      const row = rows[0];
      totals.busyMs += (row?.busy ?? 0) * span;
      totals.lockMs += (row?.locked ?? 0) * span;
      totals.advisoryMs += (row?.advisory ?? 0) * span;
      totals.samples += 1;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      return totals;
    },
  };
}
