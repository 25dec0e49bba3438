import { defineConfig } from 'vitest/config';

// One project per package and service (`vitest run --project core`), plus the cross-service tests in test/.
const projects = [
  ['core', 'packages/core'],
  ['config', 'packages/config'],
  ['db', 'packages/db'],
  ['queue', 'packages/queue'],
  ['runtime', 'packages/runtime'],
  ['sources', 'packages/sources'],
  ['render', 'packages/render'],
  ['ingest', 'services/ingest'],
  ['api', 'services/api'],
  ['roundup', 'services/roundup'],
  ['cli', 'services/cli'],
  ['e2e', 'test'],
] as const;

/** Tests that read the shared corpus (REGWATCH_CORPUS_DIR) rather than the repository alone. */
export const corpusTests = '**/*.corpus.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['packages/testing/src/global-setup.ts'],
    projects: projects.map(([name, dir]) => ({
      extends: true,
      test: {
        name,
        include: [dir === 'test' ? 'test/**/*.test.ts' : `${dir}/test/**/*.test.ts`],
        // Tests on the shared corpus outside the repository run in `npm run test:corpus` (vitest.corpus.config.ts).
        exclude: ['**/node_modules/**', corpusTests],
        // End-to-end tests spawn `regwatch` processes (a few seconds each on a loaded 2-core machine).
        ...(dir === 'test' ? { testTimeout: 90_000 } : {}),
      },
    })),
    // Tests wait on real PostgreSQL, Redis and HTTP more than on the CPU: run more files than cores.
    maxWorkers: 4,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
