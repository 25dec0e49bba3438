import { createHash } from 'node:crypto';
import { createDatabase } from '@regwatch/db';
import { testServerUrl, waitFor } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { exited, runCli, spawnCli } from './support/cli.ts';
import { freshProcessEnv } from './support/fresh-env.ts';

// Issue "API for newsletters": keys made, listed and revoked through the real `regwatch`
// binary, and used against a real `regwatch start --only api` process.

// Keys required, and no key cache, so a revocation shows at once.
const { name, env } = freshProcessEnv('cliapikey', {
  API_ANONYMOUS_ACCESS: 'false',
  API_KEY_CACHE_SECONDS: '0',
  API_KEY_DEFAULT_RATE: '42',
});

beforeAll(async () => {
  const migrated = await runCli(['migrate'], env);
  expect(migrated.code, migrated.stderr).toBe(0);
});

describe('regwatch apikey', () => {
  it('refuses bad usage with exit code 2 and an unknown key with 1', async () => {
    const missingName = await runCli(['apikey', 'create'], env);
    expect(missingName.code).toBe(2);
    expect(missingName.stderr).toContain('--name is required');
    const badRate = await runCli(['apikey', 'create', '--name', 'x', '--rate', '0'], env);
    expect(badRate.code).toBe(2);
    expect(badRate.stderr).toContain('--rate must be a whole number of requests per minute from 1 to 1000000, not "0"');
    const badTarget = await runCli(['apikey', 'revoke', 'newsletter'], env);
    expect(badTarget.code).toBe(2);
    expect(badTarget.stderr).toContain('is neither a key id (a number) nor a key prefix');
    const unknown = await runCli(['apikey', 'revoke', 'rwk_00000000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('regwatch: no API key rwk_00000000');
    expect((await runCli(['apikey', 'rotate'], env)).code).toBe(2);
  });

  it('creates a key shown once, lists it without the secret, and revoking it locks it out of a running API', async () => {
    const created = await runCli(['apikey', 'create', '--name', 'Weekly privacy digest', '--rate', '5'], env);
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^rwk_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
    expect(created.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(created.stderr).toContain('it cannot be shown again');
    const prefix = key.slice(0, 12);

    const standard = await runCli(['apikey', 'create', '--name', 'Default rate'], env);
    expect(standard.stderr).toContain('42/min (default)');

    // Only the hash is stored: nothing in the table holds the key or its secret.
    const database = createDatabase({
      url: testServerUrl(name),
      applicationName: 'check',
      onConnectionLost: () => undefined,
    });
    try {
      const stored = await database.db.execute<Record<string, unknown>>(
        sql`select * from api_keys where prefix = ${prefix}`,
      );
      expect(stored.rows[0]?.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
      expect(JSON.stringify(stored.rows)).not.toContain(key.slice(13));
    } finally {
      await database.close();
    }

    const listed = await runCli(['apikey', 'list', '--json'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(key.slice(13));
    const entries = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(entries).toEqual([
      expect.objectContaining({
        name: 'Weekly privacy digest',
        prefix,
        ratePerMinute: 5,
        rateIsDefault: false,
        lastUsedAt: null,
        revokedAt: null,
      }),
      expect.objectContaining({ name: 'Default rate', ratePerMinute: 42, rateIsDefault: true }),
    ]);
    const table = await runCli(['apikey', 'list'], env);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+PREFIX\s+RATE\s+CREATED\s+LAST USED\s+REVOKED$/m);
    expect(table.stdout).toContain(prefix);
    expect(table.stdout).not.toContain(key.slice(13));

    const child = spawnCli(['start', '--only', 'api', '--no-migrate'], { ...env, LOG_LEVEL: 'info' });
    try {
      const api = await waitFor(
        () => /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"api listening"/.exec(child.output())?.[1],
        { what: 'the API to listen' },
      );
      const withKey = await fetch(`${api}/v1/items`, { headers: { authorization: `Bearer ${key}` } });
      expect(withKey.status).toBe(200);
      expect(withKey.headers.get('ratelimit-limit')).toBe('5');
      expect((await fetch(`${api}/v1/items`)).status).toBe(401);

      const revoked = await runCli(['apikey', 'revoke', prefix], env);
      expect(revoked.code, revoked.stderr).toBe(0);
      expect(revoked.stdout).toContain(`revoked API key ${entries[0]?.id} "Weekly privacy digest" (${prefix})`);
      const refused = await fetch(`${api}/v1/items`, { headers: { authorization: `Bearer ${key}` } });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({
        error: { code: 'unauthorized', message: 'the API key is unknown or has been revoked' },
      });

      const again = await runCli(['apikey', 'revoke', String(entries[0]?.id)], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('was already revoked at');
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
    // The output of the running API never held the key.
    expect(child.output()).not.toContain(key.slice(13));

    const after = JSON.parse((await runCli(['apikey', 'list', '--json'], env)).stdout) as Record<string, unknown>[];
    expect(after[0]?.revokedAt).toEqual(expect.any(String));
    expect(after[0]?.lastUsedAt).toEqual(expect.any(String));
  });
});
