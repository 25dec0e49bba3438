import { randomBytes } from 'node:crypto';
import { apiKeyRandomBytes, generateApiKey, normaliseEntry } from '@regwatch/core';
import { type ApiKeyView, createApiKey, type Db, insertSource } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';

/** A stored API key and the key itself, as `regwatch apikey create` makes them. */
export async function createTestKey(
  db: Db,
  options: { name?: string; ratePerMinute?: number } = {},
): Promise<ApiKeyView & { key: string }> {
  const generated = generateApiKey(randomBytes(apiKeyRandomBytes));
  const row = await createApiKey(db, {
    name: options.name ?? 'test newsletter',
    prefix: generated.prefix,
    keyHash: generated.hash,
    ratePerMinute: options.ratePerMinute ?? null,
  });
  return { ...row, key: generated.key };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** One source and `count` items in it, so list and detail routes have something to serve. */
export async function seedItems(db: Db, count: number, sourceId = 'ico'): Promise<void> {
  await insertSource(db, {
    id: sourceId,
    name: sourceId.toUpperCase(),
    kind: 'regulator',
    url: `https://${sourceId}.example/feed`,
    jurisdictions: ['GB'],
    pollIntervalSeconds: 900,
  });
  for (let n = 0; n < count; n += 1) await storeSeedItem(db, sourceId, n);
}

export async function storeSeedItem(db: Db, sourceId: string, n: number): Promise<void> {
  const result = normaliseEntry(
    {
      guid: `${sourceId}-${n}`,
      link: `https://${sourceId}.example/notice/${n}`,
      title: `Notice ${n}: fine number ${n * 7919} issued to company ${n}`,
      published: new Date(Date.UTC(2026, 5, 1, 0, n)).toISOString(),
    },
    { sourceId, baseUrl: null, now: new Date('2026-11-01T00:00:00Z') },
  );
  if (!result.ok) throw new Error(result.reason);
  await storeItem(db, result.item, { jurisdictions: ['GB'] });
}
