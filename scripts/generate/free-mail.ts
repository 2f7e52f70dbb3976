import { COUNTRIES } from './countries/index.ts';
import { HashSet, hashString } from './hashing.ts';

/**
 * Free e-mail providers: an address there says nothing about the customer's company.
 */

/** Providers people use everywhere. */
export const GLOBAL_FREE_MAIL: readonly string[] = [
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'yahoo.com',
  'icloud.com',
  'proton.me',
  'protonmail.com',
];

export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  ...GLOBAL_FREE_MAIL,
  ...COUNTRIES.flatMap((country) => country.freeMail),
]);

/**
 * Hashes of the domains no generated company may own: the free-mail providers.
 * @param expectedSize how many domains the set will hold in the end.
 */
export function reservedDomains(expectedSize = 0): HashSet {
  const reserved = new HashSet(expectedSize + FREE_MAIL_DOMAINS.size);
  for (const domain of FREE_MAIL_DOMAINS) reserved.addIfAbsent(hashString(domain));
  return reserved;
}
