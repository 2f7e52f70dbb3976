/**
 * The sentences stored in `Tier_Change__c.Reason__c`. A channel manager reads them to answer
 * "why did this partner move?", so each names the tier, the figures and the dates involved.
 */
import type { IsoDate, MetricAggregate, MetricName } from '../types.ts';
import type { CriterionResult } from './model.ts';
import { formatFigure } from './numbers.ts';

const METRIC_LABELS: Record<MetricName, string> = {
  sourcedRevenue: 'sourced revenue',
  influencedRevenue: 'influenced revenue',
  dealsWon: 'deals won',
  dealsRegistered: 'deals registered',
  certifications: 'certifications',
  satisfactionScore: 'satisfaction score',
};

// Sums and latest values read naturally without a qualifier ("deals won 14", "certifications 5");
// an average or a best period would be misread as a total without one.
const AGGREGATE_PREFIXES: Record<MetricAggregate, string> = {
  sum: '',
  latest: '',
  average: 'average ',
  max: 'best-period ',
};

/** `sourced revenue`, `average satisfaction score`: how a criterion's measure reads in a sentence. */
export function criterionLabel({ metric, aggregate }: Pick<CriterionResult, 'metric' | 'aggregate'>): string {
  return `${AGGREGATE_PREFIXES[aggregate]}${METRIC_LABELS[metric]}`;
}

/** `sourced revenue 1,250,000 ≥ 1,000,000` or `certifications 3 < 4`. */
export function describeCriterion(criterion: CriterionResult): string {
  const { actual, required, met } = criterion;
  return `${criterionLabel(criterion)} ${formatFigure(actual)} ${met ? '≥' : '<'} ${formatFigure(required)}`;
}

function describeCriteria(results: readonly CriterionResult[]): string {
  return results.length === 0
    ? 'the entry tier, which has no criteria'
    : results.map(describeCriterion).join('; ');
}

export function initialReason(
  toTier: string,
  met: readonly CriterionResult[],
  previousTier: string | null,
): string {
  const opening =
    previousTier === null
      ? `Tiered ${toTier} for the first time`
      : `Tier ${previousTier} is no longer configured; tiered ${toTier}`;
  return `${opening}: ${describeCriteria(met)}.`;
}

export function upgradeReason(toTier: string, met: readonly CriterionResult[]): string {
  return `Upgraded to ${toTier}: ${describeCriteria(met)}.`;
}

export function graceClearedReason(tier: string, met: readonly CriterionResult[]): string {
  return `${tier} criteria met again, grace period cleared: ${describeCriteria(met)}.`;
}

export function graceStartedReason(
  tier: string,
  unmet: readonly CriterionResult[],
  graceEndsOn: IsoDate,
  dropTo: string,
): string {
  return (
    `${tier} criteria no longer met: ${describeCriteria(unmet)}. ` +
    `Grace period until ${graceEndsOn}; if still unmet then, a downgrade to ${dropTo} will be proposed.`
  );
}

/** A Grace status without a readable start date cannot be timed; the grace period starts again. */
export function graceRestartedReason(
  tier: string,
  unmet: readonly CriterionResult[],
  graceEndsOn: IsoDate,
  dropTo: string,
): string {
  return `Grace start date was missing; grace restarted. ${graceStartedReason(tier, unmet, graceEndsOn, dropTo)}`;
}

export function downgradeProposedReason(options: {
  tier: string;
  unmet: readonly CriterionResult[];
  graceEndedOn: IsoDate;
  proposedTier: string;
  qualifiedTier: string;
  maxStepsDown: number;
}): string {
  const { tier, unmet, graceEndedOn, proposedTier, qualifiedTier, maxStepsDown } = options;
  const limit =
    proposedTier === qualifiedTier
      ? ''
      : ` (qualifies for ${qualifiedTier}; at most ${maxStepsDown} ${maxStepsDown === 1 ? 'step' : 'steps'} down at a time)`;
  return (
    `Grace period for ${tier} ended on ${graceEndedOn} with criteria still unmet: ${describeCriteria(unmet)}. ` +
    `Downgrade to ${proposedTier} proposed${limit}; a person confirms it.`
  );
}

export function downgradeConfirmedReason(
  fromTier: string,
  toTier: string,
  proposedOn: IsoDate | null,
): string {
  const since = proposedOn === null ? '' : ` after the grace period that began on ${proposedOn}`;
  return `Downgrade from ${fromTier} to ${toTier} confirmed${since}.`;
}
