import { aiaaicSources } from './aiaaic/definitions.ts';
import { icoSources } from './ico/definitions.ts';
import { opcSources } from './opc/definitions.ts';
import { pressSources } from './press/definitions.ts';
import { regulatorsSources } from './regulators/definitions.ts';
import type { SourceDefinition } from './types.ts';

/** Every source Regwatch knows out of the box; `regwatch sources sync` stores them, the demo replays them. */
export const sourceCatalog: readonly SourceDefinition[] = [
  ...icoSources,
  ...opcSources,
  ...aiaaicSources,
  ...regulatorsSources,
  ...pressSources,
];

export function catalogSource(id: string): SourceDefinition | undefined {
  return sourceCatalog.find((source) => source.id === id);
}
