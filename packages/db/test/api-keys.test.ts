import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, findActiveApiKey, listApiKeys, revokeApiKey, touchApiKey } from '../src/index.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('dbapikeys');
});
afterAll(() => test.drop());

const newKey = (n: number, ratePerMinute: number | null = null) => ({
  name: `newsletter ${n}`,
  prefix: `rwk_0000000${n}`,
  keyHash: `${n}`.repeat(64).slice(0, 64),
  ratePerMinute,
});

describe('api key queries', () => {
  it('store a key by hash, find it while active, and list it without the hash', async () => {
    const { db } = test.database;
    const created = await createApiKey(db, newKey(1, 120));
    expect(created).toEqual({
      id: expect.any(Number),
      name: 'newsletter 1',
      prefix: 'rwk_00000001',
      ratePerMinute: 120,
      createdAt: expect.any(Date),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(await findActiveApiKey(db, newKey(1).keyHash)).toEqual({
      id: created.id,
      prefix: 'rwk_00000001',
      ratePerMinute: 120,
      lastUsedAt: null,
    });
    expect(await findActiveApiKey(db, 'f'.repeat(64))).toBeUndefined();
    const listed = await listApiKeys(db);
    expect(listed.map((key) => key.prefix)).toContain('rwk_00000001');
    expect(JSON.stringify(listed)).not.toContain(newKey(1).keyHash);
  });

  it('refuse a second key with the same prefix or hash as a conflict', async () => {
    const { db } = test.database;
    await createApiKey(db, newKey(2));
    await expect(createApiKey(db, { ...newKey(2), keyHash: 'a'.repeat(64) })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(createApiKey(db, { ...newKey(2), prefix: 'rwk_aaaaaaaa' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('revoke by id or prefix, keep the first revocation time, and stop finding the key', async () => {
    const { db } = test.database;
    const three = await createApiKey(db, newKey(3));
    const four = await createApiKey(db, newKey(4));
    const first = new Date('2026-06-01T10:00:00Z');
    expect((await revokeApiKey(db, { id: three.id }, first))?.revokedAt).toEqual(first);
    expect((await revokeApiKey(db, { id: three.id }, new Date('2026-06-02T10:00:00Z')))?.revokedAt).toEqual(first);
    expect((await revokeApiKey(db, { prefix: four.prefix }, first))?.id).toBe(four.id);
    expect(await findActiveApiKey(db, newKey(3).keyHash)).toBeUndefined();
    expect(await findActiveApiKey(db, newKey(4).keyHash)).toBeUndefined();
    expect(await revokeApiKey(db, { id: 999_999 }, first)).toBeUndefined();
    expect(await revokeApiKey(db, { prefix: 'rwk_zzzzzzzz' }, first)).toBeUndefined();
  });

  it('record use at most once per resolution window', async () => {
    const { db } = test.database;
    const key = await createApiKey(db, newKey(5));
    const t0 = new Date('2026-06-01T10:00:00Z');
    await touchApiKey(db, key.id, t0);
    await touchApiKey(db, key.id, new Date(t0.getTime() + 59_000));
    expect((await findActiveApiKey(db, newKey(5).keyHash))?.lastUsedAt).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    await touchApiKey(db, key.id, later);
    expect((await findActiveApiKey(db, newKey(5).keyHash))?.lastUsedAt).toEqual(later);
  });
});
