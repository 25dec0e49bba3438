import { parseArgs } from 'node:util';
import { commonFields, loadConfig } from '@regwatch/config';
import { retagItems } from '@regwatch/ingest';
import type { Io } from '../io.ts';
import { requireSource } from '../known-source.ts';
import { createLogger, withDatabase } from '../runtime.ts';

export async function retagCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { source: { type: 'string' } }, strict: true });
  const config = loadConfig(commonFields, env);
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const started = performance.now();
  const report = await withDatabase(config.DATABASE_URL, 'regwatch-retag', logger, async (database) => {
    if (values.source !== undefined) await requireSource(database.db, values.source);
    return retagItems(database.db, { sourceId: values.source });
  });
  const seconds = ((performance.now() - started) / 1_000).toFixed(1);
  io.out(`retagged ${report.read} items: ${report.changed} changed, in ${seconds} s`);
  return 0;
}
