import { RegwatchError } from '../errors.ts';
import { checkJurisdiction } from '../jurisdiction/codes.ts';
import { isSlug } from '../slug.ts';
import {
  type AliasSpec,
  type AuthorityEntry,
  aliasText,
  authorityKinds,
  type LawEntry,
  type LexiconFiles,
  type Lexicons,
  type PlaceEntry,
  type PlacesFile,
  type PlatformEntry,
  platformKinds,
  type TopicEntry,
} from './lexicon-types.ts';
import { nameParts } from './phrase-index.ts';
import { labelKey } from './source-labels.ts';
import { phraseKey } from './tokens.ts';

/**
 * Checks the lexicon files an editor wrote and returns them typed, or throws one
 * `RegwatchError('invalid_config')` listing every problem, each naming the file, the entry and
 * the field (`platforms.json: "linkedin" (entry 57): parent "microsft" is not a platform id`).
 */
export function validateLexicons(files: LexiconFiles): Lexicons {
  const problems: string[] = [];
  const platforms = checkPlatforms(files.platforms, problems);
  const authorities = checkJurisdictionEntries(files.authorities, 'authorities.json', problems, 'kind');
  const laws = checkJurisdictionEntries(files.laws, 'laws.json', problems, null);
  const places = checkPlaces(files.places, problems);
  const topics = checkTopics(files.topics, problems);
  if (problems.length > 0) {
    throw new RegwatchError('invalid_config', `lexicons are invalid:\n- ${problems.join('\n- ')}`, {
      details: { problems },
    });
  }
  return {
    platforms,
    authorities: authorities as AuthorityEntry[],
    laws: laws as LawEntry[],
    places,
    topics,
  };
}

type Problems = string[];
type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `platforms.json: "linkedin" (entry 57)`, or the index alone when the entry has no usable id. */
function entryLabel(file: string, entry: unknown, index: number, idField = 'id'): string {
  const id = isObject(entry) ? entry[idField] : undefined;
  return typeof id === 'string' && id ? `${file}: "${id}" (entry ${index + 1})` : `${file}: entry ${index + 1}`;
}

function checkKeys(entry: Json, allowed: readonly string[], where: string, problems: Problems): void {
  for (const key of Object.keys(entry)) {
    if (!allowed.includes(key)) problems.push(`${where}: unknown field "${key}" (allowed: ${allowed.join(', ')})`);
  }
}

function requireString(entry: Json, field: string, where: string, problems: Problems): string {
  const value = entry[field];
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${where}: field "${field}" must be a non-empty string`);
    return '';
  }
  return value;
}

function optionalStrings(entry: Json, field: string, where: string, problems: Problems): string[] {
  const value = entry[field];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
    problems.push(`${where}: field "${field}" must be a list of non-empty strings`);
    return [];
  }
  return value as string[];
}

const ruleKeys = ['text', 'case', 'confirm', 'veto'] as const;
const confirmKeys = ['before', 'after', 'anywhere'] as const;
const vetoKeys = ['before', 'after', 'sentence'] as const;

function checkPhraseList(value: unknown, where: string, problems: Problems): void {
  if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== 'string' || !item.trim())) {
    problems.push(`${where} must be a non-empty list of non-empty strings`);
  }
}

function checkRuleGroup(value: unknown, allowed: readonly string[], where: string, problems: Problems): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.push(`${where} must be an object with ${allowed.join(', ')}`);
    return;
  }
  checkKeys(value, allowed, where, problems);
  for (const key of Object.keys(value))
    if (allowed.includes(key)) checkPhraseList(value[key], `${where}.${key}`, problems);
}

/** A name as matched: text that tokenises to at least one word, starting with a letter or digit. */
function checkMatchable(text: string, where: string, problems: Problems): void {
  const key = phraseKey(text.replace(/^\*/, ''));
  if (!key || !/^[\p{L}\p{N}]/u.test(key)) {
    problems.push(`${where}: "${text}" must start with a letter or digit`);
    return;
  }
  const parts = nameParts(text);
  if (typeof parts === 'string') problems.push(`${where}: ${parts}`);
}

function checkAliases(entry: Json, field: string, where: string, problems: Problems): AliasSpec[] {
  const value = entry[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${where}: field "${field}" must be a list`);
    return [];
  }
  value.forEach((alias, index) => {
    const at = `${where}: ${field}[${index}]`;
    if (typeof alias === 'string') {
      if (!alias.trim()) problems.push(`${at} must not be empty`);
      else checkMatchable(alias, at, problems);
      return;
    }
    if (!isObject(alias)) {
      problems.push(`${at} must be a string or an object with "text"`);
      return;
    }
    checkKeys(alias, ruleKeys, at, problems);
    const text = requireString(alias, 'text', at, problems);
    if (text) checkMatchable(text, at, problems);
    if (alias.case !== undefined && alias.case !== 'exact' && alias.case !== 'any') {
      problems.push(`${at}: "case" must be "exact" or "any"`);
    }
    if (alias.case === 'exact' && text.includes('*')) problems.push(`${at}: a name with "*" matches in any case`);
    checkRuleGroup(alias.confirm, confirmKeys, `${at}.confirm`, problems);
    checkRuleGroup(alias.veto, vetoKeys, `${at}.veto`, problems);
  });
  return value as AliasSpec[];
}

function checkList(raw: unknown, file: string, problems: Problems): unknown[] {
  if (!Array.isArray(raw)) {
    problems.push(`${file}: must be a JSON array of entries`);
    return [];
  }
  return raw;
}

function checkUniqueIds(ids: Array<[string, string]>, file: string, problems: Problems): void {
  const seen = new Map<string, string>();
  for (const [id, where] of ids) {
    if (!id) continue;
    const first = seen.get(id);
    if (first) problems.push(`${where}: id "${id}" is already used by ${first}`);
    else seen.set(id, where.replace(`${file}: `, ''));
  }
}

function checkPlatforms(raw: unknown, problems: Problems): PlatformEntry[] {
  const file = 'platforms.json';
  const entries = checkList(raw, file, problems);
  const allowed = ['id', 'name', 'kind', 'parent', 'aliases', 'products', 'labels', 'note'];
  const ids: Array<[string, string]> = [];
  const valid: PlatformEntry[] = [];
  entries.forEach((entry, index) => {
    const where = entryLabel(file, entry, index);
    if (!isObject(entry)) {
      problems.push(`${where}: must be an object`);
      return;
    }
    checkKeys(entry, allowed, where, problems);
    const id = requireString(entry, 'id', where, problems);
    if (id && !isSlug(id)) problems.push(`${where}: id "${id}" must be a lower-case slug (a-z, 0-9, -)`);
    requireString(entry, 'name', where, problems);
    if (!platformKinds.includes(entry.kind as never)) {
      problems.push(`${where}: field "kind" must be one of ${platformKinds.join(', ')}`);
    }
    if (entry.parent !== undefined && entry.parent !== null && typeof entry.parent !== 'string') {
      problems.push(`${where}: field "parent" must be a platform id or null`);
    }
    checkAliases(entry, 'aliases', where, problems);
    checkAliases(entry, 'products', where, problems);
    optionalStrings(entry, 'labels', where, problems);
    ids.push([id, where]);
    valid.push(entry as unknown as PlatformEntry);
  });
  checkUniqueIds(ids, file, problems);
  checkParents(valid, entries, file, problems);
  checkPlatformNamesUnique(valid, entries, file, problems);
  return valid;
}

function checkParents(platforms: PlatformEntry[], raw: unknown[], file: string, problems: Problems): void {
  const byId = new Map(platforms.map((platform) => [platform.id, platform]));
  platforms.forEach((platform, index) => {
    const where = entryLabel(file, raw[index], index);
    if (typeof platform.parent !== 'string') return;
    if (!byId.has(platform.parent)) {
      problems.push(`${where}: parent "${platform.parent}" is not a platform id`);
      return;
    }
    // Walk up: a chain longer than the table has entries is a cycle.
    let current: PlatformEntry | undefined = platform;
    for (let steps = 0; current?.parent; steps += 1) {
      if (steps > platforms.length || current.parent === platform.id) {
        problems.push(`${where}: parent chain loops back to "${platform.id}"`);
        return;
      }
      current = byId.get(current.parent);
    }
  });
}

/** A name matched in text or in labels must lead to one platform only. */
function checkPlatformNamesUnique(platforms: PlatformEntry[], raw: unknown[], file: string, problems: Problems): void {
  const textOwner = new Map<string, string>();
  const labelOwner = new Map<string, string>();
  platforms.forEach((platform, index) => {
    const where = entryLabel(file, raw[index], index);
    if (!platform.id || typeof platform.name !== 'string') return;
    const forms = [
      platform.name,
      ...(platform.aliases ?? []).map(aliasText),
      ...(platform.products ?? []).map(aliasText),
    ];
    const seenHere = new Set<string>();
    for (const form of forms) {
      if (typeof form !== 'string') continue;
      const key = phraseKey(form);
      if (!key || seenHere.has(key)) continue;
      seenHere.add(key);
      const owner = textOwner.get(key);
      if (owner && owner !== platform.id) problems.push(`${where}: name "${form}" is already a name of "${owner}"`);
      else textOwner.set(key, platform.id);
    }
    const labels = new Set<string>();
    for (const form of [...forms, ...(platform.labels ?? [])]) {
      if (typeof form === 'string' && labelKey(form)) labels.add(labelKey(form));
    }
    for (const key of labels) {
      const owner = labelOwner.get(key);
      if (owner && owner !== platform.id) problems.push(`${where}: label form "${key}" also maps to "${owner}"`);
      else labelOwner.set(key, platform.id);
    }
  });
}

function checkCodes(entry: Json, field: string, where: string, problems: Problems): void {
  const value = entry[field];
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${where}: field "${field}" must be a non-empty list of jurisdiction codes`);
    return;
  }
  for (const code of value) checkCode(code, `${where}: ${field}`, problems);
}

function checkCode(code: unknown, where: string, problems: Problems): void {
  if (typeof code !== 'string') {
    problems.push(`${where}: ${JSON.stringify(code)} is not a jurisdiction code`);
    return;
  }
  const check = checkJurisdiction(code);
  if (!check.ok) problems.push(`${where}: ${check.message}`);
  else if (check.code !== code) problems.push(`${where}: write "${code}" as "${check.code}"`);
}

function checkJurisdictionEntries(
  raw: unknown,
  file: string,
  problems: Problems,
  kindField: 'kind' | null,
): Array<AuthorityEntry | LawEntry> {
  const entries = checkList(raw, file, problems);
  const allowed = ['id', 'name', 'jurisdictions', 'aliases', 'note', ...(kindField ? [kindField] : [])];
  const ids: Array<[string, string]> = [];
  const valid: Array<AuthorityEntry | LawEntry> = [];
  entries.forEach((entry, index) => {
    const where = entryLabel(file, entry, index);
    if (!isObject(entry)) {
      problems.push(`${where}: must be an object`);
      return;
    }
    checkKeys(entry, allowed, where, problems);
    const id = requireString(entry, 'id', where, problems);
    if (id && !isSlug(id)) problems.push(`${where}: id "${id}" must be a lower-case slug`);
    requireString(entry, 'name', where, problems);
    if (kindField && !authorityKinds.includes(entry.kind as never)) {
      problems.push(`${where}: field "kind" must be one of ${authorityKinds.join(', ')}`);
    }
    checkCodes(entry, 'jurisdictions', where, problems);
    checkAliases(entry, 'aliases', where, problems);
    ids.push([id, where]);
    valid.push(entry as unknown as AuthorityEntry | LawEntry);
  });
  checkUniqueIds(ids, file, problems);
  return valid;
}

function checkPlaces(raw: unknown, problems: Problems): PlacesFile {
  const file = 'places.json';
  if (!isObject(raw)) {
    problems.push(`${file}: must be an object with "places", "notPlaces" and "noJurisdictionLabels"`);
    return { places: [], notPlaces: [], noJurisdictionLabels: [] };
  }
  checkKeys(raw, ['places', 'notPlaces', 'noJurisdictionLabels', 'note'], file, problems);
  const entries = checkList(raw.places, `${file} places`, problems);
  const allowed = ['code', 'name', 'aliases', 'demonyms', 'labels', 'note'];
  const codes: Array<[string, string]> = [];
  const places: PlaceEntry[] = [];
  entries.forEach((entry, index) => {
    const where = entryLabel(file, entry, index, 'code');
    if (!isObject(entry)) {
      problems.push(`${where}: must be an object`);
      return;
    }
    checkKeys(entry, allowed, where, problems);
    const code = requireString(entry, 'code', where, problems);
    if (code) checkCode(code, `${where}: code`, problems);
    requireString(entry, 'name', where, problems);
    checkAliases(entry, 'aliases', where, problems);
    checkAliases(entry, 'demonyms', where, problems);
    optionalStrings(entry, 'labels', where, problems);
    codes.push([code, where]);
    places.push(entry as unknown as PlaceEntry);
  });
  checkUniqueIds(codes, file, problems);
  const notPlaces = optionalStrings(raw, 'notPlaces', file, problems);
  for (const phrase of notPlaces) checkMatchable(phrase, `${file}: notPlaces`, problems);
  const noJurisdictionLabels = optionalStrings(raw, 'noJurisdictionLabels', file, problems);
  return { places, notPlaces, noJurisdictionLabels };
}

function checkTopics(raw: unknown, problems: Problems): TopicEntry[] {
  const file = 'topics.json';
  const entries = checkList(raw, file, problems);
  const allowed = ['id', 'name', 'definition', 'terms', 'labels', 'note'];
  const ids: Array<[string, string]> = [];
  const topics: TopicEntry[] = [];
  entries.forEach((entry, index) => {
    const where = entryLabel(file, entry, index);
    if (!isObject(entry)) {
      problems.push(`${where}: must be an object`);
      return;
    }
    checkKeys(entry, allowed, where, problems);
    const id = requireString(entry, 'id', where, problems);
    if (id && !isSlug(id)) problems.push(`${where}: id "${id}" must be a lower-case slug`);
    requireString(entry, 'name', where, problems);
    requireString(entry, 'definition', where, problems);
    const terms = checkAliases(entry, 'terms', where, problems);
    if (terms.length === 0) problems.push(`${where}: field "terms" must list at least one term`);
    optionalStrings(entry, 'labels', where, problems);
    ids.push([id, where]);
    topics.push(entry as unknown as TopicEntry);
  });
  checkUniqueIds(ids, file, problems);
  return topics;
}
