// `npm run test:corpus` runs this first: one line and exit 1 when the corpus is missing,
// rather than a failure per test file.
import { corpusProblem } from '@regwatch/testing';

const problem = corpusProblem();
if (problem) {
  process.stderr.write(`test:corpus: ${problem}\n`);
  process.exit(1);
}
