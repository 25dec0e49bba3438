import { parseArgs } from 'node:util';
import { commonFields, loadConfig } from '@regwatch/config';
import { checkNewSource, type NewSourceDefinition, sourceHealthStatus } from '@regwatch/core';
import { countItemsBySource, insertSource, listSources, saveSource } from '@regwatch/db';
import { createQueues, createRedis, pollIfDue, pollNow, schedulePoll, waitForRedis } from '@regwatch/queue';
import { sourceCatalog, sourceFormats } from '@regwatch/sources';
import { catalogRow } from '../catalog-rows.ts';
import { describeError, targetsOf } from '../errors.ts';
import { type Io, UsageError } from '../io.ts';
import { requireSource } from '../known-source.ts';
import { createLogger, openDatabase } from '../runtime.ts';

export async function sourcesCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'add':
      return addSource(rest, env, io);
    case 'list':
      return listSourcesCommand(rest, env, io);
    case 'sync':
      return syncCatalog(rest, env, io);
    case 'poll':
      return pollSourceNow(rest, env, io);
    default:
      throw new UsageError(
        action ? `unknown sources command "${action}"` : 'sources needs a command: add, sync, list or poll',
      );
  }
}

type SourceInput = NewSourceDefinition;

/** Validates `sources add` options, reporting every problem at once (the rules: core's checkNewSource). */
export function parseSourceOptions(args: string[]): SourceInput {
  const { values, positionals } = parseArgs({
    args,
    options: {
      id: { type: 'string' },
      url: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string', default: 'press' },
      jurisdiction: { type: 'string', multiple: true, default: [] },
      interval: { type: 'string', default: '900' },
      format: { type: 'string', default: 'feed' },
      language: { type: 'string' },
      homepage: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  const checked = checkNewSource(
    { ...values, jurisdictions: values.jurisdiction },
    { formats: sourceFormats, label: (field) => `--${field}` },
  );
  const problems = positionals.length > 0 ? [`unexpected argument "${positionals[0]}"`] : [];
  if (!checked.ok) problems.push(...checked.problems);
  if (problems.length > 0 || !checked.ok) throw new UsageError(problems.join('; '));
  return checked.source;
}

async function addSource(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const input = parseSourceOptions(args);
  const config = loadConfig(commonFields, env);
  const logger = createLogger('warn');
  const database = openDatabase(config.DATABASE_URL, 'regwatch-cli', logger);
  try {
    const source = await insertSource(database.db, input);
    io.out(`added source ${source.id} (${source.kind}, every ${source.pollIntervalSeconds}s): ${source.url}`);
  } finally {
    await database.close();
  }
  // The source is stored; scheduling is a convenience the ingest workers also do within a minute.
  const redis = createRedis(config.REDIS_URL, 'producer');
  redis.on('error', () => undefined);
  const queues = createQueues({ connection: redis, prefix: config.QUEUE_PREFIX });
  try {
    await waitForRedis(redis);
    await schedulePoll(queues.poll, input);
    await pollIfDue(queues.poll, input.id);
    io.out('first poll queued');
  } catch (error) {
    io.err(
      `regwatch: could not schedule the first poll (${describeError(error, targetsOf(env)).line}); ` +
        'the ingest workers will schedule it within a minute of reaching Redis',
    );
  } finally {
    await queues.close().catch(() => undefined);
    redis.disconnect();
  }
  return 0;
}

async function syncCatalog(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  if (args.length > 0) throw new UsageError(`sources sync takes no arguments, got "${args[0]}"`);
  const config = loadConfig(commonFields, env);
  const database = openDatabase(config.DATABASE_URL, 'regwatch-cli', createLogger('warn'));
  try {
    const existing = new Set((await listSources(database.db)).map((source) => source.id));
    for (const definition of sourceCatalog) await saveSource(database.db, catalogRow(definition));
    const added = sourceCatalog.filter((definition) => !existing.has(definition.id)).length;
    io.out(
      `${sourceCatalog.length} catalog sources: ${added} added, ${sourceCatalog.length - added} updated; ` +
        'the ingest workers schedule them within a minute',
    );
    return 0;
  } finally {
    await database.close();
  }
}

async function listSourcesCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const config = loadConfig(commonFields, env);
  const database = openDatabase(config.DATABASE_URL, 'regwatch-cli', createLogger('warn'));
  try {
    const [rows, counts] = await Promise.all([listSources(database.db), countItemsBySource(database.db)]);
    const now = new Date();
    const view = rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      status: sourceHealthStatus({ ...row, now }),
      items: counts.get(row.id) ?? 0,
      filtered: row.lastFilteredCount ?? 0,
      lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
      lastError: row.lastErrorCode ? `${row.lastErrorCode}: ${row.lastError ?? ''}` : null,
      lastWarning: row.lastWarning,
      lastWarningAt: row.lastWarningAt?.toISOString() ?? null,
      url: row.url,
    }));
    if (values.json) {
      io.out(JSON.stringify(view, null, 2));
      return 0;
    }
    if (view.length === 0) {
      io.out('no sources yet: add one with `regwatch sources add --id ID --url URL`');
      return 0;
    }
    const table = [
      ['ID', 'KIND', 'STATUS', 'ITEMS', 'FILTERED', 'LAST SUCCESS', 'LAST ERROR', 'WARNING', 'URL'],
      ...view.map((source) => [
        source.id,
        source.kind,
        source.status,
        String(source.items),
        String(source.filtered),
        source.lastSuccessAt?.slice(0, 16).replace('T', ' ') ?? '-',
        source.status === 'ok' || !source.lastError ? '-' : source.lastError.slice(0, 60),
        source.lastWarning?.slice(0, 80) ?? '-',
        source.url,
      ]),
    ];
    const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
    for (const row of table)
      io.out(
        row
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd(),
      );
    return 0;
  } finally {
    await database.close();
  }
}

async function pollSourceNow(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { force: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new UsageError('usage: regwatch sources poll ID [--force]');
  const config = loadConfig(commonFields, env);
  const database = openDatabase(config.DATABASE_URL, 'regwatch-cli', createLogger('warn'));
  try {
    await requireSource(database.db, id);
  } finally {
    await database.close();
  }
  const redis = createRedis(config.REDIS_URL, 'producer');
  redis.on('error', () => undefined); // waitForRedis reports it, once
  const queues = createQueues({ connection: redis, prefix: config.QUEUE_PREFIX });
  try {
    await waitForRedis(redis);
    await pollNow(queues.poll, id, { refetch: values.force });
    io.out(`${values.force ? 'refetch (no validators)' : 'poll'} of ${id} queued; the ingest workers will run it`);
    return 0;
  } finally {
    await queues.close();
    redis.disconnect();
  }
}
