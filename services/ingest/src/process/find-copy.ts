import { isCopyOf, isSameText, type NormalisedItem, nearDuplicateScore } from '@regwatch/core';
import { type DbOrTx, nearDuplicateCandidates, sameTextCandidates } from '@regwatch/db';
import { type ClusterPlan, candidateWindow } from './plan.ts';

/**
 * Step 4, dedup beyond the entry's own key: the stored item this one is a copy of, if any. First
 * the same text (`sameTextKey`, then `isSameText`, whenever published), then a near-duplicate
 * (MinHash bands, `isCopyOf`: within the item's own source only the same headline word for word).
 * Call with the plan's keys locked, so two copies arriving together see each other.
 */
export async function findCopy(
  tx: DbOrTx,
  plan: ClusterPlan,
  item: NormalisedItem,
): Promise<{ id: string; by: 'same-text' | 'near-duplicate' } | null> {
  if (plan.textKey !== null) {
    const sameText = (await sameTextCandidates(tx, plan.textKey)).find((row) => isSameText(item, row));
    if (sameText) return { id: sameText.id, by: 'same-text' };
  }
  const candidates = await nearDuplicateCandidates(tx, plan.signature.bandKeys, candidateWindow(item.publishedAt));
  let best: { id: string; score: number } | null = null;
  for (const row of candidates) {
    const copy = { sourceId: item.sourceId, signature: plan.signature };
    if (!isCopyOf(copy, { sourceId: row.sourceId, signature: row.signature })) continue;
    const score = nearDuplicateScore(plan.signature, row.signature);
    // The closest copy wins; ties go to the oldest item, so every worker picks the same one.
    if (!best || score > best.score || (score === best.score && BigInt(row.id) < BigInt(best.id))) {
      best = { id: row.id, score };
    }
  }
  return best ? { id: best.id, by: 'near-duplicate' } : null;
}
