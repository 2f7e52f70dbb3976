/**
 * Partner tiering: which tier each partner's trailing quarters earn, and how its recorded tier
 * moves (upgrades at once; downgrades only after a grace period, proposed, and confirmed by a person).
 */
export type {
  CriterionResult,
  PartnerTierState,
  TierChange,
  TierChangeKind,
  TierCheck,
  TierDecision,
  TierEvaluation,
} from './model.ts';
export { evaluateTier } from './evaluate.ts';
export { decideTier } from './decide.ts';
export { recalculateTiers } from './recalculate.ts';
export { applyProposedDowngrade, type ConfirmedDowngrade } from './downgrade.ts';
export { validateTiersConfig } from './validate.ts';
export { trailingQuartersWindow, type EvaluationWindow } from './window.ts';
export { criterionLabel } from './reasons.ts';
export { formatFigure } from './numbers.ts';
