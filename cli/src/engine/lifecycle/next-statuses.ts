/**
 * Which statuses a registration may move to from its current one: the lifecycle's map read as a
 * table of edges, for guards that see only a record's old and new status (a trigger on update)
 * rather than the action that moved it.
 */
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../types.ts';
import { ACTION_RULES } from './action-rules.ts';

/** The statuses `from` may move to, in lifecycle order; empty for a final status. */
export function nextStatuses(from: RegistrationStatus): RegistrationStatus[] {
  const next = new Set<RegistrationStatus>();
  for (const rule of Object.values(ACTION_RULES)) {
    if (rule.from.includes(from)) for (const status of rule.to) next.add(status);
  }
  return REGISTRATION_STATUSES.filter((status) => next.has(status));
}
