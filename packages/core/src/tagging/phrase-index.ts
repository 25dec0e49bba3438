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
  /** Edges to words that start (`prefix`) or end (`suffix`) with a stem, keyed by the stem's first or last characters. */
  wild: { prefix: Map<string, WildEdge[]>; suffix: Map<string, WildEdge[]> } | null;
  candidates: Candidate[];
}

/** A wildcard word of a name: `violation*` (any word starting with the stem), `*überwachung` (any word ending with it). */
interface WildEdge {
  stem: string;
  /** Whether the name has whitespace before this word (as an exact edge's leading space). */
  spaced: boolean;
  node: TrieNode;
}

/** How many characters of a wildcard stem key its lookup; also the shortest stem allowed. */
export const minWildcardStem = 4;

/** One word (or punctuation token) of a name: matched exactly, or as a wildcard word. */
interface NamePart {
  kind: 'exact' | 'prefix' | 'suffix';
  /** The exact edge key (with its leading space), or the stem of a wildcard. */
  key: string;
  spaced: boolean;
}

/**
 * A name's parts. `*` touching a word makes it a wildcard (`enfant*`, `*überwachung`): the
 * lexicons' way of listing inflected forms and compounds without spelling each one out.
 * Returns a problem instead when a `*` is anywhere else or its stem is too short.
 */
export function nameParts(text: string): NamePart[] | string {
  const tokens = tokenise(foldSameLength(text));
  const parts: NamePart[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.text === '*') continue;
    const previous = tokens[index - 1];
    const next = tokens[index + 1];
    const starBefore = previous?.text === '*' && previous.end === token.start;
    const starAfter = next?.text === '*' && next.start === token.end;
    const lead = starBefore ? index - 1 : index;
    const beforeLead = tokens[lead - 1];
    const spaced = parts.length > 0 && beforeLead !== undefined && (tokens[lead] as Token).start > beforeLead.end;
    if (!starBefore && !starAfter) {
      parts.push({
        kind: 'exact',
        key: parts.length === 0 ? token.text : spaced ? ` ${token.text}` : token.text,
        spaced,
      });
      continue;
    }
    if (starBefore && starAfter) return `"${text}": a word may have "*" at its start or its end, not both`;
    if (!token.word || token.text.length < minWildcardStem) {
      return `"${text}": a "*" must touch a word of at least ${minWildcardStem} letters`;
    }
    parts.push({ kind: starBefore ? 'suffix' : 'prefix', key: token.text, spaced });
  }
  const stars = tokens.filter((token) => token.text === '*').length;
  const wild = parts.filter((part) => part.kind !== 'exact').length;
  if (stars !== wild) return `"${text}": a "*" must touch a word (\`enfant*\`, \`*überwachung\`)`;
  return parts;
}

/** Whether a name has wildcard words: such names match in any case. */
export function hasWildcard(text: string): boolean {
  return text.includes('*');
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

/** Why a place is named only in passing (see place-roles.ts). */
export type PlaceRole = 'dateline' | 'home' | 'destination' | 'venue' | 'address';

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
  /** Set on a place the text names only in passing (a dateline, a company's home…): see place-roles.ts. */
  role?: PlaceRole;
  /** The share of its field's weight the mention carries: less than 1 inside an enumeration (see enumerations.ts). */
  share?: number;
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
  const caseMode: CaseMode = rule.case ?? (hasWildcard(rule.text) ? 'any' : defaultCaseMode(rule.text));
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

const newNode = (): TrieNode => ({ next: new Map(), wild: null, candidates: [] });

function wildKey(kind: 'prefix' | 'suffix', word: string): string {
  return kind === 'prefix' ? word.slice(0, minWildcardStem) : word.slice(-minWildcardStem);
}

function childFor(node: TrieNode, part: NamePart): TrieNode {
  if (part.kind === 'exact') {
    let child = node.next.get(part.key);
    if (!child) {
      child = newNode();
      node.next.set(part.key, child);
    }
    return child;
  }
  node.wild ??= { prefix: new Map(), suffix: new Map() };
  const table = node.wild[part.kind];
  const key = wildKey(part.kind, part.key);
  const edges = table.get(key) ?? [];
  let found = edges.find((wild) => wild.stem === part.key && wild.spaced === part.spaced);
  if (!found) {
    found = { stem: part.key, spaced: part.spaced, node: newNode() };
    edges.push(found);
    table.set(key, edges);
  }
  return found.node;
}

/** Adds to `out` the nodes a token leads to from a node: its exact edge and any wildcard word it fits. */
function step(node: TrieNode, tokens: readonly Token[], index: number, first: boolean, out: TrieNode[]): void {
  const token = tokens[index];
  if (!token) return;
  const exact = node.next.get(first ? token.text : edge(tokens, index));
  if (exact) out.push(exact);
  const wild = node.wild;
  if (!wild || !token.word || token.text.length < minWildcardStem) return;
  const previous = tokens[index - 1];
  const spaced = !first && previous !== undefined && token.start > previous.end;
  const prefixes = wild.prefix.size > 0 ? wild.prefix.get(wildKey('prefix', token.text)) : undefined;
  if (prefixes) {
    for (const wildEdge of prefixes) {
      if (wildEdge.spaced === spaced && token.text.startsWith(wildEdge.stem)) out.push(wildEdge.node);
    }
  }
  const suffixes = wild.suffix.size > 0 ? wild.suffix.get(wildKey('suffix', token.text)) : undefined;
  if (suffixes) {
    for (const wildEdge of suffixes) {
      if (wildEdge.spaced === spaced && token.text.endsWith(wildEdge.stem)) out.push(wildEdge.node);
    }
  }
}

export function buildPhraseIndex(entries: Iterable<IndexEntry>): PhraseIndex {
  const root = newNode();
  for (const entry of entries) {
    const rule = compileRule(entry.alias);
    const parts = nameParts(rule.text);
    // Validation reports malformed wildcards; a name that is one is skipped here.
    if (typeof parts === 'string' || parts.length === 0) continue;
    let node = root;
    for (const part of parts) node = childFor(node, part);
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
    let nodes: TrieNode[] = [];
    if (token?.word) step(index.root, tokens, at, true, nodes);
    if (!token || nodes.length === 0) {
      at += 1;
      continue;
    }
    // Walk the trie as far as the text follows a name, noting every name that ends on the way
    // (with wildcard words, several branches may be followed at once).
    ends.length = 0;
    for (let length = 1; nodes.length > 0; length += 1) {
      const candidates = nodes.length === 1 ? (nodes[0] as TrieNode).candidates : nodes.flatMap((n) => n.candidates);
      if (candidates.length > 0) ends.push({ length, candidates });
      const next: TrieNode[] = [];
      if (at + length < tokens.length) for (const node of nodes) step(node, tokens, at + length, false, next);
      nodes = next;
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
        // One word is one mention: a term listed both as written and as a wildcard ("enfants",
        // "enfant*") must not count twice for one entry.
        const same = found.find((m) => m.candidate.table === candidate.table && m.candidate.id === candidate.id);
        if (same) {
          if (verdict === 'confirmed') same.confirmed = true;
          continue;
        }
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
