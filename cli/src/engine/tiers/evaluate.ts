/** Measures one partner against every tier: which it qualifies for, and what the next one needs. */
import type { IsoDate, PartnerMetric, TiersConfig } from '../types.ts';
import { aggregateMetric } from './aggregate.ts';
import { createTierContext, type PlannedTier, type TierContext } from './context.ts';
import type { CriterionResult, TierCheck, TierEvaluation } from './model.ts';
import { roundFigure } from './numbers.ts';
import { readinessScore } from './score.ts';
import { isInWindow } from './window.ts';

/**
 * Evaluates one partner as of `asOf`.
 *
 * - Window: the `trailingQuarters` complete calendar quarters before the quarter containing `asOf`
 *   (asOf 2026-11-25, 4 quarters: 2025-10-01..2026-09-30). A row counts when its `periodStart`
 *   falls in the window; rows of other partners in `metrics` are ignored.
 * - Each criterion compares an aggregate of the rows (see `aggregateMetric`) with its `min`:
 *   met when actual ≥ required.
 * - The qualified tier is the highest-rank tier whose criteria all hold; the entry tier, having
 *   none, always qualifies. (Should no tier qualify, which only a configuration that
 *   `validateTiersConfig` rejects allows, the lowest-rank tier is taken.)
 * - The next tier is the one just above the qualified tier; `score` is the readiness for it.
 */
export function evaluateTier(
  partnerAccountId: string,
  metrics: readonly PartnerMetric[],
  config: TiersConfig,
  asOf: IsoDate,
): TierEvaluation {
  const context = createTierContext(config, asOf);
  return assessPartner(context, partnerAccountId, partnerRowsInWindow(context, partnerAccountId, metrics))
    .evaluation;
}

export function partnerRowsInWindow(
  context: TierContext,
  partnerAccountId: string,
  metrics: readonly PartnerMetric[],
): PartnerMetric[] {
  return metrics.filter(
    (row) => row.partnerAccountId === partnerAccountId && isInWindow(row.periodStart, context.window),
  );
}

export interface Assessment {
  evaluation: TierEvaluation;
  /** Position of the qualified tier on the ladder (0 = lowest rank). */
  qualifiedPosition: number;
}

/** The evaluation proper, on rows already narrowed to this partner and the window. */
export function assessPartner(
  context: TierContext,
  partnerAccountId: string,
  rowsInWindow: readonly PartnerMetric[],
): Assessment {
  const actuals = context.aggregateKeys.map(({ metric, aggregate }) =>
    aggregateMetric(rowsInWindow, metric, aggregate),
  );
  const checks = context.tiers.map((tier) => checkTier(tier, actuals));
  const qualifiedPosition = Math.max(
    0,
    checks.findLastIndex((check) => check.qualified),
  );
  const qualified = checks[qualifiedPosition];
  if (!qualified) throw new RangeError('The tiers configuration has no tiers.');
  const next = checks[qualifiedPosition + 1] ?? null;
  return {
    qualifiedPosition,
    evaluation: {
      partnerAccountId,
      asOf: context.asOf,
      windowStart: context.window.start,
      windowEnd: context.window.end,
      periodsUsed: rowsInWindow.length,
      qualifiedTier: qualified.tier,
      checks,
      nextTier: next && { tier: next.tier, needs: next.criteria.filter((result) => !result.met) },
      score: readinessScore(next && next.criteria),
    },
  };
}

function checkTier({ definition, criteria }: PlannedTier, actuals: readonly number[]): TierCheck {
  const results = criteria.map(({ criterion, keyIndex }): CriterionResult => {
    const actual = actuals[keyIndex] ?? 0;
    const required = criterion.min;
    return {
      metric: criterion.metric,
      aggregate: criterion.aggregate,
      required,
      actual,
      met: actual >= required,
      gap: roundFigure(Math.max(0, required - actual)),
    };
  });
  return {
    tier: definition.name,
    rank: definition.rank,
    qualified: results.every((result) => result.met),
    criteria: results,
  };
}
