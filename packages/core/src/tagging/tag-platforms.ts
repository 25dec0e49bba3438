import type { SourceLabels } from '../types.ts';
import type { CompiledLexicons } from './compile-lexicons.ts';
import { TagSet } from './evidence.ts';
import { type TextField, tagThreshold } from './item-text.ts';
import type { Mention } from './phrase-index.ts';
import { idsForLabel } from './source-labels.ts';
import type { Tag } from './types.ts';

/**
 * Platforms an item is about.
 * - From text: a name, alias or product of the platform, weighed by field (title and lead
 *   enough, one passing mention in the body not). A name that needs confirming (`Ring`,
 *   `Clearview`) counts when its own context confirms it or when the same organisation, its
 *   parent or a child is named for sure ("Amazon-owned Ring").
 * - From the source's labels (deployer, developer): they win. When any maps to a platform, the
 *   item's platforms are those, plus text guesses of the same family (the register says `Meta`,
 *   the headline says `Instagram`): other guesses are dropped.
 * - Parents: a platform's ancestors are tagged too (`instagram` → `meta`, rule
 *   `parent-of:instagram`), so a DPO filtering `meta` sees Instagram stories.
 */
export function platformTags(
  mentions: readonly Mention<TextField>[],
  lexicons: CompiledLexicons,
  labels: SourceLabels | undefined,
): Tag[] {
  const ancestors = (id: string): readonly string[] => lexicons.platformAncestors.get(id) ?? [];
  const related = (a: string, b: string): boolean => a === b || ancestors(a).includes(b) || ancestors(b).includes(a);

  const platformMentions = mentions.filter((mention) => mention.candidate.table === 'platform');
  const sure = new Set(platformMentions.filter((m) => m.confirmed).map((m) => m.candidate.id));
  const fromText = new TagSet();
  for (const mention of platformMentions) {
    const id = mention.candidate.id;
    if (!mention.confirmed && ![...sure].some((other) => related(id, other))) continue;
    fromText.add(id, {
      rule: mention.candidate.kind === 'product' ? 'product' : 'name',
      phrase: mention.phrase,
      field: mention.field,
    });
  }

  const tags = new TagSet();
  const labelled = new Set<string>();
  for (const label of [...(labels?.deployers ?? []), ...(labels?.developers ?? [])]) {
    for (const id of idsForLabel(label, lexicons.platformLabels, { prefixes: lexicons.platformLabelPrefixes })) {
      labelled.add(id);
      tags.add(id, { rule: 'source-label', phrase: label, field: 'labels' });
    }
  }
  for (const id of fromText.ids()) {
    if (fromText.weight(id) < tagThreshold) continue;
    if (labelled.size > 0 && ![...labelled].some((other) => related(id, other))) continue;
    for (const evidence of fromText.evidenceOf(id)) tags.add(id, evidence);
  }

  for (const id of tags.ids()) {
    const first = tags.evidenceOf(id)[0];
    if (!first) continue;
    for (const ancestor of ancestors(id)) {
      tags.add(ancestor, { rule: `parent-of:${id}`, phrase: first.phrase, field: first.field });
    }
  }
  return tags.toTags();
}
