import { awardNameSpans } from './award-names.ts';
import { enumerationSpans, enumerationWeight } from './enumerations.ts';
import { excludedSpans } from './excluded-themes.ts';
import type { TextField } from './item-text.ts';
import type { Mention, ScanField } from './phrase-index.ts';

type Span = readonly [number, number];

const inside = (spans: readonly Span[], at: number): boolean => spans.some(([from, to]) => at >= from && at < to);

/**
 * The parts of one field that weaken or void what is named in them, each found on first use:
 * a field with no topic term or no place needs no search for them.
 */
export class FieldContext {
  private readonly spans: { awardNames?: Span[]; excluded?: Span[]; enumerations?: Span[] } = {};

  private readonly field: ScanField<TextField>;

  constructor(field: ScanField<TextField>) {
    this.field = field;
  }

  /** Names of awards, prizes, programmes and events (award-names.ts). */
  awardNames(): Span[] {
    this.spans.awardNames ??= awardNameSpans(this.field.original, this.field.tokens);
    return this.spans.awardNames;
  }

  /** Themes the text says are left out (excluded-themes.ts). */
  excluded(): Span[] {
    this.spans.excluded ??= excludedSpans(this.field.folded, this.field.tokens);
    return this.spans.excluded;
  }

  /** Lists of four or more short items, outside the title (enumerations.ts). */
  enumerations(): Span[] {
    this.spans.enumerations ??= this.field.field === 'title' ? [] : enumerationSpans(this.field.folded);
    return this.spans.enumerations;
  }
}

/**
 * Places and laws inside an award's or an event's name are not where the item is ("European
 * Digital Mindset Awards"); authorities and platforms there still count (they give the award).
 */
export function entitiesInContext(mentions: Mention<TextField>[], context: FieldContext): Mention<TextField>[] {
  const placeOrLaw = (mention: Mention<TextField>) =>
    mention.candidate.table === 'place' || mention.candidate.table === 'law';
  if (!mentions.some(placeOrLaw) || context.awardNames().length === 0) return mentions;
  return mentions.filter((mention) => !placeOrLaw(mention) || !inside(context.awardNames(), mention.start));
}

/**
 * Topic terms without those inside an award's name or a list of what is left out; a term inside
 * an enumeration weighs `enumerationWeight` of its field.
 */
export function topicsInContext(mentions: Mention<TextField>[], context: FieldContext): Mention<TextField>[] {
  if (mentions.length === 0) return mentions;
  const kept = mentions.filter(
    (mention) => !inside(context.awardNames(), mention.start) && !inside(context.excluded(), mention.start),
  );
  for (const mention of kept) if (inside(context.enumerations(), mention.start)) mention.share = enumerationWeight;
  return kept;
}
