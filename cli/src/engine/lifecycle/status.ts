/** Which registration statuses are still in play, and which can hold protection. */
import type { RegistrationStatus } from '../types.ts';

/** A registration in one of these can still move; Rejected, Expired, Converted and Withdrawn are final. */
export const OPEN_STATUSES: readonly RegistrationStatus[] = [
  'Draft',
  'Submitted',
  'In Review',
  'Approved',
  'Extended',
];

/** The statuses in which a registration is protected, as long as its end date has not passed. */
export const PROTECTED_STATUSES: readonly RegistrationStatus[] = ['Approved', 'Extended'];

export function isOpenStatus(status: RegistrationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
