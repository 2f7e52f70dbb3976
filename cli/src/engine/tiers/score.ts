/** How close a partner is to its next tier, as one number a partner can follow quarter by quarter. */
import type { CriterionResult } from './model.ts';
import { roundHalfAwayFromZero } from './numbers.ts';

/**
 * Mean over the next tier's criteria of min(actual / required, 1) × 100, to one decimal.
 * A criterion with a requirement of 0 or less counts 1 when met and 0 when not; a negative actual
 * (credit notes) counts 0. While any criterion is unmet the score stays at 99.9 at most, so that
 * 100 always means "qualifies": 249,999 against 250,000 must not read as ready.
 * No next tier (the partner is at the top): 100.
 */
export function readinessScore(nextTierCriteria: readonly CriterionResult[] | null): number {
  if (nextTierCriteria === null || nextTierCriteria.length === 0) return 100;
  let total = 0;
  for (const result of nextTierCriteria) total += criterionProgress(result);
  const score = roundHalfAwayFromZero((total / nextTierCriteria.length) * 100, 1);
  const allMet = nextTierCriteria.every((result) => result.met);
  return allMet ? score : Math.min(score, 99.9);
}

function criterionProgress({ required, actual, met }: CriterionResult): number {
  if (required <= 0) return met ? 1 : 0;
  return Math.min(Math.max(actual / required, 0), 1);
}
