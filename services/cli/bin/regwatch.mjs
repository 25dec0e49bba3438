#!/usr/bin/env node
// The `regwatch` command. Runs the compiled bundle, dist/regwatch.mjs (`npm run build`; `npm ci`
// builds it through `prepare`). While a developer edits the TypeScript sources and they are newer
// than the bundle, it runs the sources through tsx instead, so a stale bundle never runs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/regwatch.mjs', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Newest modification time among the sources the bundle is built from. */
function newestSourceMs() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const group of ['packages', 'services']) {
    for (const name of readdirSync(`${root}${group}`)) {
      for (const part of ['src', 'lexicons', 'package.json']) {
        const path = `${root}${group}/${name}/${part}`;
        if (!existsSync(path)) continue;
        if (statSync(path).isDirectory()) walk(path);
        else newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  }
  return newest;
}

const compiled = existsSync(bundle) && statSync(bundle).mtimeMs >= newestSourceMs();
let entry;
if (compiled) {
  entry = await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  entry = await import('../src/main.ts');
}
await entry.run();
