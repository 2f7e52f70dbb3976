import type { Random } from '../lib/random.ts';
import { generateCoreName } from './company-names.ts';
import type { CountryProfile } from './countries/index.ts';
import { COUNTRIES } from './countries/index.ts';
import { coreKeyHashOfWords } from './core-key.ts';
import { addHashes, HashSet, hashString } from './hashing.ts';
import { chooseLegalForm, endsLikeLegalForm } from './legal-forms.ts';
import { foldAccents, hasNonAscii } from './text.ts';
import { WeightedTable } from './weighted-table.ts';
import { WebsiteMaker } from './websites.ts';

/**
 * Makes companies (name, website, country) that are unique the way the benchmark needs:
 * no two share a core-name key in one country, none shares a registrable domain with
 * another, and none has a key in `forbiddenKeys` (the existing accounts, when making
 * customers that must not be among them).
 */

export interface Company {
  name: string;
  website: string;
  country: string;
}

/** Share of accounts with accented names that the CRM holds without the accents. */
const STORED_WITHOUT_ACCENTS = 0.15;
/** Draws per company before giving up; the name space is orders of magnitude larger than needed. */
const MAX_ATTEMPTS = 200;

const countryTable = new WeightedTable(COUNTRIES.map((country) => [country, country.weight] as const));
/** Added to a key hash to make it a key within one country. */
const COUNTRY_HASH = new Map(COUNTRIES.map((country) => [country, hashString(`|${country.code}`)]));

export class CompanyFactory {
  private readonly random: Random;
  private readonly websites: WebsiteMaker;
  /** Key hashes, within their country, of every company made here. */
  private readonly takenKeys: HashSet;
  private readonly forbiddenKeys: HashSet | null;

  /**
   * @param usedDomains hashes of the registrable domains nobody may take; the factory adds the ones it hands out.
   * @param forbiddenKeys key hashes no company may have, in any country.
   * @param expectedCount how many companies will be made (sizes the key table once).
   */
  constructor(random: Random, usedDomains: HashSet, forbiddenKeys: HashSet | null, expectedCount: number) {
    this.random = random;
    this.websites = new WebsiteMaker(random, usedDomains);
    this.forbiddenKeys = forbiddenKeys;
    this.takenKeys = new HashSet(expectedCount);
  }

  /** @param serial unique per company made with these used domains; a last resort for domain uniqueness. */
  create(serial: number): Company {
    const random = this.random;
    const country = countryTable.draw(random);
    const countryHash = COUNTRY_HASH.get(country) ?? 0;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { words, language } = generateCoreName(random, country);
      const key = coreKeyHashOfWords(words);
      if (this.forbiddenKeys?.has(key)) continue;
      if (endsLikeLegalForm(words[words.length - 1] ?? '', country.code)) continue;
      if (!this.takenKeys.addIfAbsent(addHashes(key, countryHash))) continue;

      const website = this.websites.create(words, language, country, serial);
      const legalForm = chooseLegalForm(random, country, language);
      const core = words.join(' ');
      const storedCore =
        hasNonAscii(core) && random.chance(STORED_WITHOUT_ACCENTS) ? foldAccents(core) : core;
      // Joined, not concatenated: see formatWebsite().
      const name = legalForm ? [storedCore, legalForm.form].join(' ') : storedCore;
      return { name, website, country: country.code };
    }
    throw new Error(
      `could not find a new company name in ${describe(country)} after ${MAX_ATTEMPTS} attempts`,
    );
  }
}

function describe(country: CountryProfile): string {
  return `${country.englishName} (${country.code})`;
}
