/**
 * The registration lifecycle: the state machine with its dates.
 *
 * Draft -> Submitted -> (Approved | In Review | Rejected); In Review -> Approved | Rejected;
 * Approved -> Extended | Expired | Converted; Extended -> Extended | Expired | Converted;
 * any open status -> Withdrawn. The engine decides Submitted registrations; people decide In Review.
 */
export type {
  LifecycleAction,
  LifecycleActionType,
  LifecycleContext,
  TransitionErrorCode,
  TransitionResult,
} from './actions.ts';
export { transition } from './transition.ts';
export { allowedActions } from './allowed-actions.ts';
export { isProtectionActive, protectionDays, protectionEndsOn } from './protection.ts';
export { isOpenStatus } from './status.ts';
export { planConversion } from './conversion.ts';
export type { ConversionOptions, ConversionPlan } from './conversion.ts';
export { nextStatuses } from './next-statuses.ts';
