import type { Random } from '../lib/random.ts';
import type { CountryProfile, LegalForm } from './countries/index.ts';
import { findCountryProfile } from './countries/index.ts';
import type { Language } from './lexicon/types.ts';
import { WeightedTable } from './weighted-table.ts';

/**
 * Legal forms: choosing one for a new account, and telling it apart from the core
 * name again when noise is applied to a registration.
 */

const tables = new WeakMap<CountryProfile, Map<Language, WeightedTable<LegalForm | null>>>();

/** A legal form for a name in `language`, or null for an account recorded without one. */
export function chooseLegalForm(
  random: Random,
  country: CountryProfile,
  language: Language,
): LegalForm | null {
  let byLanguage = tables.get(country);
  if (!byLanguage) {
    byLanguage = new Map();
    tables.set(country, byLanguage);
  }
  let table = byLanguage.get(language);
  if (!table) {
    table = buildTable(country, language);
    byLanguage.set(language, table);
  }
  return table.draw(random);
}

function buildTable(country: CountryProfile, language: Language): WeightedTable<LegalForm | null> {
  const fitsLanguage = (candidate: Language) =>
    country.legalForms.filter((form) => form.languages === undefined || form.languages.includes(candidate));
  // English-style names in Switzerland or Belgium take the forms of the country's first language.
  let forms = fitsLanguage(language);
  const primary = country.languages[0]?.[0].language;
  if (forms.length === 0 && primary !== undefined) forms = fitsLanguage(primary);
  const total = forms.reduce((sum, form) => sum + form.weight, 0);
  const noneWeight = (total * country.noLegalFormShare) / (1 - country.noLegalFormShare);
  return new WeightedTable<LegalForm | null>([
    ...forms.map((form) => [form, form.weight] as const),
    [null, noneWeight],
  ]);
}

export interface NameParts {
  /** The name without its legal form: "Blue Harbor Software". */
  core: string;
  /** As written in the name ("Inc."), or null. */
  legalForm: string | null;
  /** Other ways to write that legal form, for the changed-legal-form noise. */
  variants: readonly string[];
}

interface Spelling {
  text: string;
  variants: readonly string[];
}

const spellingsByCountry = new Map<string, ReadonlyMap<string, readonly Spelling[]>>();

/**
 * Every spelling of every legal form of the country, by its last word, longest first
 * so that "GmbH & Co. KG" wins over "KG". Countries the generator does not know have none.
 */
function spellingsByLastWord(countryCode: string): ReadonlyMap<string, readonly Spelling[]> {
  let byLastWord = spellingsByCountry.get(countryCode);
  if (!byLastWord) {
    const forms = findCountryProfile(countryCode)?.legalForms ?? [];
    // A form as accounts write it changes into its own variants ("AB" into "Aktiebolag",
    // not into "AB (publ)"); a variant into the other spellings of the forms it belongs to.
    const seen = new Map<string, Set<string>>();
    for (const form of forms) {
      const others = seen.get(form.form) ?? new Set<string>();
      for (const variant of form.variants) others.add(variant);
      seen.set(form.form, others);
    }
    const primary = new Set(seen.keys());
    for (const form of forms) {
      const spellings = [form.form, ...form.variants];
      for (const text of form.variants) {
        if (primary.has(text)) continue;
        const others = seen.get(text) ?? new Set<string>();
        for (const other of spellings) if (other !== text) others.add(other);
        seen.set(text, others);
      }
    }
    const grouped = new Map<string, Spelling[]>();
    for (const [text, others] of seen) {
      const group = grouped.get(lastWord(text)) ?? [];
      group.push({ text, variants: [...others] });
      grouped.set(lastWord(text), group);
    }
    for (const group of grouped.values()) group.sort((a, b) => b.text.length - a.text.length);
    byLastWord = grouped;
    spellingsByCountry.set(countryCode, byLastWord);
  }
  return byLastWord;
}

/** Splits an account name of the given country into core name and legal form. */
export function splitLegalForm(name: string, countryCode: string): NameParts {
  for (const spelling of spellingsByLastWord(countryCode).get(lastWord(name)) ?? []) {
    if (name.length > spelling.text.length + 1 && name.endsWith(' ' + spelling.text)) {
      return {
        core: name.slice(0, -spelling.text.length - 1),
        legalForm: spelling.text,
        variants: spelling.variants,
      };
    }
  }
  return { core: name, legalForm: null, variants: [] };
}

const legalWordsByCountry = new Map<string, ReadonlySet<string>>();

/**
 * True when a core name ends with a word that is also a legal form of the country,
 * so that the name could not be split back correctly ("Baker Co" in the US).
 */
export function endsLikeLegalForm(core: string, countryCode: string): boolean {
  let words = legalWordsByCountry.get(countryCode);
  if (!words) {
    // Core names are capitalized, so the written and the capitalized spellings are enough.
    words = new Set(
      [...spellingsByLastWord(countryCode).keys()].flatMap((last) => [
        last,
        last.charAt(0).toUpperCase() + last.slice(1).toLowerCase(),
      ]),
    );
    legalWordsByCountry.set(countryCode, words);
  }
  return words.has(lastWord(core));
}

function lastWord(text: string): string {
  return text.slice(text.lastIndexOf(' ') + 1);
}
