import type { SourceDefinition } from '../types.ts';

export const regulatorsSources: readonly SourceDefinition[] = [];
