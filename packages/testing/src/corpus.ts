import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFields, loadConfig } from '@regwatch/config';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The shared corpus directory the `*.corpus.test.ts` files and the evaluations read:
 * REGWATCH_CORPUS_DIR (absolute, or relative to the repository root), by default
 * `../shared/corpus` beside the repository. The one place that variable is read.
 */
export function corpusDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(repoRoot, loadConfig(corpusFields, env).REGWATCH_CORPUS_DIR);
}

/** One line saying the corpus is missing and what to do, or null when it is there. */
export function corpusProblem(dir: string = corpusDir()): string | null {
  if (existsSync(dir) && statSync(dir).isDirectory()) return null;
  return `corpus not found at ${dir}: put the shared corpus there or set REGWATCH_CORPUS_DIR to its directory (npm test does not need it)`;
}

/** A path inside the corpus; throws the one-line `corpusProblem` when the corpus is missing. */
export function corpusPath(...parts: string[]): string {
  const dir = corpusDir();
  const problem = corpusProblem(dir);
  if (problem) throw new Error(problem);
  return join(dir, ...parts);
}
