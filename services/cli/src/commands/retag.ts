import { parseArgs } from 'node:util';
import { commonFields, loadConfig } from '@regwatch/config';
import { countItemsBySource } from '@regwatch/db';
import { retagItems } from '@regwatch/ingest';
import type { Io } from '../io.ts';
import { requireSource } from '../known-source.ts';
import { progressReporter } from '../progress.ts';
import { createLogger, withDatabase } from '../runtime.ts';

export async function retagCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { source: { type: 'string' } }, strict: true });
  const config = loadConfig(commonFields, env);
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const started = performance.now();
  const progress = progressReporter(io, 'items');
  const report = await withDatabase(config.DATABASE_URL, 'regwatch-retag', logger, async (database) => {
    if (values.source !== undefined) await requireSource(database.db, values.source);
    // The total for the time left (only on a terminal: one grouped count).
    const counts = io.progress ? await countItemsBySource(database.db) : new Map<string, number>();
    const total =
      values.source === undefined
        ? [...counts.values()].reduce((sum, n) => sum + n, 0)
        : (counts.get(values.source) ?? 0);
    return retagItems(database.db, {
      sourceId: values.source,
      onProgress: (sofar) => progress.update(sofar.read, Math.max(total, sofar.read)),
    });
  });
  progress.finish();
  const seconds = ((performance.now() - started) / 1_000).toFixed(1);
  io.out(`retagged ${report.read} items: ${report.changed} changed, in ${seconds} s`);
  return 0;
}
