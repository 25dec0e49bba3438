import { blocCodes } from '../jurisdiction/codes.ts';
import { builtinLexicons } from './builtin-lexicons.ts';

/** A value a DPO can filter on, with the name to show for it. */
export interface CatalogEntry {
  id: string;
  name: string;
}

export interface PlatformCatalogEntry extends CatalogEntry {
  kind: string;
  /** The organisation that owns it (`linkedin` → `microsoft`): filtering by the parent includes it. */
  parent: string | null;
}

export interface TopicCatalogEntry extends CatalogEntry {
  definition: string;
}

function byId<T extends CatalogEntry>(entries: T[]): ReadonlyMap<string, T> {
  return new Map(entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((entry) => [entry.id, entry]));
}

/** Every platform id the taggers can give, from the lexicon. */
export const platformCatalog: ReadonlyMap<string, PlatformCatalogEntry> = byId(
  builtinLexicons.platforms.map((platform) => ({
    id: platform.id,
    name: platform.name,
    kind: platform.kind,
    parent: platform.parent ?? null,
  })),
);

/** The fixed topic taxonomy. */
export const topicCatalog: ReadonlyMap<string, TopicCatalogEntry> = byId(
  builtinLexicons.topics.map((topic) => ({ id: topic.id, name: topic.name, definition: topic.definition })),
);

/** Names of the jurisdictions the lexicon knows (countries, states, provinces, blocs), by code. */
export const jurisdictionNames: ReadonlyMap<string, string> = new Map([
  ...builtinLexicons.places.places.map((place) => [place.code, place.name] as const),
  ...[...blocCodes].map((code) => [code, code === 'EU' ? 'European Union' : 'European Economic Area'] as const),
]);
