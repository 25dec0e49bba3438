import { type AliasSpec, aliasText, type Lexicons, type PlatformEntry } from './lexicon-types.ts';
import { buildPhraseIndex, type IndexEntry, type NameKind, type PhraseIndex, type Table } from './phrase-index.ts';
import { buildLabelIndex, type LabelIndex, labelKey } from './source-labels.ts';
import { phraseKey } from './tokens.ts';

/** The lexicons turned into lookup tables, once. */
export interface CompiledLexicons {
  /** Platforms, authorities, laws, places and not-places: one index, so the longest name wins across tables. */
  entities: PhraseIndex;
  topics: PhraseIndex;
  /** Each platform's ancestors, nearest first. */
  platformAncestors: ReadonlyMap<string, readonly string[]>;
  /** Jurisdiction codes of each authority (`authority:ico`), law (`law:gdpr`) and place (`place:GB`). */
  codes: ReadonlyMap<string, readonly string[]>;
  platformLabels: LabelIndex;
  /** Platform names safe to read at the start of a longer label (no common words, no guarded names). */
  platformLabelPrefixes: LabelIndex;
  placeLabels: LabelIndex;
  topicLabels: LabelIndex;
  /** Label keys that name no jurisdiction on purpose (`multiple`, `global`). */
  noJurisdictionLabels: ReadonlySet<string>;
}

/** An entry's display name, matched too unless an alias with the same text gives it rules. */
function withName(name: string, aliases: readonly AliasSpec[] | undefined): AliasSpec[] {
  const list = [...(aliases ?? [])];
  const nameKey = phraseKey(name);
  if (!list.some((alias) => phraseKey(aliasText(alias)) === nameKey)) list.unshift(name);
  return list;
}

function entries(table: Table, id: string, kind: NameKind, aliases: readonly AliasSpec[]): IndexEntry[] {
  return aliases.map((alias) => ({ table, id, kind, alias }));
}

function ancestorsOf(lexicons: Lexicons): Map<string, string[]> {
  const parents = new Map(lexicons.platforms.map((platform) => [platform.id, platform.parent ?? null]));
  const ancestors = new Map<string, string[]>();
  for (const platform of lexicons.platforms) {
    const chain: string[] = [];
    for (let parent = parents.get(platform.id); parent; parent = parents.get(parent)) chain.push(parent);
    ancestors.set(platform.id, chain);
  }
  return ancestors;
}

export function compileLexicons(lexicons: Lexicons): CompiledLexicons {
  const entityEntries: IndexEntry[] = [];
  const codes = new Map<string, string[]>();
  for (const platform of lexicons.platforms) {
    entityEntries.push(...entries('platform', platform.id, 'name', withName(platform.name, platform.aliases)));
    entityEntries.push(...entries('platform', platform.id, 'product', platform.products ?? []));
  }
  for (const authority of lexicons.authorities) {
    entityEntries.push(...entries('authority', authority.id, 'name', withName(authority.name, authority.aliases)));
    codes.set(`authority:${authority.id}`, authority.jurisdictions);
  }
  for (const law of lexicons.laws) {
    entityEntries.push(...entries('law', law.id, 'name', withName(law.name, law.aliases)));
    codes.set(`law:${law.id}`, law.jurisdictions);
  }
  for (const place of lexicons.places.places) {
    entityEntries.push(...entries('place', place.code, 'name', withName(place.name, place.aliases)));
    entityEntries.push(...entries('place', place.code, 'demonym', place.demonyms ?? []));
    codes.set(`place:${place.code}`, [place.code]);
  }
  entityEntries.push(...lexicons.places.notPlaces.map((alias, index) => notPlace(alias, index)));

  const topicEntries = lexicons.topics.flatMap((topic) => entries('topic', topic.id, 'term', topic.terms));

  return {
    entities: buildPhraseIndex(entityEntries),
    topics: buildPhraseIndex(topicEntries),
    platformAncestors: ancestorsOf(lexicons),
    codes,
    platformLabels: buildLabelIndex(
      lexicons.platforms.flatMap((platform) =>
        [
          platform.name,
          ...[...(platform.aliases ?? []), ...(platform.products ?? [])].map(aliasText),
          ...(platform.labels ?? []),
        ].map((form): [string, string] => [platform.id, form]),
      ),
    ),
    platformLabelPrefixes: buildLabelIndex(
      lexicons.platforms.flatMap((platform) =>
        prefixForms(platform).map((form): [string, string] => [platform.id, form]),
      ),
    ),
    placeLabels: buildLabelIndex(
      lexicons.places.places.flatMap((place) =>
        [place.name, ...(place.aliases ?? []).map(aliasText), ...(place.labels ?? [])].map((form): [string, string] => [
          place.code,
          form,
        ]),
      ),
    ),
    topicLabels: buildLabelIndex(
      lexicons.topics.flatMap((topic) => (topic.labels ?? []).map((form): [string, string] => [topic.id, form])),
    ),
    noJurisdictionLabels: new Set(lexicons.places.noJurisdictionLabels.map(labelKey)),
  };
}

/**
 * Forms of a platform that may start a longer label: its name and plain aliases and products,
 * but none whose text is guarded by rules somewhere in its entry (`Ford`, `Target`, `TIM`).
 */
function prefixForms(platform: PlatformEntry): string[] {
  const all = [...(platform.aliases ?? []), ...(platform.products ?? [])];
  const guarded = new Set(all.filter((alias) => typeof alias !== 'string').map((alias) => labelKey(aliasText(alias))));
  return [
    platform.name,
    ...all.filter((alias): alias is string => typeof alias === 'string'),
    ...(platform.labels ?? []),
  ].filter((form) => !guarded.has(labelKey(form)));
}

function notPlace(alias: string, index: number): IndexEntry {
  return { table: 'not-place', id: `not-place-${index}`, kind: 'name', alias: { text: alias, case: 'any' } };
}
