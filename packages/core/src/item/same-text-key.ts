import { sha256Hex } from '../hash.ts';

/** Fewer words than this (title and text together) could be two different articles that happen to read alike. */
const minWords = 20;

/** What the same-text rules read of an item. */
export interface TextOfItem {
  sourceId: string;
  title: string;
  summary: string;
  content: string;
}

/** The words of a text, folded: case, accents, punctuation and spacing ignored. */
function foldedWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The key of an item's text, whatever URL or source it came from: its title and body folded (case,
 * accents, punctuation and spacing ignored) and hashed. Two items with the same key are the same
 * article reached twice. Null when the text is too short to tell one article from another
 * (a bare headline, "Weekly roundup"), so such items are never folded on this evidence alone.
 */
export function sameTextKey(text: { title: string; summary: string; content: string }): string | null {
  const body = text.content.length >= text.summary.length ? text.content : text.summary;
  const words = foldedWords(`${text.title}\n${body}`);
  if (words.length < minWords) return null;
  return sha256Hex('same-text-v1', words.join(' ')).slice(0, 32);
}

/**
 * Whether an item found under the same `sameTextKey` is really the same article. Across sources
 * the key is enough (another outlet's copy may carry only the summary, or only the body). One
 * source's two entries with different guids and links are two publications unless every text
 * they carry is the same (title, summary and body): the key reads only the longer of summary and
 * body, which may be a page's boilerplate shared by all its entries.
 */
export function isSameText(item: TextOfItem, stored: TextOfItem): boolean {
  if (item.sourceId !== stored.sourceId) return true;
  const same = (a: string, b: string) => foldedWords(a).join(' ') === foldedWords(b).join(' ');
  return same(item.title, stored.title) && same(item.summary, stored.summary) && same(item.content, stored.content);
}
