import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Both src/ (run through tsx) and dist/ (the bundle) sit at services/cli/<dir>/, three levels below the repository root.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const migrationsFolder = resolve(root, 'migrations');

/** Where the demo writes what it makes (the roundup messages it received); not in git. */
export const demoDataDir = resolve(root, '.demo');
