/**
 * The vocabulary of the registration lifecycle: what can be asked of a registration, by whom and
 * when, and what comes back.
 */
import type {
  ActorRole,
  Attribution,
  IsoDateTime,
  Outcome,
  Partner,
  ProtectionConfig,
  Registration,
  TierDefinition,
} from '../types.ts';

export type LifecycleAction =
  | { type: 'submit' }
  /** The rules of engagement's decision on a Submitted registration; taken by the actor `System`. */
  | { type: 'decide'; outcome: Outcome }
  /** A person's decision on a registration the engine sent to review. */
  | { type: 'approve' }
  /** A person's decision on a registration the engine sent to review; the partner sees the reason. */
  | { type: 'reject'; reason: string }
  | { type: 'extend' }
  | { type: 'expire' }
  /** The attribution is not stored on the registration: the caller writes it on the opportunity, and keeps the action for the audit. */
  | { type: 'convert'; opportunityId: string; attribution: Attribution }
  | { type: 'withdraw' };

export type LifecycleActionType = LifecycleAction['type'];

/** Everything a transition depends on besides the registration. Time comes in here, never from a clock. */
export interface LifecycleContext {
  now: IsoDateTime;
  actor: ActorRole;
  /** The registration's partner: its tier and type set the protection days. */
  partner: Partner;
  protection: ProtectionConfig;
  tiers: readonly TierDefinition[];
}

export type TransitionErrorCode =
  | 'INVALID_TRANSITION'
  | 'NOT_ALLOWED_FOR_ROLE'
  | 'MISSING_FIELD'
  | 'MISSING_REASON'
  | 'EXTENSION_LIMIT_REACHED'
  | 'OUTSIDE_EXTENSION_WINDOW'
  | 'PROTECTION_ENDED'
  | 'STILL_PROTECTED';

export type TransitionResult =
  /** `changes` holds only the fields whose value changed, ready to be written back. */
  | { ok: true; registration: Registration; changes: Partial<Registration> }
  /** `reason` is a sentence a person can act on. */
  | { ok: false; code: TransitionErrorCode; reason: string };

export type TransitionRefusal = Extract<TransitionResult, { ok: false }>;
