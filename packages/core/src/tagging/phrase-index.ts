import type { AliasSpec } from './lexicon-types.ts';
import { foldSameLength, isWordCharacter, type Token, tokenise, tokenKey } from './tokens.ts';

/**
 * One dictionary of every name of every lexicon, looked up token by token: at each word the
 * longest name wins (`Cambridge Analytica` before `Cambridge`, `UK GDPR` before `GDPR`,
 * `New York Times`, a not-a-place, before `New York`), then the scan moves past it. Built once;
 * a lookup per word and per name length, so an item costs microseconds, not a regex per name.
 */

export type Table = 'platform' | 'authority' | 'law' | 'place' | 'not-place' | 'topic';

/** Authorities, laws and places all say where: a name shared between them is as ambiguous as one shared within one. */
function dimensionOf(table: Table): 'platform' | 'jurisdiction' | 'topic' {
  return table === 'platform' || table === 'topic' ? table : 'jurisdiction';
}
export type NameKind = 'name' | 'product' | 'demonym' | 'term';

type CaseMode = 'any' | 'exact' | 'capitalised' | 'upper-or-title';

export interface CompiledRule {
  /** The name as the editor wrote it. */
  text: string;
  caseMode: CaseMode;
  needsConfirm: boolean;
  confirmBefore: readonly string[];
  confirmAfter: readonly string[];
  confirmAnywhere: RegExp | null;
  vetoBefore: readonly string[];
  vetoAfter: readonly string[];
  vetoSentence: RegExp | null;
}

export interface Candidate {
  table: Table;
  /** Platform, authority, law or topic id; the jurisdiction code for places. */
  id: string;
  kind: NameKind;
  rule: CompiledRule;
}

export interface PhraseIndex {
  byKey: ReadonlyMap<string, readonly Candidate[]>;
  /** For each first word, the most tokens a name starting with it has. */
  longestFrom: ReadonlyMap<string, number>;
}

/** One field of an item, ready to scan. */
export interface ScanField<F extends string = string> {
  field: F;
  original: string;
  folded: string;
}

/** A name found in a field. */
export interface Mention<F extends string = string> {
  candidate: Candidate;
  field: F;
  /** The text as written. */
  phrase: string;
  start: number;
  /** False when the name needs confirming and nothing next to it or in the item did. */
  confirmed: boolean;
  /** How many candidates of the same dimension (platforms; places, authorities and laws; topics) the span had: more than one is a shared name. */
  sharedBy: number;
}

function letters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function defaultCaseMode(text: string): CaseMode {
  const only = text.replace(/[^\p{L}]/gu, '');
  if (only.length >= 2 && only === only.toUpperCase() && only !== only.toLowerCase()) return 'upper-or-title';
  const first = only[0];
  if (first && first !== first.toLowerCase()) return 'capitalised';
  return 'any';
}

/** Folded phrases with single spaces, for comparisons next to a name. */
function foldPhrases(phrases: readonly string[] | undefined): string[] {
  return (phrases ?? []).map((phrase) => foldSameLength(phrase).replace(/\s+/g, ' ').trim());
}

/** One regex matching any of the phrases as whole words, in folded text. */
export function phrasesPattern(phrases: readonly string[] | undefined): RegExp | null {
  const folded = foldPhrases(phrases).filter(Boolean);
  if (folded.length === 0) return null;
  const alternatives = folded
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

export function compileRule(alias: AliasSpec): CompiledRule {
  const rule = typeof alias === 'string' ? { text: alias } : alias;
  const caseMode: CaseMode = rule.case ?? defaultCaseMode(rule.text);
  const confirm = rule.confirm ?? {};
  return {
    text: rule.text,
    caseMode,
    needsConfirm: rule.confirm !== undefined,
    confirmBefore: foldPhrases(confirm.before),
    confirmAfter: foldPhrases(confirm.after),
    confirmAnywhere: phrasesPattern(confirm.anywhere),
    vetoBefore: foldPhrases(rule.veto?.before),
    vetoAfter: foldPhrases(rule.veto?.after),
    vetoSentence: phrasesPattern(rule.veto?.sentence),
  };
}

export interface IndexEntry {
  table: Table;
  id: string;
  kind: NameKind;
  alias: AliasSpec;
}

export function buildPhraseIndex(entries: Iterable<IndexEntry>): PhraseIndex {
  const byKey = new Map<string, Candidate[]>();
  const longestFrom = new Map<string, number>();
  for (const entry of entries) {
    const rule = compileRule(entry.alias);
    const tokens = tokenise(foldSameLength(rule.text));
    const first = tokens[0];
    if (!first) continue;
    const key = tokenKey(tokens, 0, tokens.length - 1);
    const candidates = byKey.get(key) ?? [];
    // The same name listed twice for one entry (a name and an alias) counts once.
    if (candidates.some((c) => c.table === entry.table && c.id === entry.id)) continue;
    candidates.push({ table: entry.table, id: entry.id, kind: entry.kind, rule });
    byKey.set(key, candidates);
    longestFrom.set(first.text, Math.max(longestFrom.get(first.text) ?? 0, tokens.length));
  }
  return { byKey, longestFrom };
}

const isUpper = (character: string | undefined): boolean =>
  character !== undefined && character !== character.toLowerCase();

function words(text: string): string[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]);
}

function caseMatches(mode: CaseMode, written: string, original: string): boolean {
  if (mode === 'any') return true;
  const seen = letters(original);
  if (mode === 'exact') return seen === letters(written);
  // capitalised: every word the editor capitalised is capitalised in the text (`AI Office`, not `AI office`).
  if (mode === 'capitalised') {
    const want = words(written);
    const got = words(original);
    return want.every((word, index) => !isUpper(word[0]) || isUpper(got[index]?.[0]));
  }
  const upperFirst = isUpper(seen[0]);
  // upper-or-title: `ICO` or `Ico`, not `ico`.
  return seen === seen.toUpperCase() || (upperFirst && seen.slice(1) === seen.slice(1).toLowerCase());
}

/** Text just before or after a span, whitespace collapsed. */
function before(folded: string, start: number): string {
  return folded
    .slice(Math.max(0, start - 60), start)
    .replace(/\s+/g, ' ')
    .trimEnd();
}

function after(folded: string, end: number): string {
  return folded
    .slice(end, end + 60)
    .replace(/\s+/g, ' ')
    .trimStart();
}

function endsWithPhrase(text: string, phrases: readonly string[]): boolean {
  return phrases.some(
    (phrase) =>
      text.endsWith(phrase) && (!isWordCharacter(phrase[0]) || !isWordCharacter(text[text.length - phrase.length - 1])),
  );
}

function startsWithPhrase(text: string, phrases: readonly string[]): boolean {
  return phrases.some(
    (phrase) =>
      text.startsWith(phrase) && (!isWordCharacter(phrase[phrase.length - 1]) || !isWordCharacter(text[phrase.length])),
  );
}

/** The sentence around a span: from the last sentence end before it to the next one after it. */
function sentenceAround(folded: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[.!?\n]/.test(folded[from - 1] ?? '')) from -= 1;
  let to = end;
  while (to < folded.length && !/[.!?\n]/.test(folded[to] ?? '')) to += 1;
  return folded.slice(from, to);
}

type Verdict = 'vetoed' | 'confirmed' | 'unconfirmed';

function judge(rule: CompiledRule, field: ScanField, start: number, end: number, itemFolded: string): Verdict {
  if (!caseMatches(rule.caseMode, rule.text, field.original.slice(start, end))) return 'vetoed';
  const preceding = rule.vetoBefore.length || rule.confirmBefore.length ? before(field.folded, start) : '';
  const following = rule.vetoAfter.length || rule.confirmAfter.length ? after(field.folded, end) : '';
  if (endsWithPhrase(preceding, rule.vetoBefore) || startsWithPhrase(following, rule.vetoAfter)) return 'vetoed';
  if (rule.vetoSentence?.test(sentenceAround(field.folded, start, end))) return 'vetoed';
  if (!rule.needsConfirm) return 'confirmed';
  if (endsWithPhrase(preceding, rule.confirmBefore) || startsWithPhrase(following, rule.confirmAfter)) {
    return 'confirmed';
  }
  return rule.confirmAnywhere?.test(itemFolded) ? 'confirmed' : 'unconfirmed';
}

/**
 * Every name in a field, longest first at each word. A span is taken by the first length at
 * which some candidate is not vetoed; all its non-vetoed candidates are reported (a shared name
 * such as `OPC` or `Georgia` gives one mention per entry, resolved later by context).
 */
export function scanField<F extends string>(index: PhraseIndex, field: ScanField<F>, itemFolded: string): Mention<F>[] {
  const tokens: Token[] = tokenise(field.folded);
  const mentions: Mention<F>[] = [];
  for (let at = 0; at < tokens.length; ) {
    const token = tokens[at];
    const longest = token?.word ? index.longestFrom.get(token.text) : undefined;
    if (!token || longest === undefined) {
      at += 1;
      continue;
    }
    const keys: string[] = [];
    let key = token.text;
    keys.push(key);
    for (let next = at + 1; next < tokens.length && next - at < longest; next += 1) {
      const current = tokens[next];
      const previous = tokens[next - 1];
      if (!current || !previous) break;
      key += current.start > previous.end ? ` ${current.text}` : current.text;
      keys.push(key);
    }
    let taken = 0;
    for (let length = keys.length; length >= 1 && taken === 0; length -= 1) {
      const candidates = index.byKey.get(keys[length - 1] ?? '');
      if (!candidates) continue;
      const last = tokens[at + length - 1];
      if (!last) continue;
      const found: Mention<F>[] = [];
      for (const candidate of candidates) {
        const verdict = judge(candidate.rule, field, token.start, last.end, itemFolded);
        if (verdict === 'vetoed') continue;
        found.push({
          candidate,
          field: field.field,
          phrase: field.original.slice(token.start, last.end),
          start: token.start,
          confirmed: verdict === 'confirmed',
          sharedBy: 0,
        });
      }
      for (const mention of found) {
        const dimension = dimensionOf(mention.candidate.table);
        mention.sharedBy = found.filter((other) => dimensionOf(other.candidate.table) === dimension).length;
      }
      if (found.length > 0) {
        mentions.push(...found);
        taken = length;
      }
    }
    at += taken > 0 ? taken : 1;
  }
  return mentions;
}
