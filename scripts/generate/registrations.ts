import type { Registration } from '../../cli/src/engine/types.ts';
import type { Random } from '../lib/random.ts';
import { createRandom } from '../lib/random.ts';
import type { GeneratedAccount } from './accounts.ts';
import { CompanyFactory } from './company-factory.ts';
import { drawLexicon } from './company-names.ts';
import type { Company } from './company-factory.ts';
import type { CountryProfile } from './countries/index.ts';
import { findCountryProfile } from './countries/index.ts';
import { coreKeyHashOfWords } from './core-key.ts';
import { reservedDomains } from './free-mail.ts';
import { HashSet, hashString } from './hashing.ts';
import { salesforceId } from './ids.ts';
import { splitLegalForm } from './legal-forms.ts';
import { english, groupWords } from './lexicon/english.ts';
import type { Lexicon } from './lexicon/types.ts';
import { canToggleAccents, toggleAccents } from './noise/accents.ts';
import { countryName, freeMailEmail, plainDomain, withSubdomain, workEmail } from './noise/contact-noise.ts';
import type { NoiseKind } from './noise/kinds.ts';
import { chooseNoiseKinds } from './noise/kinds.ts';
import {
  abbreviate,
  acronym,
  canAbbreviate,
  canAddThe,
  canMakeAcronym,
  canMisspell,
  canReorder,
  changeCase,
  misspellOneWord,
  reorder,
} from './noise/name-noise.ts';
import {
  drawAmount,
  drawProductFamily,
  drawSubmittedAt,
  generatedPartnerIds,
  partnerTable,
} from './registration-fields.ts';
import { websiteDomain } from './websites.ts';

/**
 * Deal registrations as partners submit them, each with the truth about which account
 * it really is: most name an existing account, with the differences partners' typing
 * brings (recorded in `noise`); some name customers that are not among the accounts.
 */

export type { NoiseKind } from './noise/kinds.ts';

/**
 * A registration as submitted. It extends the engine's Registration, so the compiler
 * checks that the engine accepts it; the fields a partner fills in are all present.
 */
export interface SubmittedRegistration extends Registration {
  id: string;
  partnerAccountId: string;
  customerName: string;
  customerDomain: string | null;
  customerCountry: string | null;
  productFamily: string;
  estimatedAmount: number;
  submittedAt: string;
  status: 'Submitted';
}

export interface GeneratedRegistration {
  registration: SubmittedRegistration;
  /** The account this registration really is; null for a customer not among the accounts. */
  truthAccountId: string | null;
  noise: NoiseKind[];
}

export interface RegistrationOptions {
  /** Share of registrations for customers that are not among the accounts; default 0.1. */
  newCustomerShare?: number;
  /** Partner account ids to register from; default a generated pool of 200. */
  partnerIds?: readonly string[];
}

/** Id series of generated registrations (key prefix a01, as a custom object's). */
const REGISTRATION_ID_POD = '5g0';
const DEFAULT_NEW_CUSTOMER_SHARE = 0.1;
/** Tries for a typo that does not turn the name into another account's. */
const TYPO_ATTEMPTS = 5;

/** Countries where a leading "The" is at home, whatever the name. */
const THE_COUNTRIES = new Set(['US', 'GB', 'IE', 'CA', 'AU', 'NZ', 'ZA', 'IN', 'SG']);
/** Elsewhere, names in English style end in one of these words ("Nordic Freight", "Alpine Group"). */
const ENGLISH_ENDINGS: ReadonlySet<string> = new Set([...english.trades, ...groupWords]);

export function generateRegistrations(
  accounts: readonly GeneratedAccount[],
  count: number,
  seed: string,
  options: RegistrationOptions = {},
): GeneratedRegistration[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`invalid registration count ${count}`);
  const share = options.newCustomerShare ?? DEFAULT_NEW_CUSTOMER_SHARE;
  if (!(share >= 0 && share <= 1)) throw new Error(`newCustomerShare must be between 0 and 1, not ${share}`);
  const partnerIds = options.partnerIds ?? generatedPartnerIds();
  if (partnerIds.length === 0) throw new Error('partnerIds must not be empty');

  const random = createRandom(`registrations:${seed}`);
  // Exactly this many are new customers; all are when there are no accounts to refer to.
  const newCount = accounts.length === 0 ? count : Math.round(count * share);
  const { keys, domains } = indexAccounts(accounts, newCount);
  const newCustomers = new CompanyFactory(random, domains, keys, newCount);
  const partners = partnerTable(partnerIds);

  const drafts: Omit<SubmittedRegistration, 'id'>[] = [];
  const truths: (string | null)[] = [];
  const noises: NoiseKind[][] = [];
  let newLeft = newCount;
  for (let i = 0; i < count; i++) {
    // Selection sampling: every position is equally likely to be one of the new customers.
    const isNew = random.next() * (count - i) < newLeft;
    let customer: Company;
    let truth: string | null;
    if (isNew) {
      newLeft--;
      customer = newCustomers.create(accounts.length + i);
      truth = null;
    } else {
      const account = random.pick(accounts);
      customer = account;
      truth = account.id;
    }
    const { fields, noise } = describeCustomer(random, customer, keys);
    drafts.push({
      partnerAccountId: partners.draw(random),
      ...fields,
      productFamily: drawProductFamily(random),
      estimatedAmount: drawAmount(random),
      submittedAt: drawSubmittedAt(random),
      status: 'Submitted',
    });
    truths.push(truth);
    noises.push(noise);
  }

  // Ids in order of submission, as the org would assign them.
  const order = drafts.map((_, index) => index);
  order.sort((a, b) => compareStrings(drafts[a]?.submittedAt ?? '', drafts[b]?.submittedAt ?? '') || a - b);
  return order.map((index, position) => ({
    registration: {
      id: salesforceId('a01', REGISTRATION_ID_POD, position),
      ...(drafts[index] as (typeof drafts)[number]),
    },
    truthAccountId: truths[index] ?? null,
    noise: noises[index] ?? [],
  }));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Key hashes (in any country) and domain hashes of the accounts, so that new customers
 * are none of them and typos do not turn one account's name into another's.
 */
function indexAccounts(
  accounts: readonly GeneratedAccount[],
  newCount: number,
): { keys: HashSet; domains: HashSet } {
  const keys = new HashSet(accounts.length);
  const domains = reservedDomains(accounts.length + newCount);
  for (const account of accounts) {
    keys.addIfAbsent(coreKeyHashOfWords([splitLegalForm(account.name, account.country).core]));
    domains.addIfAbsent(hashString(websiteDomain(account.website)));
  }
  return { keys, domains };
}

interface CustomerFields {
  customerName: string;
  customerDomain: string | null;
  customerCountry: string | null;
}

/** The customer as the partner types it, and which differences that brought. */
function describeCustomer(
  random: Random,
  customer: Company,
  accountKeys: HashSet,
): { fields: CustomerFields; noise: NoiseKind[] } {
  const country = findCountryProfile(customer.country);
  const { core, legalForm, variants } = splitLegalForm(customer.name, customer.country);
  const domain = websiteDomain(customer.website);
  // The person typing an e-mail address has a name from the customer's country.
  const lexicon = country ? drawLexicon(random, country) : english;

  const applies = (kind: NoiseKind): boolean => {
    switch (kind) {
      case 'typo':
        return canMisspell(core);
      case 'droppedLegalForm':
        return legalForm !== null;
      case 'changedLegalForm':
        return legalForm !== null && variants.length > 0;
      case 'abbreviation':
        return canAbbreviate(core);
      case 'acronym':
        return canMakeAcronym(core) && !accountKeys.has(keyHash(acronym(core)));
      case 'wordOrder':
        return canReorder(core);
      case 'accents':
        return canToggleAccents(core, customer.country);
      case 'thePrefix':
        return (
          canAddThe(core) && (THE_COUNTRIES.has(customer.country) || ENGLISH_ENDINGS.has(lastWord(core)))
        );
      case 'countryName':
        return country !== undefined;
      default:
        return true;
    }
  };
  const noise = chooseNoiseKinds(random, applies);
  const has = (kind: NoiseKind) => noise.includes(kind);

  // The name: word changes first, then the legal form, then the case of it all.
  let name = core;
  if (has('acronym')) name = acronym(core);
  if (has('abbreviation')) name = abbreviate(random, name);
  if (has('wordOrder')) name = reorder(random, name);
  if (has('accents')) name = toggleAccents(name, customer.country) ?? name;
  if (has('typo')) {
    const misspelt = misspellAvoidingAccounts(random, name, accountKeys);
    if (misspelt === null) noise.splice(noise.indexOf('typo'), 1);
    else name = misspelt;
  }
  if (has('thePrefix')) name = `The ${name}`;
  const form = has('droppedLegalForm') ? null : has('changedLegalForm') ? random.pick(variants) : legalForm;
  if (form !== null) name = `${name} ${form}`;
  if (has('case') || noise.length === 0) {
    if (!has('case')) noise.push('case');
    name = changeCase(random, name);
  }

  return {
    fields: {
      customerName: name,
      customerDomain: describeDomain(random, noise, domain, customer.website, country, lexicon),
      customerCountry: has('noCountry')
        ? null
        : has('countryName') && country
          ? countryName(random, country)
          : customer.country,
    },
    noise,
  };
}

function describeDomain(
  random: Random,
  noise: readonly NoiseKind[],
  domain: string,
  website: string,
  country: CountryProfile | undefined,
  lexicon: Lexicon,
): string | null {
  if (noise.includes('noDomain')) return null;
  if (noise.includes('subdomain')) return withSubdomain(random, domain, country?.code ?? 'eu');
  if (noise.includes('emailDomain')) return workEmail(random, domain, lexicon);
  if (noise.includes('freeMail')) return freeMailEmail(random, country?.freeMail ?? [], lexicon);
  return plainDomain(random, domain, website);
}

/** A typo that does not make the name another account's (in any country); null if none was found. */
function misspellAvoidingAccounts(random: Random, name: string, accountKeys: HashSet): string | null {
  for (let attempt = 0; attempt < TYPO_ATTEMPTS; attempt++) {
    const misspelt = misspellOneWord(random, name);
    if (misspelt !== null && !accountKeys.has(keyHash(misspelt))) return misspelt;
  }
  return null;
}

function keyHash(core: string): number {
  return coreKeyHashOfWords([core]);
}

function lastWord(text: string): string {
  return text.slice(text.lastIndexOf(' ') + 1);
}
