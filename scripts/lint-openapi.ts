// Lints the OpenAPI document the API serves, as a client generator would read it: builds the app
// (over a scratch test database, as the tests do), takes /openapi.json, writes it to a temporary
// file and runs Redocly's recommended rules on it (redocly.yaml). Any error or warning fails.
//
//   npm run lint:openapi              lint; exits non-zero on any problem
//   npm run lint:openapi -- out.json  also keep the document at out.json
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiConfigFields, loadConfig } from '@regwatch/config';
import { createRedis } from '@regwatch/queue';
import { createTestDatabase, testRedisUrl, uniquePrefix } from '@regwatch/testing';
import pino from 'pino';
import { buildApp } from '../services/api/src/index.ts';

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

const keep = process.argv[2];
const configFile = fileURLToPath(new URL('../redocly.yaml', import.meta.url));
const scratch = await createTestDatabase('openapilint');
// Building the document touches neither Redis nor PostgreSQL: the client is never connected.
const redis = createRedis(testRedisUrl, 'client', { lazyConnect: true, retryStrategy: () => null });
redis.on('error', () => undefined);
const directory = mkdtempSync(join(tmpdir(), 'regwatch-openapi-'));
let status = 1;
try {
  const app = await buildApp({
    config: { ...loadConfig(apiConfigFields, {}), QUEUE_PREFIX: uniquePrefix('openapilint') },
    database: scratch.database,
    redis,
    logger: pino({ level: 'silent' }),
    lifecycle: { draining: false },
    version: 'lint',
  });
  const response = await app.inject('/openapi.json');
  await app.close();
  if (response.statusCode !== 200) throw new Error(`/openapi.json answered ${response.statusCode}`);
  const file = join(directory, 'openapi.json');
  writeFileSync(file, response.body);
  if (keep) copyFileSync(file, keep);
  // Redocly exits 0 on warnings: its JSON report is read instead, and any problem fails.
  const lint = spawnSync('redocly', ['lint', '--config', configFile, '--format=json', file], { encoding: 'utf8' });
  if (lint.error)
    throw new Error(`redocly could not run (${lint.error.message}): run this through npm run lint:openapi`);
  const report = JSON.parse(lint.stdout) as LintReport;
  for (const problem of report.problems) {
    const where = problem.location.map((location) => location.pointer).join(', ');
    process.stdout.write(`${problem.severity} ${problem.ruleId} at ${where}: ${problem.message}\n`);
  }
  const { errors, warnings } = report.totals;
  process.stdout.write(`openapi lint (Redocly recommended): ${errors} errors, ${warnings} warnings\n`);
  status = errors + warnings === 0 && lint.status === 0 ? 0 : 1;
} finally {
  redis.disconnect();
  await scratch.drop();
  rmSync(directory, { recursive: true, force: true });
}
process.exit(status);
