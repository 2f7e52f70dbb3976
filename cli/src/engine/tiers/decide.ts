/** Turns a partner's evaluation and current tier state into the next state and, if any, a change. */
import { addDays, isValidIsoDate } from '../dates.ts';
import type { IsoDate, PartnerMetric, TiersConfig } from '../types.ts';
import { createTierContext, type TierContext } from './context.ts';
import { assessPartner, partnerRowsInWindow, type Assessment } from './evaluate.ts';
import type { CriterionResult, PartnerTierState, TierChange, TierChangeKind, TierDecision } from './model.ts';
import {
  downgradeProposedReason,
  graceClearedReason,
  graceRestartedReason,
  graceStartedReason,
  initialReason,
  upgradeReason,
} from './reasons.ts';

/**
 * Decides one partner's tier as of `asOf`. Upgrades are immediate; downgrades are slow and never
 * automatic, because losing a tier costs a partner discounts and protection days:
 *
 * - Never tiered (`tier` null) or a tier no longer in the configuration: 'initial' to the
 *   qualified tier, status OK, tierSince = asOf.
 * - Qualifies above the current tier: 'upgrade' at once, as many steps as earned; status OK,
 *   grace cleared, tierSince = asOf.
 * - Qualifies for the current tier: from Grace or Proposed Downgrade, 'grace-cleared' (status OK,
 *   graceStartedOn null, tierSince kept); from OK, no change.
 * - Qualifies below the current tier:
 *   - status OK: 'grace-started'. Status Grace, graceStartedOn = asOf, tier kept; `toTier` is the
 *     tier a downgrade would go to, and the reason names the unmet criteria and the day the grace
 *     period ends (graceStartedOn + gracePeriodDays).
 *   - status Grace, on or after that day: 'downgrade-proposed'. Status Proposed Downgrade, tier kept
 *     (a person confirms, see `applyProposedDowngrade`); `toTier` is at most `maxStepsDownPerRun`
 *     steps down and never below the qualified tier.
 *   - status Grace before that day, or already Proposed Downgrade: no change.
 *   - status Grace without a valid graceStartedOn: the grace period cannot be timed, so it starts
 *     again as on 'grace-started', and the reason says so.
 *
 * Steps are positions on the ladder of configured tiers ordered by rank, so ranks need not be
 * consecutive. Every change takes effect on `asOf`.
 */
export function decideTier(
  state: PartnerTierState,
  metrics: readonly PartnerMetric[],
  config: TiersConfig,
  asOf: IsoDate,
): TierDecision {
  const context = createTierContext(config, asOf);
  return decideForPartner(context, state, partnerRowsInWindow(context, state.partnerAccountId, metrics));
}

/** `decideTier` on rows already narrowed to this partner and the window. */
export function decideForPartner(
  context: TierContext,
  state: PartnerTierState,
  rowsInWindow: readonly PartnerMetric[],
): TierDecision {
  const assessment = assessPartner(context, state.partnerAccountId, rowsInWindow);
  const currentPosition = state.tier === null ? undefined : context.positionByName.get(state.tier);
  if (currentPosition === undefined) return initial(context, state, assessment);
  if (assessment.qualifiedPosition > currentPosition) return upgrade(context, state, assessment);
  if (assessment.qualifiedPosition === currentPosition) {
    return state.status === 'OK' ? unchanged(state, assessment) : graceCleared(context, state, assessment);
  }
  return belowCurrentTier(context, state, assessment, currentPosition);
}

function belowCurrentTier(
  context: TierContext,
  state: PartnerTierState,
  assessment: Assessment,
  currentPosition: number,
): TierDecision {
  if (state.status === 'Proposed Downgrade') return unchanged(state, assessment);
  const tier = tierName(context, currentPosition);
  const unmet = criteriaOf(assessment, tier).filter((result) => !result.met);
  const dropTo = tierName(
    context,
    Math.max(assessment.qualifiedPosition, currentPosition - context.maxStepsDown),
  );
  const graceDays = context.config.gracePeriodDays;

  if (state.status === 'OK' || state.graceStartedOn === null || !isValidIsoDate(state.graceStartedOn)) {
    const graceEndsOn = addDays(context.asOf, graceDays);
    const reason =
      state.status === 'OK'
        ? graceStartedReason(tier, unmet, graceEndsOn, dropTo)
        : graceRestartedReason(tier, unmet, graceEndsOn, dropTo);
    return changed(
      assessment,
      { ...state, status: 'Grace', graceStartedOn: context.asOf },
      change(context, state, 'grace-started', dropTo, reason),
    );
  }

  const graceEndsOn = addDays(state.graceStartedOn, graceDays);
  if (context.asOf < graceEndsOn) return unchanged(state, assessment);
  const reason = downgradeProposedReason({
    tier,
    unmet,
    graceEndedOn: graceEndsOn,
    proposedTier: dropTo,
    qualifiedTier: assessment.evaluation.qualifiedTier,
    maxStepsDown: context.maxStepsDown,
  });
  return changed(
    assessment,
    { ...state, status: 'Proposed Downgrade' },
    change(context, state, 'downgrade-proposed', dropTo, reason),
  );
}

function initial(context: TierContext, state: PartnerTierState, assessment: Assessment): TierDecision {
  const toTier = assessment.evaluation.qualifiedTier;
  const reason = initialReason(toTier, criteriaOf(assessment, toTier), state.tier);
  return changed(
    assessment,
    freshTier(context, state, toTier),
    change(context, state, 'initial', toTier, reason),
  );
}

function upgrade(context: TierContext, state: PartnerTierState, assessment: Assessment): TierDecision {
  const toTier = assessment.evaluation.qualifiedTier;
  const reason = upgradeReason(toTier, criteriaOf(assessment, toTier));
  return changed(
    assessment,
    freshTier(context, state, toTier),
    change(context, state, 'upgrade', toTier, reason),
  );
}

function graceCleared(context: TierContext, state: PartnerTierState, assessment: Assessment): TierDecision {
  const tier = assessment.evaluation.qualifiedTier;
  const reason = graceClearedReason(tier, criteriaOf(assessment, tier));
  return changed(
    assessment,
    { ...state, status: 'OK', graceStartedOn: null },
    change(context, state, 'grace-cleared', tier, reason),
  );
}

function freshTier(context: TierContext, state: PartnerTierState, tier: string): PartnerTierState {
  return {
    partnerAccountId: state.partnerAccountId,
    tier,
    status: 'OK',
    tierSince: context.asOf,
    graceStartedOn: null,
  };
}

function unchanged(state: PartnerTierState, assessment: Assessment): TierDecision {
  return { evaluation: assessment.evaluation, nextState: { ...state }, change: null };
}

function changed(assessment: Assessment, nextState: PartnerTierState, tierChange: TierChange): TierDecision {
  return { evaluation: assessment.evaluation, nextState, change: tierChange };
}

function change(
  context: TierContext,
  state: PartnerTierState,
  kind: TierChangeKind,
  toTier: string,
  reason: string,
): TierChange {
  return {
    partnerAccountId: state.partnerAccountId,
    kind,
    fromTier: state.tier,
    toTier,
    reason,
    effectiveOn: context.asOf,
  };
}

function criteriaOf(assessment: Assessment, tier: string): readonly CriterionResult[] {
  return assessment.evaluation.checks.find((check) => check.tier === tier)?.criteria ?? [];
}

function tierName(context: TierContext, position: number): string {
  const tier = context.tiers[position];
  if (!tier) throw new RangeError(`No tier at position ${position} of the ladder.`);
  return tier.definition.name;
}
