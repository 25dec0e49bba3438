#!/usr/bin/env node
// The `regwatch` command. Runs the TypeScript sources through tsx, so `npx regwatch` works
// straight after `npm ci`; the Docker image does the same.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/main.ts');
await run();
