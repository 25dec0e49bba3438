import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The recorded responses every adapter is tested on; the demo serves them. Found through the
 * package's own location, so the path holds from the sources and from the CLI's bundle alike.
 */
export const testdataDir: string = join(
  dirname(createRequire(import.meta.url).resolve('@regwatch/sources/package.json')),
  'testdata/',
);
