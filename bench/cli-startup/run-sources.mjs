// The bin's development path, forced: the TypeScript sources through tsx, whatever the bundle's age.
import { register } from 'tsx/esm/api';

register();
const entry = await import('../../services/cli/src/main.ts');
await entry.run();
