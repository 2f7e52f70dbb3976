/**
 * What converting a registration writes to the opportunity: which one, under what name, and how
 * the partner is credited. `transition` with a `convert` action decides whether it may happen;
 * this plans the opportunity side of it.
 */
import { addDays, toIsoDate } from '../dates.ts';
import type { Attribution, IsoDate, IsoDateTime, Registration } from '../types.ts';
import { isBlank } from './text.ts';

export interface ConversionPlan {
  attribution: Attribution;
  opportunity: {
    /** The direct rep's open opportunity the partner joined, or null to create one. */
    existingOpportunityId: string | null;
    name: string;
    accountId: string | null;
    amount: number | null;
    closeDate: IsoDate;
    dealRegistrationId: string;
    partnerAccountId: string;
  };
}

export interface ConversionOptions {
  existingOpportunityId: string | null;
  now: IsoDateTime;
  /** Close date for a registration that gave none: this many days from today. */
  defaultCloseInDays: number;
}

/** Opportunity.Name holds 120 characters; a longer name would make the insert fail. */
const OPPORTUNITY_NAME_MAX_LENGTH = 120;

/**
 * A partner that brought a new deal sourced it; a partner that joined a deal a direct rep already
 * had open (`existingOpportunityId`) influenced it. Blank ids count as none.
 */
export function planConversion(registration: Registration, options: ConversionOptions): ConversionPlan {
  const existingOpportunityId = isBlank(options.existingOpportunityId) ? null : options.existingOpportunityId;
  return {
    attribution: existingOpportunityId === null ? 'Sourced' : 'Influenced',
    opportunity: {
      existingOpportunityId,
      name: opportunityName(registration),
      accountId: registration.customerAccountId ?? null,
      amount: registration.estimatedAmount ?? null,
      closeDate:
        registration.expectedCloseDate ?? addDays(toIsoDate(options.now), options.defaultCloseInDays),
      dealRegistrationId: registration.id,
      partnerAccountId: registration.partnerAccountId,
    },
  };
}

/** "<customer> – <product family>", or the customer alone; cut to what Salesforce stores. */
function opportunityName(registration: Registration): string {
  const customer = registration.customerName.trim();
  const productFamily = registration.productFamily ?? '';
  const name = isBlank(productFamily) ? customer : `${customer} – ${productFamily.trim()}`;
  // By code points, so a cut never splits an emoji or other astral character in two.
  return Array.from(name).slice(0, OPPORTUNITY_NAME_MAX_LENGTH).join('');
}
