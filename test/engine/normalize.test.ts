import { readFileSync } from 'node:fs';
import { storedKey } from '../../cli/src/engine/normalize/company.ts';
import { COUNTRIES } from '../../cli/src/engine/normalize/countries.ts';
import { countryLookupKey } from '../../cli/src/engine/normalize/country.ts';
import { FREE_MAIL_DOMAINS } from '../../cli/src/engine/normalize/free-mail.ts';
import {
  companyNameKey,
  countryCode,
  customerDomainKey,
  domainLabel,
  foldText,
  isFreeMailDomain,
  normalizeCompanyName,
  registrableDomain,
} from '../../cli/src/engine/normalize/index.ts';
import { LEADING_LEGAL_FORMS, TRAILING_LEGAL_FORMS } from '../../cli/src/engine/normalize/legal-forms.ts';
import { MULTI_LABEL_PUBLIC_SUFFIXES } from '../../cli/src/engine/normalize/public-suffixes.ts';

interface VectorCase {
  id: string;
  description: string;
  function: string;
  input: string;
  expected: unknown;
}

interface VectorFile {
  suite: string;
  description: string;
  cases: VectorCase[];
}

const vectors = JSON.parse(
  readFileSync(new URL('../vectors/normalize.json', import.meta.url), 'utf8'),
) as VectorFile;

/** The functions a vector may name; `legalForm` reads the field of `normalizeCompanyName`. */
const FUNCTIONS: Readonly<Record<string, (input: string) => unknown>> = {
  companyNameKey,
  legalForm: (input) => normalizeCompanyName(input).legalForm,
  foldText,
  registrableDomain,
  customerDomainKey,
  isFreeMailDomain,
  domainLabel,
  countryCode,
};

describe('normalize vectors file', () => {
  test('is the normalize suite with at least 90 cases', () => {
    expect(vectors.suite).toBe('normalize');
    expect(vectors.cases.length).toBeGreaterThanOrEqual(90);
  });

  test('has unique ids', () => {
    const ids = vectors.cases.map((vector) => vector.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('names only known functions and gives every case a description', () => {
    const unknown = vectors.cases.filter((vector) => !Object.hasOwn(FUNCTIONS, vector.function));
    expect(unknown).toEqual([]);
    const undescribed = vectors.cases.filter((vector) => vector.description.trim() === '');
    expect(undescribed).toEqual([]);
  });

  test('covers every function', () => {
    const covered = new Set(vectors.cases.map((vector) => vector.function));
    expect([...covered].sort()).toEqual(Object.keys(FUNCTIONS).sort());
  });
});

describe('normalize vectors', () => {
  test.each(vectors.cases.map((vector) => [`${vector.id}: ${vector.description}`, vector] as const))(
    '%s',
    (_title, vector) => {
      const run = FUNCTIONS[vector.function];
      if (run === undefined) throw new Error(`unknown function ${vector.function}`);
      expect(run(vector.input)).toEqual(vector.expected);
    },
  );
});

describe('normalizeCompanyName', () => {
  const companyInputs = vectors.cases
    .filter((vector) => vector.function === 'companyNameKey')
    .map((vector) => vector.input);

  test.each(companyInputs)('key of %j is its tokens joined, and companyNameKey agrees', (input) => {
    const normalized = normalizeCompanyName(input);
    expect(normalized.key).toBe(normalized.tokens.join(' '));
    // companyNameKey is the stored key: the same, cut to the 255 characters of the key fields.
    expect(companyNameKey(input)).toBe(storedKey(normalized.key));
  });

  test.each(companyInputs)('key of %j normalizes to itself', (input) => {
    const key = companyNameKey(input);
    expect(companyNameKey(key)).toBe(key);
  });

  const trailingSpellings = TRAILING_LEGAL_FORMS.flatMap((form) =>
    form.spellings.map((spelling) => [spelling, form.code] as const),
  );
  test.each(trailingSpellings)('trailing form %j is stripped as %j', (spelling, code) => {
    expect(normalizeCompanyName(`Acme Widgets ${spelling}`)).toEqual({
      key: 'acme widgets',
      tokens: ['acme', 'widgets'],
      legalForm: code,
    });
  });

  const leadingSpellings = LEADING_LEGAL_FORMS.flatMap((form) =>
    form.spellings.map((spelling) => [spelling, form.code] as const),
  );
  test.each(leadingSpellings)('leading form %j is stripped as %j', (spelling, code) => {
    expect(normalizeCompanyName(`${spelling} Acme Widgets`)).toEqual({
      key: 'acme widgets',
      tokens: ['acme', 'widgets'],
      legalForm: code,
    });
  });
});

describe('registrableDomain', () => {
  test.each([...MULTI_LABEL_PUBLIC_SUFFIXES])(
    '%s is a public suffix, and acme under it is registrable',
    (suffix) => {
      expect(registrableDomain(suffix)).toBeNull();
      expect(registrableDomain(`www.acme.${suffix}`)).toBe(`acme.${suffix}`);
      expect(domainLabel(`acme.${suffix}`)).toBe('acme');
    },
  );
});

describe('free-mail domains', () => {
  test.each([...FREE_MAIL_DOMAINS])('%s is listed as a registrable domain and is free mail', (domain) => {
    expect(registrableDomain(domain)).toBe(domain);
    expect(isFreeMailDomain(`mx1.${domain}`)).toBe(true);
    expect(customerDomainKey(`someone@${domain}`)).toBeNull();
  });
});

describe('countryCode over ISO 3166-1', () => {
  test('lists all 249 countries once each', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((country) => country.alpha2)).size).toBe(249);
    expect(new Set(COUNTRIES.map((country) => country.alpha3)).size).toBe(249);
  });

  test.each(COUNTRIES.map((country) => [country.alpha2, country] as const))(
    '%s resolves from its alpha-2, alpha-3, name and every alias',
    (alpha2, country) => {
      const spellings = [
        alpha2,
        alpha2.toLowerCase(),
        country.alpha3,
        country.alpha3.toLowerCase(),
        country.name,
        country.name.toUpperCase(),
        ...country.aliases,
      ];
      const resolved = spellings.map((spelling) => [spelling, countryCode(spelling)]);
      expect(resolved).toEqual(spellings.map((spelling) => [spelling, alpha2]));
    },
  );

  // countryCode looks raw values up before folding them; that is only right
  // if folding leaves every lookup key as it is.
  test('lookup keys are stable under countryLookupKey', () => {
    const keys = COUNTRIES.flatMap((country) => [country.name, ...country.aliases]).map(countryLookupKey);
    expect(keys.filter((key) => countryLookupKey(key) !== key)).toEqual([]);
  });
});
