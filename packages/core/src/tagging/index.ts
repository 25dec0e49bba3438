import { builtinLexicons } from './builtin-lexicons.ts';
import { createTagger, type Tagger } from './tagger.ts';
import type { ItemTags, Tag, TagInput } from './types.ts';

let compiled: Tagger | undefined;

/**
 * The taggers over the lexicons in packages/core/lexicons/, compiled once, on first use: compiling
 * takes a quarter of a second, which every process importing @regwatch/core (`regwatch --version`)
 * paid at load, tagging or not.
 */
function builtin(): Tagger {
  compiled ??= createTagger(builtinLexicons);
  return compiled;
}

/** Platforms, jurisdictions and topics of an item, each tag with its evidence (see README.md here). */
export function tagItem(input: TagInput): ItemTags {
  return builtin().tagItem(input);
}

export function tagPlatforms(input: TagInput): Tag[] {
  return builtin().tagPlatforms(input);
}

export function tagJurisdictions(input: TagInput): Tag[] {
  return builtin().tagJurisdictions(input);
}

export function tagTopics(input: TagInput): Tag[] {
  return builtin().tagTopics(input);
}

export function platformIdsForLabel(label: string): string[] {
  return builtin().platformIdsForLabel(label);
}

export function jurisdictionCodesForLabel(label: string): string[] {
  return builtin().jurisdictionCodesForLabel(label);
}

export function platformAncestors(id: string): string[] {
  return builtin().platformAncestors(id);
}
