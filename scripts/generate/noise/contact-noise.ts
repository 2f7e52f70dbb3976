import type { Random } from '../../lib/random.ts';
import type { CountryProfile } from '../countries/index.ts';
import { GLOBAL_FREE_MAIL } from '../free-mail.ts';
import type { Lexicon } from '../lexicon/types.ts';
import { domainSpelling } from '../text.ts';
import { pickCommon } from '../weighted-table.ts';

/**
 * How partners give the customer's domain and country: the domain bare or as the
 * website, with a subdomain, inside someone's e-mail address, a free-mail address
 * instead, or not at all; the country as its code, its name, or not at all.
 */

const SUBDOMAINS = [
  'eu',
  'us',
  'uk',
  'shop',
  'store',
  'portal',
  'app',
  'my',
  'go',
  'mail',
  'corp',
  'en',
  'info',
  'secure',
  'careers',
  'intranet',
];
const MAIL_SUBDOMAINS = ['mail', 'corp', 'eu', 'us', 'uk', 'emea', 'hq'];
const ROLE_MAILBOXES = [
  'info',
  'sales',
  'procurement',
  'purchasing',
  'it',
  'office',
  'admin',
  'contact',
  'accounts',
];

/** The domain as partners usually type it when nothing is wrong with it. */
export function plainDomain(random: Random, domain: string, website: string): string {
  const roll = random.next();
  if (roll < 0.65) return domain;
  if (roll < 0.85) return `www.${domain}`;
  return website;
}

/** @param countryCode the customer's country, a common subdomain of international companies. */
export function withSubdomain(random: Random, domain: string, countryCode: string): string {
  const subdomain = random.chance(0.25) ? countryCode.toLowerCase() : random.pick(SUBDOMAINS);
  const host = `${subdomain}.${domain}`;
  return random.chance(0.25) ? `https://${host}` : host;
}

/** Someone's work address: "j.smith@acme.com", sometimes "@mail.acme.com". */
export function workEmail(random: Random, domain: string, lexicon: Lexicon): string {
  const mailbox = random.chance(0.15) ? random.pick(ROLE_MAILBOXES) : personalMailbox(random, lexicon);
  const host = random.chance(0.2) ? `${random.pick(MAIL_SUBDOMAINS)}.${domain}` : domain;
  return `${mailbox}@${host}`;
}

/** Someone's private address at a free-mail provider: no evidence of the company at all. */
/** @param localProviders the free-mail providers of the customer's country. */
export function freeMailEmail(random: Random, localProviders: readonly string[], lexicon: Lexicon): string {
  const provider =
    random.chance(0.6) && localProviders.length > 0
      ? random.pick(localProviders)
      : random.pick(GLOBAL_FREE_MAIL);
  const mailbox = personalMailbox(random, lexicon);
  return `${random.chance(0.3) ? `${mailbox}${random.int(1, 99)}` : mailbox}@${provider}`;
}

function personalMailbox(random: Random, lexicon: Lexicon): string {
  const given = domainSpelling(random.pick(lexicon.givenNames), lexicon.language);
  const family = domainSpelling(pickCommon(random, lexicon.surnames), lexicon.language);
  const roll = random.next();
  if (roll < 0.45) return `${given}.${family}`;
  if (roll < 0.7) return `${given.charAt(0)}.${family}`;
  if (roll < 0.82) return `${given.charAt(0)}${family}`;
  if (roll < 0.92) return given;
  return `${given}${family}`;
}

/** The country as a name, in English or in one of the country's own languages. */
export function countryName(random: Random, country: CountryProfile): string {
  return random.chance(0.5) || country.localNames.length === 0
    ? country.englishName
    : random.pick(country.localNames);
}
