import { ensureTemplate } from './postgres.ts';

/** Vitest global setup: migrate the template database once, before any test file clones it. */
export default async function setup(): Promise<void> {
  await ensureTemplate();
}
