import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { apiConfigFields, loadConfig } from '@regwatch/config';
import { apiKeyRandomBytes, generateApiKey, isApiKeyPrefix, isRegwatchError, RegwatchError } from '@regwatch/core';
import { type ApiKeyView, createApiKey, type Database, listApiKeys, revokeApiKey } from '@regwatch/db';
import { type Io, UsageError } from '../io.ts';
import { createLogger, withDatabase } from '../runtime.ts';

export async function apikeyCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'create':
      return createKey(rest, env, io);
    case 'list':
      return listKeys(rest, env, io);
    case 'revoke':
      return revokeKey(rest, env, io);
    default:
      throw new UsageError(
        action ? `unknown apikey command "${action}"` : 'apikey needs a command: create, list or revoke',
      );
  }
}

function withApiDatabase<T>(env: NodeJS.ProcessEnv, work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig(apiConfigFields, env);
  return withDatabase(config.DATABASE_URL, 'regwatch-cli', createLogger('warn'), work);
}

/** Validates `apikey create` options, reporting every problem at once. */
export function parseCreateOptions(args: string[]): { name: string; ratePerMinute: number | null } {
  const { values, positionals } = parseArgs({
    args,
    options: { name: { type: 'string' }, rate: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  const problems: string[] = [];
  if (positionals.length > 0) problems.push(`unexpected argument "${positionals[0]}"`);
  const name = values.name?.trim() ?? '';
  if (!name) problems.push('--name is required (who the key is for)');
  else if (name.length > 100 || /[\p{Cc}]/u.test(name))
    problems.push('--name must be at most 100 printable characters');
  let ratePerMinute: number | null = null;
  if (values.rate !== undefined) {
    ratePerMinute = Number(values.rate);
    if (!/^\d+$/.test(values.rate) || ratePerMinute < 1 || ratePerMinute > 1_000_000) {
      problems.push(`--rate must be a whole number of requests per minute from 1 to 1000000, not "${values.rate}"`);
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return { name, ratePerMinute };
}

async function createKey(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const options = parseCreateOptions(args);
  const defaultRate = loadConfig(apiConfigFields, env).API_KEY_DEFAULT_RATE;
  const { generated, row } = await withApiDatabase(env, async (database) => {
    // A prefix collision (1 in 2^47 per pair of keys) is refused by a unique index: draw again.
    for (let attempt = 1; ; attempt += 1) {
      const generated = generateApiKey(randomBytes(apiKeyRandomBytes));
      try {
        const row = await createApiKey(database.db, { ...options, prefix: generated.prefix, keyHash: generated.hash });
        return { generated, row };
      } catch (error) {
        if (!(isRegwatchError(error) && error.code === 'conflict') || attempt === 3) throw error;
      }
    }
  });
  // The key alone on stdout, so `KEY=$(regwatch apikey create …)` captures just it; the rest to stderr.
  io.out(generated.key);
  io.err(
    `created API key ${row.id} "${row.name}" (${row.prefix}, ${describeRate(row, defaultRate)}).\n` +
      'Store it now: it cannot be shown again (only its hash is kept). Send it as "Authorization: Bearer <key>".',
  );
  return 0;
}

function describeRate(key: Pick<ApiKeyView, 'ratePerMinute'>, defaultRate: number): string {
  return key.ratePerMinute === null ? `${defaultRate}/min (default)` : `${key.ratePerMinute}/min`;
}

const when = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') : '-');

async function listKeys(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const defaultRate = loadConfig(apiConfigFields, env).API_KEY_DEFAULT_RATE;
  const keys = await withApiDatabase(env, (database) => listApiKeys(database.db));
  if (values.json) {
    const view = keys.map((key) => ({
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      ratePerMinute: key.ratePerMinute ?? defaultRate,
      rateIsDefault: key.ratePerMinute === null,
      createdAt: key.createdAt.toISOString(),
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
    }));
    io.out(JSON.stringify(view, null, 2));
    return 0;
  }
  if (keys.length === 0) {
    io.out('no API keys yet: create one with `regwatch apikey create --name NAME`');
    return 0;
  }
  const table = [
    ['ID', 'NAME', 'PREFIX', 'RATE', 'CREATED', 'LAST USED', 'REVOKED'],
    ...keys.map((key) => [
      String(key.id),
      key.name,
      key.prefix,
      describeRate(key, defaultRate),
      when(key.createdAt),
      when(key.lastUsedAt),
      when(key.revokedAt),
    ]),
  ];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of table) {
    io.out(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  }
  return 0;
}

async function revokeKey(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [which, ...extra] = args;
  if (!which || extra.length > 0) throw new UsageError('usage: regwatch apikey revoke ID|PREFIX');
  let target: { id: number } | { prefix: string };
  if (/^[1-9]\d{0,9}$/.test(which)) target = { id: Number(which) };
  else if (isApiKeyPrefix(which)) target = { prefix: which };
  else
    throw new UsageError(
      `"${which.slice(0, 20)}" is neither a key id (a number) nor a key prefix (rwk_ and 8 characters)`,
    );
  const config = loadConfig(apiConfigFields, env);
  const now = new Date();
  const revoked = await withApiDatabase(env, (database) => revokeApiKey(database.db, target, now));
  if (!revoked) throw new RegwatchError('not_found', `no API key ${'id' in target ? target.id : target.prefix}`);
  const revokedAt = revoked.revokedAt ?? now;
  if (revokedAt.getTime() !== now.getTime()) {
    io.out(`API key ${revoked.id} (${revoked.prefix}) was already revoked at ${revokedAt.toISOString()}`);
    return 0;
  }
  io.out(
    `revoked API key ${revoked.id} "${revoked.name}" (${revoked.prefix}); ` +
      `API instances refuse it within ${config.API_KEY_CACHE_SECONDS} s`,
  );
  return 0;
}
