import { RegwatchError } from '@regwatch/core';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { apiKeys } from '../schema/index.ts';
import { disableWebhooksOfKey } from './webhooks.ts';

/** A key as listings show it: everything but the hash. */
export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  ratePerMinute: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** What the API needs to know about a key a request presents. */
export interface ActiveApiKey {
  id: number;
  prefix: string;
  ratePerMinute: number | null;
  lastUsedAt: Date | null;
}

const view = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  ratePerMinute: apiKeys.ratePerMinute,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/**
 * Stores a new key by its hash. A prefix already taken (a 1-in-2^47 coincidence) is a
 * `conflict`: the caller generates another key.
 */
export async function createApiKey(
  db: DbOrTx,
  key: { name: string; prefix: string; keyHash: string; ratePerMinute: number | null },
): Promise<ApiKeyView> {
  const [row] = await db.insert(apiKeys).values(key).onConflictDoNothing().returning(view);
  if (!row) throw new RegwatchError('conflict', `an API key with prefix ${key.prefix} already exists`);
  return row;
}

export async function listApiKeys(db: DbOrTx): Promise<ApiKeyView[]> {
  return db.select(view).from(apiKeys).orderBy(asc(apiKeys.id));
}

/**
 * Revokes a key by id or prefix, and disables its webhooks. Revoking twice keeps the first time;
 * `undefined` when no key matches.
 */
export async function revokeApiKey(
  db: DbOrTx,
  which: { id: number } | { prefix: string },
  at: Date,
): Promise<ApiKeyView | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${at.toISOString()}::timestamptz)` })
      .where('id' in which ? eq(apiKeys.id, which.id) : eq(apiKeys.prefix, which.prefix))
      .returning(view);
    // Its webhooks stop with it.
    if (row) await disableWebhooksOfKey(tx, row.id);
    return row;
  });
}

/** The unrevoked key with this hash, if any: one lookup on the unique index. */
export async function findActiveApiKey(db: DbOrTx, keyHash: string): Promise<ActiveApiKey | undefined> {
  const [row] = await db
    .select({
      id: apiKeys.id,
      prefix: apiKeys.prefix,
      ratePerMinute: apiKeys.ratePerMinute,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row;
}

/**
 * Records that a key was used, unless that was recorded less than `resolutionMs` ago: a busy
 * key costs one write a minute, not one per request, and several API instances agree on it
 * because the condition is checked in the UPDATE itself.
 */
export async function touchApiKey(db: DbOrTx, id: number, at: Date, resolutionMs = 60_000): Promise<void> {
  const stale = new Date(at.getTime() - resolutionMs);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
}
