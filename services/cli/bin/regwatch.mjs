#!/usr/bin/env node
// The `regwatch` command. Runs the compiled bundle, dist/regwatch.mjs (`npm run build`; `npm ci`
// builds it through `prepare`). While a developer edits the TypeScript sources and one of them is
// newer than the bundle, it runs the sources through tsx instead, so a stale bundle never runs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/regwatch.mjs', import.meta.url));
const bundleInputs = fileURLToPath(new URL('../dist/inputs.json', import.meta.url));
const sources = fileURLToPath(new URL('../src/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Whether the bundle is at least as new as every file it was built from: the build lists them in
 * dist/inputs.json (about 250 files to stat, not every file of the workspace). Without a src/
 * directory there is nothing to be newer (a deployment holding only the bundle). A listed file
 * that is gone, or no list, means the sources changed shape since the build: run them.
 */
function bundleIsCurrent() {
  if (!existsSync(bundle)) return false;
  if (!existsSync(sources)) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(bundleInputs, 'utf8'));
  } catch {
    return false;
  }
  const builtMs = statSync(bundle).mtimeMs;
  return inputs.every(
    (path) => (statSync(`${root}${path}`, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) <= builtMs,
  );
}

let entry;
if (bundleIsCurrent()) {
  entry = await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = await import('../src/main.ts');
}
await entry.run();
