/**
 * The shape of the lexicon files in packages/core/lexicons/ (see the tagging README for how to
 * edit them). Everything here is data an editor writes; `validateLexicons` checks it.
 */

/**
 * How one name is matched. A plain string is matched as written (case rules below); an object
 * adds the rules a name that is also a common word or letter needs.
 *
 * Case, unless `case` says otherwise: a name written in capitals (`ICO`, `GDPR`) matches in
 * capitals or with only its first letter capitalised (`Cnil`); a name starting with a capital
 * (`Apple`) matches only where the text capitalises it too; any other name (`eBay`, `iPhone`,
 * topic terms) matches in any case. `exact` matches only the capitalisation written; `any`
 * matches every case.
 */
export interface AliasRule {
  text: string;
  case?: 'exact' | 'any';
  /**
   * The name counts only when confirmed: one of `before` just before it ("on X"), one of `after`
   * just after it ("X Corp", "Ring doorbell"), or one of `anywhere` somewhere in the item
   * ("doorbell"). A platform's name is also confirmed by another mention of the same
   * organisation, its parent or a child; a place's or authority's by other evidence of the same
   * country.
   */
  confirm?: { before?: string[]; after?: string[]; anywhere?: string[] };
  /** The name never counts with one of `before` just before it, `after` just after it, or `sentence` in its sentence. */
  veto?: { before?: string[]; after?: string[]; sentence?: string[] };
}

export type AliasSpec = string | AliasRule;

export function aliasText(alias: AliasSpec): string {
  return typeof alias === 'string' ? alias : alias.text;
}

export const platformKinds = [
  'big-tech',
  'social',
  'ai',
  'adtech',
  'data-broker',
  'telecom',
  'retail',
  'finance',
  'health',
  'mobility',
  'travel',
  'security',
  'surveillance-tech',
  'hr-edtech',
  'media',
  'gaming',
  'software',
  'public-sector',
  'other',
] as const;
export type PlatformKind = (typeof platformKinds)[number];

/** An organisation DPOs filter by: a company, its platform, or a public body regulators act on. */
export interface PlatformEntry {
  /** Lower-case slug, stable: part of the public API (`linkedin`). */
  id: string;
  /** Display name; also matched in text, unless an alias with the same text gives rules. */
  name: string;
  kind: PlatformKind;
  /** The id of the organisation that owns it (`linkedin` → `microsoft`). */
  parent?: string | null;
  /** Other names of the organisation itself (`Meta Platforms`, `Facebook Inc`). */
  aliases?: AliasSpec[];
  /** Products and services that stand for the organisation (`ChatGPT` → `openai`). */
  products?: AliasSpec[];
  /** Extra spellings sources use in their labels only (AIAAIC's `Meta Platforms`); never matched in text. */
  labels?: string[];
  note?: string;
}

export const authorityKinds = [
  'data-protection',
  'consumer',
  'competition',
  'telecoms-media',
  'online-safety',
  'financial',
  'sector',
  'eu-institution',
  'government',
  'police',
  'court',
  'legislature',
] as const;
export type AuthorityKind = (typeof authorityKinds)[number];

/** A regulator or other public authority: naming it is evidence of its jurisdiction. */
export interface AuthorityEntry {
  id: string;
  name: string;
  kind: AuthorityKind;
  /** Usually one code; a name shared by several authorities is listed on each and resolved by context. */
  jurisdictions: string[];
  aliases?: AliasSpec[];
  note?: string;
}

/** A law, bill or legal instrument: naming it is evidence of its jurisdiction(s). */
export interface LawEntry {
  id: string;
  name: string;
  jurisdictions: string[];
  aliases?: AliasSpec[];
  note?: string;
}

/** A country, state or province: one entry per jurisdiction code. */
export interface PlaceEntry {
  /** The jurisdiction code (DESIGN.md): `GB`, `US-CA`, `EU`. */
  code: string;
  name: string;
  /** Other names, including cities and regions that stand for the place (`London` → `GB`). */
  aliases?: AliasSpec[];
  /** Adjectives and peoples (`Canadian`, `Britons`); matched capitalised unless told otherwise. */
  demonyms?: AliasSpec[];
  /** Extra spellings sources use in their labels only (AIAAIC's `S Korea`). */
  labels?: string[];
  note?: string;
}

export interface PlacesFile {
  places: PlaceEntry[];
  /** Names that contain a place but are not evidence of it (`New York Times`, `Latin America`). */
  notPlaces: string[];
  /** Labels that name no jurisdiction on purpose (`Multiple`, `Global`). */
  noJurisdictionLabels: string[];
}

/** A topic of the fixed taxonomy DPOs filter by. */
export interface TopicEntry {
  id: string;
  name: string;
  /** What belongs in the topic, for editors and readers (shown in the README). */
  definition: string;
  terms: AliasSpec[];
  /** Source categories that mean this topic (AIAAIC's `Facial recognition`). */
  labels?: string[];
}

/** The raw contents of the five lexicon files, before validation. */
export interface LexiconFiles {
  platforms: unknown;
  authorities: unknown;
  laws: unknown;
  places: unknown;
  topics: unknown;
}

/** The validated lexicons. */
export interface Lexicons {
  platforms: PlatformEntry[];
  authorities: AuthorityEntry[];
  laws: LawEntry[];
  places: PlacesFile;
  topics: TopicEntry[];
}
