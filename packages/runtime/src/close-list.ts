/** One thing a process opened and must close when it stops: a server, a worker, a pool. */
interface Closable {
  name: string;
  close: () => Promise<unknown> | unknown;
}

export interface CloseReport {
  /** Names closed in full, in the order they were closed. */
  closed: string[];
  /** Names whose close threw, or had not finished when the deadline passed. */
  failed: { name: string; reason: string }[];
}

/**
 * The things a process opened, closed in reverse order of opening (intake first, pools last)
 * under one deadline shared by all of them. A close that throws or hangs is reported and
 * the next one still runs: a stuck worker must not keep the database pool open forever.
 */
export class CloseList {
  readonly #items: Closable[] = [];

  /** Registers something just opened; it will be closed before everything opened earlier. */
  add(name: string, close: Closable['close']): void {
    this.#items.push({ name, close });
  }

  get size(): number {
    return this.#items.length;
  }

  async closeAll(deadlineMs: number, now: () => number = Date.now): Promise<CloseReport> {
    const report: CloseReport = { closed: [], failed: [] };
    const end = now() + deadlineMs;
    let expired = false;
    while (this.#items.length > 0) {
      const item = this.#items.pop() as Closable;
      const remaining = end - now();
      if (expired || remaining <= 0) {
        report.failed.push({ name: item.name, reason: 'not closed: the shutdown deadline had passed' });
        continue;
      }
      const outcome = await withinDeadline(item.close, remaining);
      if (outcome === 'ok') report.closed.push(item.name);
      else report.failed.push({ name: item.name, reason: outcome });
      // A close that outlived the deadline used it up, whatever the clock's granularity says.
      if (outcome.startsWith('still closing')) expired = true;
    }
    return report;
  }
}

async function withinDeadline(close: Closable['close'], ms: number): Promise<'ok' | string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`still closing after ${ms} ms`), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      Promise.resolve()
        .then(close)
        .then(() => 'ok' as const),
      timeout,
    ]);
  } catch (error) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : 'failed';
  } finally {
    clearTimeout(timer);
  }
}
