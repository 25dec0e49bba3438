import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureTemplate } from './postgres.ts';

const cliBuild = fileURLToPath(new URL('../../../services/cli/build.mjs', import.meta.url));

/**
 * Vitest global setup: compile the `regwatch` bundle (spawned-process tests run it as users
 * do, not the sources through tsx), and migrate the template database once, before any test
 * file clones it.
 */
export default async function setup(): Promise<void> {
  execFileSync(process.execPath, [cliBuild], { stdio: 'inherit' });
  await ensureTemplate();
}
