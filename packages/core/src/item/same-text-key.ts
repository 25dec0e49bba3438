import { sha256Hex } from '../hash.ts';

/** Fewer words than this (title and text together) could be two different articles that happen to read alike. */
const minWords = 20;

/**
 * The key of an item's text, whatever URL or source it came from: its title and body folded (case,
 * accents, punctuation and spacing ignored) and hashed. Two items with the same key are the same
 * article reached twice. Null when the text is too short to tell one article from another
 * (a bare headline, "Weekly roundup"), so such items are never folded on this evidence alone.
 */
export function sameTextKey(text: { title: string; summary: string; content: string }): string | null {
  const body = text.content.length >= text.summary.length ? text.content : text.summary;
  const words = `${text.title}\n${body}`
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length < minWords) return null;
  return sha256Hex('same-text-v1', words.join(' ')).slice(0, 32);
}
