import { deletePrefix, dropDatabase, freshDatabaseName, testEnv, testServerUrl, uniquePrefix } from '@regwatch/testing';
import { afterAll } from 'vitest';

/**
 * For tests of spawned `regwatch` processes that create their own database (`migrate`, `demo`):
 * a database name that does not exist yet, a queue prefix, the environment naming both, and an
 * afterAll that drops the database and deletes the keys the processes left under the prefix.
 */
export function freshProcessEnv(label: string, extra: Record<string, string> = {}) {
  const name = freshDatabaseName(label);
  const prefix = uniquePrefix(label);
  const env = testEnv({ databaseUrl: testServerUrl(name), prefix, extra });
  afterAll(async () => {
    await deletePrefix(prefix);
    await dropDatabase(name);
  });
  return { name, prefix, env };
}
