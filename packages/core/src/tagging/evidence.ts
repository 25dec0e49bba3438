import { fieldWeights, type TextField } from './item-text.ts';
import type { EvidenceField, Tag, TagEvidence } from './types.ts';

/** Evidence kept per tag: enough for an editor to see why, small enough to store with every item. */
export const maxEvidencePerTag = 5;

const fieldOrder: Readonly<Record<EvidenceField, number>> = { labels: 0, source: 1, title: 2, lead: 3, body: 4 };

/** Collects evidence and text weight per id, then turns them into sorted tags. */
export class TagSet {
  private readonly evidence = new Map<string, TagEvidence[]>();
  private readonly weights = new Map<string, number>();

  /** `share`: the part of its field's weight the mention carries (a topic inside an enumeration: half). */
  add(id: string, evidence: TagEvidence, share = 1): void {
    const list = this.evidence.get(id) ?? [];
    if (!list.some((e) => e.rule === evidence.rule && e.phrase === evidence.phrase && e.field === evidence.field)) {
      list.push(evidence);
    }
    this.evidence.set(id, list);
    if (evidence.field in fieldWeights) {
      this.weights.set(id, (this.weights.get(id) ?? 0) + share * fieldWeights[evidence.field as TextField]);
    }
  }

  has(id: string): boolean {
    return this.evidence.has(id);
  }

  ids(): string[] {
    return [...this.evidence.keys()];
  }

  weight(id: string): number {
    return this.weights.get(id) ?? 0;
  }

  evidenceOf(id: string): readonly TagEvidence[] {
    return this.evidence.get(id) ?? [];
  }

  delete(id: string): void {
    this.evidence.delete(id);
    this.weights.delete(id);
  }

  /** Tags sorted by id; each tag's evidence in field order (labels, source, title, lead, body), capped. */
  toTags(): Tag[] {
    return [...this.evidence.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, evidence]) => ({
        id,
        evidence: evidence
          .map((item, index) => ({ item, index }))
          .sort((a, b) => fieldOrder[a.item.field] - fieldOrder[b.item.field] || a.index - b.index)
          .slice(0, maxEvidencePerTag)
          .map(({ item }) => item),
      }));
  }
}
