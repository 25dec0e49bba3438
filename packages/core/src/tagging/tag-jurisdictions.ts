import { checkJurisdiction } from '../jurisdiction/codes.ts';
import type { SourceKind, SourceLabels } from '../types.ts';
import type { CompiledLexicons } from './compile-lexicons.ts';
import { TagSet } from './evidence.ts';
import { type TextField, tagThreshold } from './item-text.ts';
import type { Mention } from './phrase-index.ts';
import { idsForLabel, labelKey } from './source-labels.ts';
import type { Tag, TagEvidence } from './types.ts';

/** The country of a code (`US-CA` → `US`); blocs and countries are their own. */
export function countryOf(code: string): string {
  const dash = code.indexOf('-');
  return dash > 0 ? code.slice(0, dash) : code;
}

function ruleOf(mention: Mention<TextField>): string {
  const { table, id, kind } = mention.candidate;
  if (table === 'place') return kind === 'demonym' ? 'demonym' : 'place';
  return `${table}:${id}`;
}

export interface JurisdictionContext {
  sourceJurisdictions?: readonly string[] | undefined;
  sourceKind?: SourceKind | undefined;
  labels?: SourceLabels | undefined;
}

/**
 * Jurisdictions an item concerns.
 * - From text: places and demonyms ("Canadian members", "UK users"), authorities (ICO → GB,
 *   CPPA → US-CA) and laws (PIPEDA → CA, BIPA → US-IL), weighed by field like platforms. A name
 *   shared by several entries (`OPC`: Canada or New Zealand; `Georgia`; `PDPA`) or one that needs
 *   confirming (`Victoria`) counts only for a country other evidence in the item supports.
 * - From the source: a regulator's jurisdiction always applies to its notices; any other
 *   source's only when the text names none.
 * - From the source's labels (AIAAIC's Jurisdiction): they win. Text guesses are kept only when
 *   they are within a labelled country (label `USA`, text `California`). `Multiple`, `Global`
 *   and unknown labels name nothing, and the text decides.
 * - A place the text names only in passing (a dateline, a company's home, the destination of a
 *   data transfer, an event's venue: see place-roles.ts) counts only when nothing else places it.
 * - A state or province tagged tags its country too (rule `within:US-CA`).
 */
export function jurisdictionTags(
  mentions: readonly Mention<TextField>[],
  lexicons: CompiledLexicons,
  context: JurisdictionContext,
): Tag[] {
  const labelled = new Map<string, string>();
  for (const label of context.labels?.jurisdictions ?? []) {
    if (lexicons.noJurisdictionLabels.has(labelKey(label))) continue;
    for (const code of idsForLabel(label, lexicons.placeLabels)) if (!labelled.has(code)) labelled.set(code, label);
  }
  const defaults: string[] = [];
  for (const raw of context.sourceJurisdictions ?? []) {
    const check = checkJurisdiction(raw);
    if (check.ok && !defaults.includes(check.code)) defaults.push(check.code);
  }

  const named = mentions.filter((m) => m.candidate.table !== 'platform' && m.candidate.table !== 'not-place');
  // Places named only in passing (a dateline, a company's home, a transfer's destination, an
  // event's venue) count only when nothing else says where the item is.
  const anchored = defaults.length > 0 || labelled.size > 0 || named.some((m) => m.role === undefined && m.confirmed);
  const jurisdictionMentions = anchored ? named.filter((m) => m.role === undefined) : named;
  const codesOf = (mention: Mention<TextField>) =>
    lexicons.codes.get(`${mention.candidate.table}:${mention.candidate.id}`) ?? [];
  // Countries the item names for sure: what shared or unconfirmed names are checked against.
  const supported = new Set([...defaults, ...labelled.keys()].map(countryOf));
  for (const mention of jurisdictionMentions) {
    if (mention.confirmed && mention.sharedBy === 1)
      for (const code of codesOf(mention)) supported.add(countryOf(code));
  }

  const fromText = new TagSet();
  for (const mention of jurisdictionMentions) {
    const sure = mention.confirmed && mention.sharedBy === 1;
    for (const code of codesOf(mention)) {
      if (!sure && !supported.has(countryOf(code))) continue;
      fromText.add(code, { rule: ruleOf(mention), phrase: mention.phrase, field: mention.field });
    }
  }
  const textCodes = fromText.ids().filter((code) => fromText.weight(code) >= tagThreshold);

  const tags = new TagSet();
  for (const [code, label] of labelled) tags.add(code, { rule: 'source-label', phrase: label, field: 'labels' });
  const labelCountries = new Set([...labelled.keys()].map(countryOf));
  for (const code of textCodes) {
    if (labelled.size > 0 && !labelCountries.has(countryOf(code))) continue;
    for (const evidence of fromText.evidenceOf(code)) tags.add(code, evidence);
  }
  const sourceAlwaysApplies = context.sourceKind === undefined || context.sourceKind === 'regulator';
  if (sourceAlwaysApplies || tags.ids().length === 0) {
    for (const code of defaults) tags.add(code, { rule: 'source-default', phrase: code, field: 'source' });
  }

  for (const code of tags.ids()) {
    const country = countryOf(code);
    const first: TagEvidence | undefined = tags.evidenceOf(code)[0];
    if (country !== code && first)
      tags.add(country, { rule: `within:${code}`, phrase: first.phrase, field: first.field });
  }
  return tags.toTags();
}
