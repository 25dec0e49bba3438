import { parseArgs } from 'node:util';
import { ingestConfigFields, loadConfig } from '@regwatch/config';
import { isRegwatchError } from '@regwatch/core';
import { importDocument, readDocumentFile } from '@regwatch/ingest';
import { type Io, UsageError } from '../io.ts';
import { requireSource } from '../known-source.ts';
import { progressReporter } from '../progress.ts';
import { createLogger, openDatabase } from '../runtime.ts';

export async function importCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { source: { type: 'string' }, timeout: { type: 'string', default: '600' } },
    strict: true,
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!values.source || !file || positionals.length > 1)
    throw new UsageError('usage: regwatch import --source ID FILE');
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
    throw new UsageError('--timeout must be a number of seconds');

  const config = loadConfig(ingestConfigFields, env);
  let body: Buffer;
  try {
    body = await readDocumentFile(file, config.FETCH_MAX_BYTES);
  } catch (error) {
    if (isRegwatchError(error)) throw error; // Too large: said in its own words, exit 1.
    throw new UsageError(`cannot read ${file}: ${whyUnreadable(error as NodeJS.ErrnoException)}`);
  }
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = openDatabase(config.DATABASE_URL, 'regwatch-import', logger);
  try {
    await requireSource(database.db, values.source);
    const started = performance.now();
    const progress = progressReporter(io, 'entries');
    const report = await importDocument(
      { config, db: database.db, logger },
      {
        sourceId: values.source,
        body,
        timeoutMs: timeoutSeconds * 1_000,
        onProgress: (stored, total) => progress.update(stored, total),
      },
    ).finally(() => progress.finish());
    const seconds = (performance.now() - started) / 1_000;
    if (report.decodeWarning) io.err(`${file}: ${report.decodeWarning}`);
    if (report.requeued > 0)
      io.err(
        `${file}: Redis lost ${report.requeued} of the import's entries; enqueued again from PostgreSQL and stored`,
      );
    io.out(
      `${file}: ${report.entries} entries (${report.rejected} unusable, ${report.filtered} set aside as not news or not about privacy, ${report.unchanged} already stored); ` +
        `stored ${report.inserted} new, ${report.updated} updated, ${report.linked} as alternates of known items, ` +
        `${report.failed} failed, in ${seconds.toFixed(1)} s`,
    );
    return report.failed > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** Why a file could not be opened, in words rather than an errno code. */
function whyUnreadable(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error.code ?? error.message;
  }
}
