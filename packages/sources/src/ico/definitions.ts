import type { SourceDefinition } from '../types.ts';

export const icoSources: readonly SourceDefinition[] = [];
