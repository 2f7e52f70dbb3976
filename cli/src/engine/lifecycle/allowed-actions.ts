/** What a person (or the system) can do with a registration right now: the buttons to show. */
import type { Registration } from '../types.ts';
import type { LifecycleAction, LifecycleActionType, LifecycleContext } from './actions.ts';
import { LIFECYCLE_ACTION_TYPES } from './action-rules.ts';
import { transition } from './transition.ts';

/**
 * One well-formed action of each type. The reason and ids are placeholders that only stand for
 * "the caller will supply them"; any decide outcome is accepted or refused alike.
 */
const SAMPLE_ACTIONS: Readonly<Record<LifecycleActionType, LifecycleAction>> = {
  submit: { type: 'submit' },
  decide: { type: 'decide', outcome: 'In Review' },
  approve: { type: 'approve' },
  reject: { type: 'reject', reason: 'a reason' },
  extend: { type: 'extend' },
  expire: { type: 'expire' },
  convert: { type: 'convert', opportunityId: 'an opportunity', attribution: 'Sourced' },
  withdraw: { type: 'withdraw' },
};

/**
 * The actions `transition` would accept now, in lifecycle order. Asking `transition` itself,
 * rather than restating its rules, keeps the two from ever disagreeing.
 */
export function allowedActions(registration: Registration, context: LifecycleContext): LifecycleActionType[] {
  return LIFECYCLE_ACTION_TYPES.filter((type) => transition(registration, SAMPLE_ACTIONS[type], context).ok);
}
