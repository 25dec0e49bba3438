import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import type { TextChain } from '../api/corpus.ts';
import { seededRandom } from '../api/random.ts';
import { stopChild } from '../api/servers.ts';

export { stopChild };

import { withClient } from './database.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Percentile of sorted-ascending `values` (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const xml = (words: string[]) =>
  words.join(' ').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A small live feed that gains `perRound` new items each round, as a source publishing while an import runs. */
export function liveFeed(chain: TextChain, perRound = 5) {
  const random = seededRandom(51);
  const items: string[] = [];
  let round = 0;
  return {
    /** Publishes the next round; returns the new items' guids. */
    publish(): string[] {
      const guids: string[] = [];
      for (let n = 0; n < perRound; n += 1) {
        const guid = `live-${round}-${n}`;
        guids.push(guid);
        const at = new Date(Date.now() - (perRound - n) * 1_000).toUTCString();
        // Each item its own words, so none is a near-duplicate of another and all five are stored as
        // items; the privacy words keep the press relevance filter from setting them aside.
        items.push(
          `<item><title>Data protection authority fines company over personal data: ${xml(chain.words(random, 10))}</title><link>https://live.example/${guid}</link>` +
            `<guid isPermaLink="false">${guid}</guid><pubDate>${at}</pubDate>` +
            `<description>The GDPR regulator said the processing of personal data was unlawful. ${xml(chain.words(random, 40))}</description></item>`,
        );
      }
      round += 1;
      return guids;
    },
    body(): string {
      return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Live privacy news</title>
<link>https://live.example/</link>${items.join('\n')}</channel></rss>`;
    },
  };
}

/**
 * One live poll: `regwatch sources poll ID` (a poll job on the queue, as an operator or the
 * scheduler makes one), then the ms from the command's return (the job enqueued) until every
 * one of `guids` has an entry, or null when that takes longer than `capMs`.
 */
export async function livePoll(input: {
  regwatchBin: string;
  env: NodeJS.ProcessEnv;
  databaseUrl: string;
  sourceId: string;
  guids: readonly string[];
  capMs: number;
}): Promise<number | null> {
  execFileSync(process.execPath, [input.regwatchBin, 'sources', 'poll', input.sourceId], {
    env: input.env,
    stdio: 'ignore',
  });
  const enqueued = performance.now();
  return withClient(input.databaseUrl, async (client) => {
    while (performance.now() - enqueued < input.capMs) {
      const { rows } = await client.query<{ stored: number }>(
        'select count(*)::int as stored from entries where source_id = $1 and guid = any($2)',
        [input.sourceId, input.guids],
      );
      if ((rows[0]?.stored ?? 0) >= input.guids.length) return performance.now() - enqueued;
      await pause(20);
    }
    return null;
  });
}

/**
 * Latencies (ms) of sequential GETs of `url`, `gapMs` apart (a reader polling, not a load test:
 * a tight loop would take a core of the 2 from the import it is measured against), until
 * `until(made)` says stop or `count` were made.
 */
export async function latencies(
  url: string,
  until: (made: number) => boolean,
  count = Number.POSITIVE_INFINITY,
  gapMs = 20,
): Promise<number[]> {
  const figures: number[] = [];
  while (figures.length < count && !until(figures.length)) {
    const began = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    figures.push(performance.now() - began);
    await pause(gapMs);
  }
  return figures;
}

const stderrOf = new WeakMap<ChildProcess, string>();

/** The last line a `regwatchChild` wrote to stderr (why it failed). */
export function lastLine(child: ChildProcess): string {
  return (stderrOf.get(child) ?? '').trim().split('\n').at(-1) ?? '';
}

/** A `regwatch` child with the bench's environment, its stderr kept for the error message. */
export function regwatchChild(regwatchBin: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [regwatchBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => {
    // The tail is enough to say why it failed.
    stderrOf.set(child, ((stderrOf.get(child) ?? '') + chunk.toString()).slice(-4_000));
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return child;
}
