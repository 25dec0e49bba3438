import type { CompiledLexicons } from './compile-lexicons.ts';
import { TagSet } from './evidence.ts';
import { type TextField, tagThreshold } from './item-text.ts';
import type { Mention } from './phrase-index.ts';
import { idsForLabel } from './source-labels.ts';
import type { Tag } from './types.ts';

/**
 * Topics of the fixed taxonomy (topics.json): a topic's terms weighed by field like platforms;
 * the source's categories that map to a topic add it (they do not replace the text's topics:
 * a register's categories are not exhaustive).
 */
export function topicTags(
  mentions: readonly Mention<TextField>[],
  lexicons: CompiledLexicons,
  categories: readonly string[] | undefined,
): Tag[] {
  const fromText = new TagSet();
  for (const mention of mentions) {
    if (mention.confirmed)
      fromText.add(mention.candidate.id, { rule: 'term', phrase: mention.phrase, field: mention.field }, mention.share);
  }
  const tags = new TagSet();
  for (const category of categories ?? []) {
    for (const id of idsForLabel(category, lexicons.topicLabels)) {
      tags.add(id, { rule: 'source-label', phrase: category, field: 'labels' });
    }
  }
  for (const id of fromText.ids()) {
    if (fromText.weight(id) < tagThreshold) continue;
    for (const evidence of fromText.evidenceOf(id)) tags.add(id, evidence);
  }
  return tags.toTags();
}
