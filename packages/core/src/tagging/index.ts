import { builtinLexicons } from './builtin-lexicons.ts';
import { createTagger } from './tagger.ts';
import type { ItemTags, Tag, TagInput } from './types.ts';

const builtin = createTagger(builtinLexicons);

/** Platforms, jurisdictions and topics of an item, each tag with its evidence (packages/core/src/tagging/README.md). */
export function tagItem(input: TagInput): ItemTags {
  return builtin.tagItem(input);
}

export function tagPlatforms(input: TagInput): Tag[] {
  return builtin.tagPlatforms(input);
}

export function tagJurisdictions(input: TagInput): Tag[] {
  return builtin.tagJurisdictions(input);
}

export function tagTopics(input: TagInput): Tag[] {
  return builtin.tagTopics(input);
}
