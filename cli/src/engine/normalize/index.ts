/**
 * Normalization: raw CRM values (company names, websites and e-mail
 * addresses, countries) reduced to the keys that the matcher compares and that
 * `Trellis_Name_Key__c` / `Trellis_Domain_Key__c` store. Pure functions; the
 * same rules are held to `test/vectors/normalize.json` in TypeScript and Apex.
 */
export { foldText } from './text.ts';
export { companyNameKey, NAME_KEY_MAX_LENGTH, normalizeCompanyName } from './company.ts';
export type { NormalizedCompanyName } from './company.ts';
export { customerDomainKey, domainLabel, isFreeMailDomain, registrableDomain } from './domain.ts';
export { countryCode } from './country.ts';
