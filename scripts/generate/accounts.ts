import { createRandom } from '../lib/random.ts';
import { CompanyFactory } from './company-factory.ts';
import { reservedDomains } from './free-mail.ts';
import { salesforceId } from './ids.ts';

/**
 * Customer accounts as a large Salesforce org holds them: names with country flavour
 * and legal forms, websites, ISO country codes.
 */

export interface GeneratedAccount {
  id: string;
  name: string;
  website: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** Id series of generated customer accounts (Account key prefix 001). */
export const CUSTOMER_ID_POD = '5g0';

export function generateAccounts(count: number, seed: string): GeneratedAccount[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`invalid account count ${count}`);
  const factory = new CompanyFactory(createRandom(`accounts:${seed}`), reservedDomains(count), null, count);
  // Pushed, not preallocated: V8 keeps a huge `new Array(n)` as a slow dictionary.
  const accounts: GeneratedAccount[] = [];
  for (let i = 0; i < count; i++) {
    const company = factory.create(i);
    accounts.push({
      id: salesforceId('001', CUSTOMER_ID_POD, i),
      name: company.name,
      website: company.website,
      country: company.country,
    });
  }
  return accounts;
}
