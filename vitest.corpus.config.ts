import { defineConfig } from 'vitest/config';
import { corpusTests } from './vitest.config.ts';

// `npm run test:corpus`: the tests that read the shared corpus (REGWATCH_CORPUS_DIR, by default
// ../shared/corpus beside the repository), which `npm test` leaves out so a clone alone passes.
// scripts/check-corpus.ts runs first and says in one line when the corpus is missing.
export default defineConfig({
  test: {
    name: 'corpus',
    include: [`packages/*/test/${corpusTests}`, `services/*/test/${corpusTests}`, `test/${corpusTests}`],
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
