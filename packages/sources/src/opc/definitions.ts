import type { SourceDefinition } from '../types.ts';

export const opcSources: readonly SourceDefinition[] = [];
