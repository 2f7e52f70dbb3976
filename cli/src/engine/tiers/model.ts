/**
 * The shapes partner tiering reads and returns. They travel as JSON (test vectors, the Apex mirror,
 * `--json` output), so they hold only strings, numbers, booleans, arrays and plain objects.
 */
import type { IsoDate, MetricAggregate, MetricName, TierStatus } from '../types.ts';

/** A partner's tier as the org records it (`Partner_Tier__c`, `_Status__c`, `_Since__c` on Account). */
export interface PartnerTierState {
  partnerAccountId: string;
  /** Null: never tiered. */
  tier: string | null;
  status: TierStatus;
  tierSince: IsoDate | null;
  /** Set while the partner is in Grace or has a proposed downgrade: when the grace period began. */
  graceStartedOn: IsoDate | null;
}

/** One criterion of one tier, measured against the partner's window. */
export interface CriterionResult {
  metric: MetricName;
  aggregate: MetricAggregate;
  required: number;
  actual: number;
  met: boolean;
  /** How far the partner is from the requirement: max(0, required - actual). */
  gap: number;
}

export interface TierCheck {
  tier: string;
  rank: number;
  qualified: boolean;
  criteria: CriterionResult[];
}

export interface TierEvaluation {
  partnerAccountId: string;
  asOf: IsoDate;
  /** First day of the evaluated window. */
  windowStart: IsoDate;
  /** Last day of the evaluated window. */
  windowEnd: IsoDate;
  /** The partner's metric rows that fell in the window. */
  periodsUsed: number;
  /** Highest-rank tier whose criteria all hold; the entry tier (no criteria) always qualifies. */
  qualifiedTier: string;
  /** Every tier, lowest rank first. */
  checks: TierCheck[];
  /** The tier just above `qualifiedTier` and its unmet criteria; null at the top tier. */
  nextTier: { tier: string; needs: CriterionResult[] } | null;
  /** 0..100 readiness for the next tier (see `readinessScore`); 100 at the top tier. */
  score: number;
}

/**
 * What a run decided for one partner. A confirmed downgrade is not decided by a run but by a person
 * (`applyProposedDowngrade`), and is recorded as 'downgrade-confirmed'.
 */
export type TierChangeKind =
  'initial' | 'upgrade' | 'grace-started' | 'grace-cleared' | 'downgrade-proposed' | 'downgrade-confirmed';

/** One `Tier_Change__c` audit record. */
export interface TierChange {
  partnerAccountId: string;
  kind: TierChangeKind;
  fromTier: string | null;
  toTier: string;
  /** A readable English sentence with the figures behind the decision. */
  reason: string;
  effectiveOn: IsoDate;
}

export interface TierDecision {
  evaluation: TierEvaluation;
  nextState: PartnerTierState;
  /** Null when nothing changed; `nextState` then equals the state given. */
  change: TierChange | null;
}
