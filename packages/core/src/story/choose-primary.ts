import type { SourceKind } from '../types.ts';
import { compareIds } from './compare-ids.ts';

export interface PrimaryCandidate {
  id: string;
  sourceKind: SourceKind;
  /** ISO 8601 string, Date or epoch milliseconds. */
  publishedAt: string | Date | number;
}

function epochMs(value: string | Date | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY;
}

/**
 * A story's primary item (DESIGN.md "Public surface"): the regulator's own notice when there is
 * one (the earliest regulator item), else the earliest item. Ties on time go to the smaller id,
 * so the choice does not depend on the order items arrive in. Null for no items.
 */
export function choosePrimary<T extends PrimaryCandidate>(items: readonly T[]): T | null {
  let best: T | null = null;
  for (const item of items) {
    if (best === null || ranksBefore(item, best)) best = item;
  }
  return best;
}

function ranksBefore(a: PrimaryCandidate, b: PrimaryCandidate): boolean {
  const aRegulator = a.sourceKind === 'regulator';
  const bRegulator = b.sourceKind === 'regulator';
  if (aRegulator !== bRegulator) return aRegulator;
  const aTime = epochMs(a.publishedAt);
  const bTime = epochMs(b.publishedAt);
  if (aTime !== bTime) return aTime < bTime;
  return compareIds(a.id, b.id) < 0;
}
