import { fileURLToPath } from 'node:url';

/** The recorded responses every adapter is tested on; the demo serves them. */
export const testdataDir: string = fileURLToPath(new URL('../testdata/', import.meta.url));
