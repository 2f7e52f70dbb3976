/** A person's confirmation of a proposed downgrade: the one way a partner loses a tier. */
import { isValidIsoDate } from '../dates.ts';
import type { IsoDate, TiersConfig } from '../types.ts';
import { createTierContext } from './context.ts';
import type { PartnerTierState, TierChange } from './model.ts';
import { downgradeConfirmedReason } from './reasons.ts';

export interface ConfirmedDowngrade {
  nextState: PartnerTierState;
  change: TierChange;
}

/**
 * Applies a downgrade that a run proposed and a person confirmed: the partner moves to
 * `proposedTier`, status OK, tierSince = asOf, grace cleared; the change is 'downgrade-confirmed'.
 *
 * The target is passed in, not derived: it is the `toTier` of the 'downgrade-proposed' change (the
 * proposal's `Tier_Change__c.To_Tier__c`), which is what the person saw and confirmed. It cannot be
 * worked out from the state alone, because with `maxStepsDownPerRun` above 1 it depends on the
 * metrics the proposal was made on. It must still be a tier below the current one and at most
 * `maxStepsDownPerRun` steps down; anything else, or a state that is not in Proposed Downgrade,
 * throws a RangeError rather than move a partner the rules never proposed.
 *
 * After the move the partner is judged afresh on the next run: one still below its new tier starts
 * a new grace period there, so a partner falls at most `maxStepsDownPerRun` steps per grace period.
 */
export function applyProposedDowngrade(
  state: PartnerTierState,
  config: TiersConfig,
  asOf: IsoDate,
  proposedTier: string,
): ConfirmedDowngrade {
  const context = createTierContext(config, asOf);
  const describe = `partner ${state.partnerAccountId}`;
  if (state.status !== 'Proposed Downgrade' || state.tier === null) {
    throw new RangeError(`No downgrade is proposed for ${describe} (status ${state.status}).`);
  }
  const currentPosition = context.positionByName.get(state.tier);
  const targetPosition = context.positionByName.get(proposedTier);
  if (currentPosition === undefined) {
    throw new RangeError(`Tier ${state.tier} of ${describe} is no longer configured; recalculate instead.`);
  }
  if (targetPosition === undefined) throw new RangeError(`Tier ${proposedTier} is not configured.`);
  const steps = currentPosition - targetPosition;
  if (steps < 1 || steps > context.maxStepsDown) {
    throw new RangeError(
      `${proposedTier} is not a downgrade of at most ${context.maxStepsDown} step(s) from ${state.tier} for ${describe}.`,
    );
  }
  const proposedOn =
    state.graceStartedOn !== null && isValidIsoDate(state.graceStartedOn) ? state.graceStartedOn : null;
  return {
    nextState: {
      partnerAccountId: state.partnerAccountId,
      tier: proposedTier,
      status: 'OK',
      tierSince: asOf,
      graceStartedOn: null,
    },
    change: {
      partnerAccountId: state.partnerAccountId,
      kind: 'downgrade-confirmed',
      fromTier: state.tier,
      toTier: proposedTier,
      reason: downgradeConfirmedReason(state.tier, proposedTier, proposedOn),
      effectiveOn: asOf,
    },
  };
}
