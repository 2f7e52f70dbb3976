/**
 * Plays the deployed trigger's status guard: a registration's status moves only along the
 * lifecycle (Draft -> Submitted, Approved -> Extended...), whoever writes it and through whichever
 * API, so that a record edit cannot approve a rejected registration or revive an expired one.
 * It runs before the rules of engagement decide a registration entering Submitted.
 */
import { nextStatuses } from '../../engine/lifecycle/index.ts';
import { joinAlternatives } from '../../engine/lifecycle/text.ts';
import type { RegistrationStatus } from '../../engine/types.ts';
import { ApiError } from '../store/errors.ts';
import type { RecordTrigger } from '../store/org-store.ts';

export const registrationStatusGuard: RecordTrigger = {
  object: 'Deal_Registration__c',
  beforeWrite(values, previous) {
    if (previous === null || !values.has('Status__c')) return;
    const from = previous.Status__c as RegistrationStatus;
    const to = values.get('Status__c') as RegistrationStatus;
    if (to === from) return;
    const allowed = nextStatuses(from);
    if (allowed.includes(to)) return;
    throw new ApiError(
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      allowed.length === 0
        ? `A registration in ${from} is final; it cannot become ${to}.`
        : `A registration in ${from} can become only ${joinAlternatives(allowed)}, not ${to}.`,
      { fields: ['Status__c'] },
    );
  },
};
