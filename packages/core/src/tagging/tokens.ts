/**
 * Text to tokens for phrase matching. Folding keeps one character per character, so an offset
 * in the folded text is the same offset in the original, where capitalisation is checked.
 */

const specialFolds: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02BC': "'",
  '\u2032': "'",
  '`': "'",
  '\u00B4': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u201C': '"',
  '\u201D': '"',
  '\u00A0': ' ',
};

const foldCache = new Map<string, string>();

function foldCharacter(character: string): string {
  const cached = foldCache.get(character);
  if (cached !== undefined) return cached;
  const special = specialFolds[character];
  let folded =
    special ??
    character
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
  // Ligatures and the like decompose to several characters: keep them whole, lower-cased.
  if (folded.length !== 1) folded = character.toLowerCase().length === 1 ? character.toLowerCase() : character;
  foldCache.set(character, folded);
  return folded;
}

/** Lower case, accents removed, typographic quotes and dashes made ASCII; same length as the input. */
export function foldSameLength(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 128) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[index];
    else if (code >= 0xd800 && code <= 0xdfff) out += text[index];
    else out += foldCharacter(text[index] ?? '');
  }
  return out;
}

export interface Token {
  start: number;
  end: number;
  /** Folded text of the token. */
  text: string;
  /** A run of letters and digits (as opposed to one punctuation character). */
  word: boolean;
}

const tokenPattern = /([\p{L}\p{N}]+)|[^\s\p{L}\p{N}]/gu;

/** Words (runs of letters and digits) and single punctuation characters, with offsets. */
export function tokenise(folded: string): Token[] {
  const tokens: Token[] = [];
  for (const match of folded.matchAll(tokenPattern)) {
    const text = match[0];
    const start = match.index;
    tokens.push({ start, end: start + text.length, text, word: match[1] !== undefined });
  }
  return tokens;
}

/**
 * The lookup key of tokens `from`..`to` (inclusive): their folded text, with one space where the
 * text had any whitespace and none where the tokens touch (`character.ai`, `meta's`, `at&t`).
 */
export function tokenKey(tokens: readonly Token[], from: number, to: number): string {
  let key = tokens[from]?.text ?? '';
  for (let index = from + 1; index <= to; index += 1) {
    const token = tokens[index];
    const previous = tokens[index - 1];
    if (!token || !previous) break;
    key += token.start > previous.end ? ` ${token.text}` : token.text;
  }
  return key;
}

/** The lookup key of a whole phrase (an alias as an editor wrote it). */
export function phraseKey(phrase: string): string {
  const tokens = tokenise(foldSameLength(phrase));
  return tokens.length === 0 ? '' : tokenKey(tokens, 0, tokens.length - 1);
}

/** Letters and digits: what a word boundary separates. */
export function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}]/u.test(character);
}
