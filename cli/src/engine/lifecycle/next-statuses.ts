/**
 * Which statuses a registration may move to from its current one: the lifecycle's map read as a
 * table of edges, for guards that see only a record's old and new status (a trigger on update)
 * rather than the action that moved it.
 */
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../types.ts';
import { ACTION_RULES } from './action-rules.ts';
import type { LifecycleActionType } from './actions.ts';

/** The status each action leaves a registration in; `decide` leaves one of the engine's outcomes. */
const STATUSES_AFTER: Readonly<Record<LifecycleActionType, readonly RegistrationStatus[]>> = {
  submit: ['Submitted'],
  decide: ['Approved', 'In Review', 'Rejected'],
  approve: ['Approved'],
  reject: ['Rejected'],
  extend: ['Extended'],
  expire: ['Expired'],
  convert: ['Converted'],
  withdraw: ['Withdrawn'],
};

/** The statuses `from` may move to, in lifecycle order; empty for a final status. */
export function nextStatuses(from: RegistrationStatus): RegistrationStatus[] {
  const next = new Set<RegistrationStatus>();
  for (const [action, rule] of Object.entries(ACTION_RULES) as [
    LifecycleActionType,
    { from: readonly RegistrationStatus[] },
  ][]) {
    if (rule.from.includes(from)) for (const status of STATUSES_AFTER[action]) next.add(status);
  }
  return REGISTRATION_STATUSES.filter((status) => next.has(status));
}
