import type { SourceDefinition } from '../types.ts';

export const aiaaicSources: readonly SourceDefinition[] = [];
