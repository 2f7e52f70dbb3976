/**
 * The partner-safe summary of a decision: what the partner who registered may
 * read. It is built only from the outcome, a reason code and the partner's own
 * input, so by construction it cannot name another partner, an amount, an
 * internal owner or any other record. The Apex service holds the same sentences.
 */
import type { IsoDate, Outcome } from '../types.ts';
import type { SummaryCode } from './evaluate-rule.ts';

const OUTCOME_LEAD: Readonly<Record<Outcome, string>> = {
  Approved: 'Approved.',
  'In Review': 'In review.',
  Rejected: 'Not approved.',
};

const REASONS: Readonly<Record<SummaryCode, string>> = {
  'partner-status': 'Your partner account cannot register deals at the moment.',
  duplicate: 'You already have an open registration for this customer and product family.',
  'already-protected': 'This customer is already registered and protected for this product family.',
  'near-simultaneous': 'Another registration for this customer arrived at almost the same time.',
  'pending-elsewhere': 'Another registration for this customer is awaiting a decision.',
  overlapping: 'Another registration for this customer overlaps with yours.',
  'direct-engagement': 'Our sales team is already working with this customer.',
  'named-account': 'This customer is a named account.',
  'auto-approved': 'No conflict was found.',
};

export interface SummaryInput {
  outcome: Outcome;
  code: SummaryCode | null;
  customerName: string;
  protectionExpiresOn: IsoDate | null;
}

export function partnerSummary(input: SummaryInput): string {
  const parts = [OUTCOME_LEAD[input.outcome]];
  if (input.code) parts.push(REASONS[input.code]);
  if (input.outcome === 'Approved') {
    parts.push(
      input.protectionExpiresOn
        ? `Your registration for ${input.customerName} is protected until ${input.protectionExpiresOn}.`
        : `Your registration for ${input.customerName} is protected.`,
    );
  } else if (input.outcome === 'In Review') {
    parts.push('A channel manager will review it and let you know.');
  } else {
    parts.push('Contact your channel manager if you believe this is a mistake.');
  }
  return parts.join(' ');
}
