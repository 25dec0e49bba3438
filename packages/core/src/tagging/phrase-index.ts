import type { AliasSpec } from './lexicon-types.ts';
import { foldSameLength, isWordCharacter, type Token, tokenise } from './tokens.ts';

/**
 * One dictionary of every name of every lexicon, as a trie of tokens walked from each word: the
 * longest name wins (`Cambridge Analytica` before `Cambridge`, `UK GDPR` before `GDPR`,
 * `New York Times`, a not-a-place, before `New York`), then the scan moves past it. Built once;
 * a map lookup per word (and per further token only while a name continues), so an item costs
 * microseconds, not a regex per name.
 */

export type Table = 'platform' | 'authority' | 'law' | 'place' | 'not-place' | 'topic';

export type NameKind = 'name' | 'product' | 'demonym' | 'term';

type CaseMode = 'any' | 'exact' | 'capitalised' | 'upper-or-title';

/** Authorities, laws and places all say where: a name shared between them is as ambiguous as one shared within one. */
function dimensionOf(table: Table): 'platform' | 'jurisdiction' | 'topic' {
  return table === 'platform' || table === 'topic' ? table : 'jurisdiction';
}

export interface CompiledRule {
  /** The name as the editor wrote it. */
  text: string;
  caseMode: CaseMode;
  /** Its letters (for `exact`) and words (for `capitalised`), computed once. */
  letters: string;
  words: readonly string[];
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

/**
 * A trie node. Edges are folded tokens, prefixed with a space where the name has whitespace
 * before the token (`new` → ` york`; `character` → `.` → `ai`).
 */
interface TrieNode {
  next: Map<string, TrieNode>;
  candidates: Candidate[];
}

export interface PhraseIndex {
  root: TrieNode;
}

/** One field of an item, ready to scan (tokens computed once, shared by every index). */
export interface ScanField<F extends string = string> {
  field: F;
  original: string;
  folded: string;
  tokens: readonly Token[];
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
function phrasesPattern(phrases: readonly string[] | undefined): RegExp | null {
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
    letters: letters(rule.text),
    words: words(rule.text),
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

/** The trie edge to a token: its text, after a space when whitespace separates it from the previous token. */
function edge(tokens: readonly Token[], index: number): string {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (!token) return '';
  return previous && token.start > previous.end ? ` ${token.text}` : token.text;
}

const newNode = (): TrieNode => ({ next: new Map(), candidates: [] });

export function buildPhraseIndex(entries: Iterable<IndexEntry>): PhraseIndex {
  const root = newNode();
  for (const entry of entries) {
    const rule = compileRule(entry.alias);
    const tokens = tokenise(foldSameLength(rule.text));
    if (tokens.length === 0) continue;
    let node = root;
    for (let index = 0; index < tokens.length; index += 1) {
      const key = index === 0 ? (tokens[0]?.text ?? '') : edge(tokens, index);
      let child = node.next.get(key);
      if (!child) {
        child = newNode();
        node.next.set(key, child);
      }
      node = child;
    }
    // The same name listed twice for one entry (a name and an alias) counts once.
    if (node.candidates.some((c) => c.table === entry.table && c.id === entry.id)) continue;
    node.candidates.push({ table: entry.table, id: entry.id, kind: entry.kind, rule });
  }
  return { root };
}

const isUpper = (character: string | undefined): boolean =>
  character !== undefined && character !== character.toLowerCase();

function words(text: string): string[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]);
}

function caseMatches(rule: CompiledRule, original: string): boolean {
  const mode = rule.caseMode;
  if (mode === 'any') return true;
  // capitalised: every word the editor capitalised is capitalised in the text (`AI Office`, not `AI office`).
  if (mode === 'capitalised') {
    const got = words(original);
    return rule.words.every((word, index) => !isUpper(word[0]) || isUpper(got[index]?.[0]));
  }
  const seen = letters(original);
  if (mode === 'exact') return seen === rule.letters;
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
  if (!caseMatches(rule, field.original.slice(start, end))) return 'vetoed';
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
  const { tokens } = field;
  const mentions: Mention<F>[] = [];
  const ends: Array<{ length: number; candidates: Candidate[] }> = [];
  for (let at = 0; at < tokens.length; ) {
    const token = tokens[at];
    let node = token?.word ? index.root.next.get(token.text) : undefined;
    if (!token || !node) {
      at += 1;
      continue;
    }
    // Walk the trie as far as the text follows a name, noting every name that ends on the way.
    ends.length = 0;
    for (let length = 1; node; length += 1) {
      if (node.candidates.length > 0) ends.push({ length, candidates: node.candidates });
      node = at + length < tokens.length ? node.next.get(edge(tokens, at + length)) : undefined;
    }
    let taken = 0;
    for (let end = ends.length - 1; end >= 0 && taken === 0; end -= 1) {
      const { length, candidates } = ends[end] ?? { length: 0, candidates: [] };
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
