import { type CompiledLexicons, compileLexicons } from './compile-lexicons.ts';
import { itemText, type TextField } from './item-text.ts';
import type { Lexicons } from './lexicon-types.ts';
import { entitiesInContext, FieldContext, topicsInContext } from './mention-context.ts';
import { type Mention, scanField } from './phrase-index.ts';
import { markIncidentalPlaces } from './place-roles.ts';
import { idsForLabel, labelKey } from './source-labels.ts';
import { jurisdictionTags } from './tag-jurisdictions.ts';
import { platformTags } from './tag-platforms.ts';
import { topicTags } from './tag-topics.ts';
import type { ItemTags, Tag, TagInput } from './types.ts';

export interface Tagger {
  tagItem(input: TagInput): ItemTags;
  tagPlatforms(input: TagInput): Tag[];
  tagJurisdictions(input: TagInput): Tag[];
  tagTopics(input: TagInput): Tag[];
  /** Platform ids a source label names (`Meta Platforms` → `meta`), as the taggers map them. */
  platformIdsForLabel(label: string): string[];
  /** Jurisdiction codes a source label names (`USA` → `US`); none for `Multiple`, `Global`. */
  jurisdictionCodesForLabel(label: string): string[];
  /** A platform's ancestors, nearest first (`instagram` → `meta`); empty for unknown ids. */
  platformAncestors(id: string): string[];
}

interface ReadItem {
  entities: Mention<TextField>[];
  topics: () => Mention<TextField>[];
}

function readItem(input: TagInput, lexicons: CompiledLexicons): ReadItem {
  const text = itemText(input);
  const contexts = text.fields.map((field) => new FieldContext(field));
  const entities = text.fields.flatMap((field, index) =>
    entitiesInContext(
      markIncidentalPlaces(scanField(lexicons.entities, field, text.folded), field),
      contexts[index] as FieldContext,
    ),
  );
  const topics = () =>
    text.fields.flatMap((field, index) =>
      topicsInContext(scanField(lexicons.topics, field, text.folded), contexts[index] as FieldContext),
    );
  return { entities, topics };
}

/** Taggers over the given lexicons (compiled once, here). The package's own lexicons: `tagItem` and friends. */
export function createTagger(lexicons: Lexicons): Tagger {
  const compiled = compileLexicons(lexicons);
  const platforms = (input: TagInput, read: ReadItem) => platformTags(read.entities, compiled, input.labels);
  const jurisdictions = (input: TagInput, read: ReadItem) =>
    jurisdictionTags(read.entities, compiled, {
      sourceJurisdictions: input.sourceJurisdictions,
      sourceKind: input.sourceKind,
      labels: input.labels,
    });
  const topics = (input: TagInput, read: ReadItem) => topicTags(read.topics(), compiled, input.labels?.categories);
  return {
    tagItem(input) {
      const read = readItem(input, compiled);
      return {
        platforms: platforms(input, read),
        jurisdictions: jurisdictions(input, read),
        topics: topics(input, read),
      };
    },
    tagPlatforms: (input) => platforms(input, readItem(input, compiled)),
    tagJurisdictions: (input) => jurisdictions(input, readItem(input, compiled)),
    tagTopics: (input) => topics(input, readItem(input, compiled)),
    platformIdsForLabel: (label) =>
      idsForLabel(label, compiled.platformLabels, { prefixes: compiled.platformLabelPrefixes }),
    jurisdictionCodesForLabel: (label) =>
      compiled.noJurisdictionLabels.has(labelKey(label)) ? [] : idsForLabel(label, compiled.placeLabels),
    platformAncestors: (id) => [...(compiled.platformAncestors.get(id) ?? [])],
  };
}
