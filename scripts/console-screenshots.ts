/**
 * Screenshots the editor's console as an editor sees it: docs/console.png (the sources page, with
 * a dead, a failing and a paused source among healthy ones). Runs the API over a throwaway copy
 * of the test database template (PostgreSQL and Redis on 127.0.0.1) in headless Chromium.
 *
 *   npx tsx scripts/console-screenshots.ts
 */
import { apiConfigFields, loadConfig } from '@regwatch/config';
import { hashPassword } from '@regwatch/core';
import { insertEditor, saveSource } from '@regwatch/db';
import { createRedis, waitForRedis } from '@regwatch/queue';
import { createTestDatabase, deletePrefix, launchBrowser, testSource, uniquePrefix } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../services/api/src/index.ts';

const password = 'screenshot password 1234';
const test = await createTestDatabase('consoleshots');
const prefix = uniquePrefix('consoleshots');
const redis = createRedis('redis://127.0.0.1:6379', 'client');
try {
  await waitForRedis(redis);
  const db = test.database.db;
  const sources = [
    testSource('ico', { name: 'ICO', kind: 'regulator', jurisdictions: ['GB'] }),
    testSource('cnil', { name: 'CNIL', kind: 'regulator', jurisdictions: ['FR'] }),
    testSource('edpb', { name: 'EDPB', kind: 'regulator', jurisdictions: ['EU'] }),
    testSource('darkreading', { name: 'Dark Reading' }),
    testSource('aiaaic', { name: 'AIAAIC', kind: 'incident-db' }),
  ];
  for (const source of sources) await saveSource(db, source);
  await db.execute(
    sql`update sources set last_checked_at = now() - interval '10 minutes', last_success_at = now() - interval '10 minutes'`,
  );
  await db.execute(
    sql`update sources set consecutive_failures = 14, last_error = 'HTTP 503 Service Unavailable from www.cnil.fr', last_error_at = now(), last_success_at = now() - interval '3 days' where id = 'cnil'`,
  );
  await db.execute(
    sql`update sources set consecutive_failures = 2, last_error = 'fetch timed out after 20 s', last_error_at = now(), last_success_at = now() - interval '2 hours' where id = 'edpb'`,
  );
  await db.execute(
    sql`update sources set enabled = false, disabled_reason = 'paused in the console by editor@example.org' where id = 'aiaaic'`,
  );
  await insertEditor(db, { email: 'editor@example.org', passwordHash: await hashPassword(password) });

  const app = await buildApp({
    config: {
      ...loadConfig(apiConfigFields, {}),
      QUEUE_PREFIX: prefix,
      CONSOLE_SECRET: 'screenshot-console-secret-0123456789',
    },
    database: test.database,
    redis,
    logger: pino({ level: 'silent' }),
    lifecycle: { draining: false },
    version: 'screenshot',
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/console/login?next=/console/sources`);
    await page.getByLabel('Email address').fill('editor@example.org');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/console/sources`);
    await page.screenshot({ path: 'docs/console.png', fullPage: true });
    process.stdout.write('wrote docs/console.png (the sources page, 1200 px wide)\n');
  } finally {
    await browser.close();
    await app.close();
  }
} finally {
  redis.disconnect();
  await deletePrefix(prefix);
  await test.drop();
}
