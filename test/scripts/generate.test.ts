import type { Registration } from '../../cli/src/engine/types.ts';
import type { GeneratedAccount, GeneratedRegistration, NoiseKind } from '../../scripts/generate/index.ts';
import { generateAccounts, generateRegistrations } from '../../scripts/generate/index.ts';
import { coreKey } from '../../scripts/generate/core-key.ts';
import { splitLegalForm } from '../../scripts/generate/legal-forms.ts';

const ACCOUNT_COUNT = 20_000;
const REGISTRATION_COUNT = 10_000;

const ALL_NOISE_KINDS: readonly NoiseKind[] = [
  'typo',
  'droppedLegalForm',
  'changedLegalForm',
  'abbreviation',
  'acronym',
  'wordOrder',
  'accents',
  'case',
  'thePrefix',
  'subdomain',
  'emailDomain',
  'freeMail',
  'noDomain',
  'noCountry',
  'countryName',
];

/** Noise that leaves the name as the account record has it. */
const CONTACT_NOISE: ReadonlySet<NoiseKind> = new Set([
  'subdomain',
  'emailDomain',
  'freeMail',
  'noDomain',
  'noCountry',
  'countryName',
]);

// Computed once: generation is deterministic, so every test may share the data.
const accounts = generateAccounts(ACCOUNT_COUNT, 'test');
const registrations = generateRegistrations(accounts, REGISTRATION_COUNT, 'test');
const accountsById = new Map(accounts.map((account) => [account.id, account]));

/** "https://www.acme.co.uk/" -> "acme.co.uk" (generated websites have no other subdomain). */
function registrableDomain(website: string): string {
  return website
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/^www\./, '');
}

/** The host in whatever the partner typed: a domain, a URL or an e-mail address. */
function hostOf(customerDomain: string): string {
  return customerDomain
    .replace(/^.*@/, '')
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/.*$/, '');
}

/** The name without legal form, lower-cased, accents stripped, punctuation removed. */
function simpleCoreName(account: GeneratedAccount): string {
  const { core } = splitLegalForm(account.name, account.country);
  return core
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/-/g, ' ')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The core of a registration's customer name, whatever legal form spelling and case it was given in. */
function noisyCore(customerName: string, truth: GeneratedAccount): string {
  const { legalForm, variants } = splitLegalForm(truth.name, truth.country);
  const lower = customerName.toLowerCase();
  const form = [legalForm, ...variants].find(
    (spelling) => spelling && lower.endsWith(` ${spelling.toLowerCase()}`),
  );
  return form ? customerName.slice(0, -form.length - 1) : customerName;
}

function salesforceChecksum(id15: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15.charAt(chunk * 5 + i))) bits |= 1 << i;
    suffix += alphabet.charAt(bits);
  }
  return suffix;
}

function expectSalesforceId(id: string, keyPrefix: string): void {
  expect(id).toMatch(/^[0-9A-Za-z]{18}$/);
  expect(id.slice(0, 3)).toBe(keyPrefix);
  expect(id.slice(15)).toBe(salesforceChecksum(id.slice(0, 15)));
}

function share(part: number, whole: number): number {
  return part / whole;
}

describe('generateAccounts', () => {
  it('is deterministic: the same seed gives the same accounts, another seed others', () => {
    const first = generateAccounts(3_000, 'determinism');
    expect(generateAccounts(3_000, 'determinism')).toEqual(first);
    const other = generateAccounts(3_000, 'determinism-2');
    const differing = other.filter((account, index) => account.name !== first[index]?.name).length;
    expect(differing).toBeGreaterThan(2_900);
  });

  it('extends a smaller run with the same first accounts', () => {
    expect(generateAccounts(500, 'test')).toEqual(accounts.slice(0, 500));
  });

  it('makes 18-character Account ids that are unique', () => {
    for (const account of accounts.slice(0, 2_000)) expectSalesforceId(account.id, '001');
    expect(new Set(accounts.map((account) => account.id)).size).toBe(accounts.length);
  });

  it('spreads accounts over at least 15 countries, the US the largest', () => {
    const byCountry = new Map<string, number>();
    for (const account of accounts) byCountry.set(account.country, (byCountry.get(account.country) ?? 0) + 1);
    expect(byCountry.size).toBeGreaterThanOrEqual(15);
    for (const code of byCountry.keys()) expect(code).toMatch(/^[A-Z]{2}$/);
    const largest = [...byCountry].sort((a, b) => b[1] - a[1])[0];
    expect(largest?.[0]).toBe('US');
    expect(share(largest?.[1] ?? 0, accounts.length)).toBeGreaterThan(0.2);
    expect(share(largest?.[1] ?? 0, accounts.length)).toBeLessThan(0.4);
  });

  it('never gives two accounts of one country the same core name', () => {
    const seen = new Set<string>();
    for (const account of accounts) {
      const key = `${account.country}|${simpleCoreName(account)}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('lets core names repeat across countries and share words, as real names do', () => {
    const countriesByCore = new Map<string, Set<string>>();
    for (const account of accounts) {
      const core = simpleCoreName(account);
      countriesByCore.set(core, (countriesByCore.get(core) ?? new Set()).add(account.country));
    }
    expect([...countriesByCore.values()].some((countries) => countries.size > 1)).toBe(true);
    const firstWords = new Map<string, number>();
    for (const core of countriesByCore.keys()) {
      const word = core.split(' ')[0] ?? '';
      firstWords.set(word, (firstWords.get(word) ?? 0) + 1);
    }
    expect(Math.max(...firstWords.values())).toBeGreaterThan(20);
  });

  it('never gives two accounts the same registrable domain', () => {
    const domains = accounts.map((account) => registrableDomain(account.website));
    expect(new Set(domains).size).toBe(accounts.length);
    for (const domain of domains.slice(0, 2_000))
      expect(domain).toMatch(/^[a-z0-9][a-z0-9-]*(\.[a-z]{2,6}){1,2}$/);
  });

  it('derives the website from the name', () => {
    const related = accounts.filter((account) => {
      const label = registrableDomain(account.website).split('.')[0] ?? '';
      const firstWord = simpleCoreName(account).split(' ')[0] ?? '';
      return label.replace(/-/g, '').startsWith(firstWord.slice(0, 2));
    });
    expect(share(related.length, accounts.length)).toBeGreaterThan(0.8);
  });

  it('gives legal forms by country, and keeps some names without one', () => {
    const withForm = accounts.filter(
      (account) => splitLegalForm(account.name, account.country).legalForm !== null,
    );
    expect(share(withForm.length, accounts.length)).toBeGreaterThan(0.8);
    expect(share(withForm.length, accounts.length)).toBeLessThan(0.97);
    const formsOf = (country: string) =>
      new Set(
        accounts.filter((a) => a.country === country).map((a) => splitLegalForm(a.name, a.country).legalForm),
      );
    expect(formsOf('DE')).toContain('GmbH');
    expect(formsOf('GB')).toContain('Ltd');
    expect(formsOf('AU')).toContain('Pty Ltd');
    expect(formsOf('US')).not.toContain('GmbH');
  });

  it('uses accents where the language has them, and acronym-ready names of three words or more', () => {
    expect(accounts.some((account) => /[éüøåñç]/.test(account.name))).toBe(true);
    const long = accounts.filter(
      (account) => splitLegalForm(account.name, account.country).core.split(' ').length >= 3,
    );
    expect(share(long.length, accounts.length)).toBeGreaterThan(0.15);
  });

  it('rejects a negative count', () => {
    expect(() => generateAccounts(-1, 'test')).toThrow();
  });
});

describe('generateRegistrations', () => {
  it('is deterministic: the same seed gives the same registrations, another seed others', () => {
    const few = accounts.slice(0, 3_000);
    const first = generateRegistrations(few, 2_000, 'determinism');
    expect(generateRegistrations(few, 2_000, 'determinism')).toEqual(first);
    const other = generateRegistrations(few, 2_000, 'determinism-2');
    const differing = other.filter(
      (generated, index) => generated.registration.customerName !== first[index]?.registration.customerName,
    );
    expect(differing.length).toBeGreaterThan(1_900);
  });

  it('has the shape the engine reads, with unique registration ids in order of submission', () => {
    const asEngineRegistration: Registration = registrations[0]?.registration as Registration;
    expect(asEngineRegistration.status).toBe('Submitted');
    for (const { registration } of registrations.slice(0, 2_000)) {
      expectSalesforceId(registration.id, 'a01');
      expectSalesforceId(registration.partnerAccountId, '001');
      expect(registration.customerName.length).toBeGreaterThan(0);
      expect(['Security', 'Networking', 'Cloud', 'Analytics', 'Collaboration']).toContain(
        registration.productFamily,
      );
    }
    expect(new Set(registrations.map((generated) => generated.registration.id)).size).toBe(
      REGISTRATION_COUNT,
    );
    const times = registrations.map((generated) => generated.registration.submittedAt);
    expect([...times].sort()).toEqual(times);
  });

  it('submits within one quarter of 2026, as ISO date-times', () => {
    const outside = registrations
      .map((generated) => generated.registration.submittedAt)
      .filter(
        (time) =>
          new Date(time).toISOString() !== time ||
          time < '2026-01-01T00:00:00.000Z' ||
          time >= '2026-04-01T00:00:00.000Z',
      );
    expect(outside).toEqual([]);
  });

  it('estimates amounts between 5,000 and 2,000,000, rounded, most of them small', () => {
    const amounts = registrations.map((generated) => generated.registration.estimatedAmount);
    expect(amounts.filter((amount) => amount < 5_000 || amount > 2_000_000 || amount % 100 !== 0)).toEqual(
      [],
    );
    const sorted = [...amounts].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(20_000);
    expect(median).toBeLessThan(100_000);
    expect(sorted[sorted.length - 1]).toBeGreaterThan(500_000);
  });

  it('registers from a pool of 200 partners that are not customers, or from the partners given', () => {
    const partners = new Set(registrations.map((generated) => generated.registration.partnerAccountId));
    expect(partners.size).toBeGreaterThan(100);
    expect(partners.size).toBeLessThanOrEqual(200);
    for (const partner of partners) expect(accountsById.has(partner)).toBe(false);

    const given = ['001000000000001AAA', '001000000000002AAA'];
    const own = generateRegistrations(accounts.slice(0, 1_000), 200, 'partners', { partnerIds: given });
    expect(new Set(own.map((generated) => generated.registration.partnerAccountId))).toEqual(new Set(given));
  });

  it('refers to existing accounts, or to none for new customers in the share asked for', () => {
    const unknown = registrations.filter(
      ({ truthAccountId }) => truthAccountId !== null && !accountsById.has(truthAccountId),
    );
    expect(unknown).toEqual([]);
    const newOnes = registrations.filter((generated) => generated.truthAccountId === null).length;
    expect(share(newOnes, REGISTRATION_COUNT)).toBeCloseTo(0.1, 2);

    const more = generateRegistrations(accounts, 2_000, 'share', { newCustomerShare: 0.3 });
    expect(share(more.filter((generated) => generated.truthAccountId === null).length, 2_000)).toBeCloseTo(
      0.3,
      2,
    );
    const none = generateRegistrations(accounts, 500, 'share', { newCustomerShare: 0 });
    expect(none.every((generated) => generated.truthAccountId !== null)).toBe(true);
  });

  it('picks the accounts it refers to uniformly', () => {
    const referred = registrations.flatMap((generated) =>
      generated.truthAccountId ? [generated.truthAccountId] : [],
    );
    const firstHalf = referred.filter(
      (id) => (accountsById.get(id)?.id ?? '') < (accounts[ACCOUNT_COUNT / 2]?.id ?? ''),
    );
    expect(share(firstHalf.length, referred.length)).toBeGreaterThan(0.45);
    expect(share(firstHalf.length, referred.length)).toBeLessThan(0.55);
  });

  it('makes new customers that are not among the accounts', () => {
    const accountDomains = new Set(accounts.map((account) => registrableDomain(account.website)));
    const accountCores = new Set(accounts.map((account) => `${account.country}|${simpleCoreName(account)}`));
    const newOnes = registrations.filter((generated) => generated.truthAccountId === null);
    let namesChecked = 0;
    for (const { registration, noise } of newOnes) {
      if (registration.customerDomain !== null && !noise.includes('freeMail')) {
        // Neither the host nor any domain it is a subdomain of belongs to an account.
        const labels = hostOf(registration.customerDomain).split('.');
        for (let i = 0; i < labels.length - 1; i++)
          expect(accountDomains.has(labels.slice(i).join('.'))).toBe(false);
      }
      const country = registration.customerCountry;
      if (country !== null && /^[A-Z]{2}$/.test(country) && noise.every((kind) => CONTACT_NOISE.has(kind))) {
        const candidate = { id: '', name: registration.customerName, website: '', country };
        expect(accountCores.has(`${country}|${simpleCoreName(candidate)}`)).toBe(false);
        namesChecked++;
      }
    }
    expect(namesChecked).toBeGreaterThan(100);
  });

  it("gives the truth account's own registrable domain whenever a company domain is given", () => {
    let checked = 0;
    for (const { registration, truthAccountId, noise } of registrations) {
      const truth = truthAccountId === null ? undefined : accountsById.get(truthAccountId);
      if (!truth || registration.customerDomain === null) continue;
      const host = hostOf(registration.customerDomain);
      const domain = registrableDomain(truth.website);
      if (noise.includes('freeMail')) {
        expect(host.endsWith(domain)).toBe(false);
        continue;
      }
      expect(host === domain || host.endsWith(`.${domain}`)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(REGISTRATION_COUNT / 2);
  });

  it('gives no domain, a free-mail address or no country exactly when the noise says so', () => {
    const wrong = registrations.filter(({ registration, noise, truthAccountId }) => {
      const { customerDomain, customerCountry } = registration;
      const isEmail = customerDomain?.includes('@') ?? false;
      // A name may be two letters too ("UK"), but never the account's code.
      const code = truthAccountId === null ? undefined : accountsById.get(truthAccountId)?.country;
      const countryAsCode =
        code === undefined ? /^[A-Z]{2}$/.test(customerCountry ?? '') : customerCountry === code;
      return (
        (customerDomain === null) !== noise.includes('noDomain') ||
        (customerCountry === null) !== noise.includes('noCountry') ||
        isEmail !== (noise.includes('freeMail') || noise.includes('emailDomain')) ||
        (customerCountry !== null && !noise.includes('countryName') && !countryAsCode) ||
        (code !== undefined && noise.includes('countryName') && countryAsCode)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('applies one to three kinds of noise, each kind somewhere, never an acronym with a typo', () => {
    const counts = new Map<NoiseKind, number>();
    for (const { noise } of registrations)
      for (const kind of noise) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    const wrong = registrations.filter(
      ({ noise }) =>
        noise.length < 1 ||
        noise.length > 3 ||
        new Set(noise).size !== noise.length ||
        (noise.includes('acronym') && noise.includes('typo')),
    );
    expect(wrong).toEqual([]);
    for (const kind of ALL_NOISE_KINDS) expect(counts.get(kind) ?? 0).toBeGreaterThan(50);
    const mostCommon = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(mostCommon).toBe('droppedLegalForm');
  });

  it('leaves the name as the account has it when the noise is elsewhere', () => {
    const clean = registrations.filter(
      (generated): generated is GeneratedRegistration & { truthAccountId: string } =>
        generated.truthAccountId !== null && generated.noise.every((kind) => CONTACT_NOISE.has(kind)),
    );
    expect(clean.length).toBeGreaterThan(1_000);
    for (const { registration, truthAccountId } of clean) {
      expect(registration.customerName).toBe(accountsById.get(truthAccountId)?.name);
    }
  });

  it("keeps the account's core-name key under all name noise but typos and acronyms", () => {
    const changed = registrations.filter(({ registration, truthAccountId, noise }) => {
      const truth = truthAccountId === null ? undefined : accountsById.get(truthAccountId);
      if (!truth || noise.includes('typo') || noise.includes('acronym')) return false;
      return (
        coreKey(noisyCore(registration.customerName, truth)) !==
        coreKey(splitLegalForm(truth.name, truth.country).core)
      );
    });
    expect(changed).toEqual([]);
  });

  it("never turns a name into another account's by a typo or an acronym", () => {
    const accountKeys = new Set(
      accounts.map((account) => coreKey(splitLegalForm(account.name, account.country).core)),
    );
    const clashes = registrations.filter(({ registration, truthAccountId, noise }) => {
      const truth = truthAccountId === null ? undefined : accountsById.get(truthAccountId);
      if (!truth || !(noise.includes('typo') || noise.includes('acronym'))) return false;
      return accountKeys.has(coreKey(noisyCore(registration.customerName, truth)));
    });
    expect(clashes).toEqual([]);
  });

  it('makes each kind of name noise the way its name says', () => {
    for (const { registration, truthAccountId, noise } of registrations) {
      const truth = truthAccountId === null ? undefined : accountsById.get(truthAccountId);
      if (!truth || noise.length !== 1) continue;
      const name = registration.customerName;
      const { core, legalForm } = splitLegalForm(truth.name, truth.country);
      switch (noise[0]) {
        case 'droppedLegalForm':
          expect(name).toBe(core);
          break;
        case 'changedLegalForm':
          expect(name.startsWith(`${core} `)).toBe(true);
          expect(name).not.toBe(truth.name);
          break;
        case 'case':
          expect([truth.name.toUpperCase(), truth.name.toLowerCase()]).toContain(name);
          break;
        case 'thePrefix':
          expect(name).toBe(`The ${truth.name}`);
          break;
        case 'acronym':
          expect(name.split(' ')[0]).toMatch(/^[A-Z]{3,}$/);
          break;
        case 'typo': {
          expect(name).not.toBe(truth.name);
          expect(Math.abs(name.length - truth.name.length)).toBeLessThanOrEqual(1);
          if (legalForm !== null) expect(name.endsWith(` ${legalForm}`)).toBe(true);
          break;
        }
        case 'wordOrder':
          expect(name.split(' ').sort()).toEqual(truth.name.split(' ').sort());
          expect(name).not.toBe(truth.name);
          break;
        case 'accents':
        case 'abbreviation':
          expect(name).not.toBe(truth.name);
          break;
        default:
          expect(name).toBe(truth.name);
      }
    }
  });

  it('works without accounts: every customer is new', () => {
    const alone = generateRegistrations([], 50, 'alone');
    expect(alone).toHaveLength(50);
    expect(alone.every((generated) => generated.truthAccountId === null)).toBe(true);
  });

  it('rejects a share outside 0..1 and an empty partner list', () => {
    expect(() => generateRegistrations(accounts, 10, 'bad', { newCustomerShare: 1.5 })).toThrow();
    expect(() => generateRegistrations(accounts, 10, 'bad', { partnerIds: [] })).toThrow();
  });
});
