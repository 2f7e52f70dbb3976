/**
 * Which status each action may start from and who may take it: the lifecycle's map, in one table.
 *
 * Draft -> Submitted -> (Approved | In Review | Rejected); In Review -> Approved | Rejected;
 * Approved -> Extended | Expired | Converted; Extended -> Extended | Expired | Converted;
 * any open status -> Withdrawn. Rejected, Expired, Converted and Withdrawn are final.
 */
import type { ActorRole, ProtectionConfig, RegistrationStatus } from '../types.ts';
import type { LifecycleActionType } from './actions.ts';
import { OPEN_STATUSES, PROTECTED_STATUSES } from './status.ts';

interface ActionRule {
  from: readonly RegistrationStatus[];
  /** The status it leaves a registration in; `decide` leaves one of the engine's outcomes. */
  to: readonly RegistrationStatus[];
  /** A function because who may extend is configuration (`protection.extension.allowedRoles`). */
  roles: (protection: ProtectionConfig) => readonly ActorRole[];
  /** For sentences: "cannot be <pastParticiple>", "cannot <verb> a registration". */
  verb: string;
  pastParticiple: string;
}

const PEOPLE: readonly ActorRole[] = ['Partner', 'ChannelManager', 'Admin'];
/** Deciding for the company, as opposed to asking: reviewing, converting. */
const REVIEWERS: readonly ActorRole[] = ['ChannelManager', 'Admin'];

export const ACTION_RULES: Readonly<Record<LifecycleActionType, ActionRule>> = {
  submit: {
    from: ['Draft'],
    to: ['Submitted'],
    roles: () => PEOPLE,
    verb: 'submit',
    pastParticiple: 'submitted',
  },
  // The engine decides a submitted registration (the trigger, in Salesforce); people decide In Review.
  decide: {
    from: ['Submitted'],
    to: ['Approved', 'In Review', 'Rejected'],
    roles: () => ['System'],
    verb: 'decide',
    pastParticiple: 'decided',
  },
  approve: {
    from: ['In Review'],
    to: ['Approved'],
    roles: () => REVIEWERS,
    verb: 'approve',
    pastParticiple: 'approved',
  },
  reject: {
    from: ['In Review'],
    to: ['Rejected'],
    roles: () => REVIEWERS,
    verb: 'reject',
    pastParticiple: 'rejected',
  },
  extend: {
    from: PROTECTED_STATUSES,
    to: ['Extended'],
    roles: (protection) => protection.extension.allowedRoles,
    verb: 'extend',
    pastParticiple: 'extended',
  },
  // A scheduled job expires registrations; an admin may do it by hand.
  expire: {
    from: PROTECTED_STATUSES,
    to: ['Expired'],
    roles: () => ['System', 'Admin'],
    verb: 'expire',
    pastParticiple: 'expired',
  },
  convert: {
    from: PROTECTED_STATUSES,
    to: ['Converted'],
    roles: () => REVIEWERS,
    verb: 'convert',
    pastParticiple: 'converted',
  },
  withdraw: {
    from: OPEN_STATUSES,
    to: ['Withdrawn'],
    roles: () => PEOPLE,
    verb: 'withdraw',
    pastParticiple: 'withdrawn',
  },
};

/** Every action, in lifecycle order; `allowedActions` answers in this order. */
export const LIFECYCLE_ACTION_TYPES: readonly LifecycleActionType[] = [
  'submit',
  'decide',
  'approve',
  'reject',
  'extend',
  'expire',
  'convert',
  'withdraw',
];
