import type { SourceDefinition } from '../types.ts';

export const pressSources: readonly SourceDefinition[] = [];
