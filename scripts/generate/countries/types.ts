import type { Language, Lexicon } from '../lexicon/types.ts';

export interface LegalForm {
  /** As it follows the name: "GmbH", "Pty Ltd", "S.A. de C.V.". */
  form: string;
  weight: number;
  /** Other spellings of the same form that people type: "G.m.b.H.", "Limited", "K.K.". */
  variants: readonly string[];
  /** Only names in these languages take this form (Swiss AG vs SA, Belgian BV vs SRL). */
  languages?: readonly Language[];
}

/** Adjectives that formal names start with: "Deutsche", "Bayerische", "Compagnie Française". */
export interface NameAdjectives {
  nation: readonly string[];
  regions: readonly string[];
}

export interface CountryProfile {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** Relative share of a global vendor's customer accounts. */
  weight: number;
  englishName: string;
  /** The country's name in its own languages, as a partner may type it instead of the code. */
  localNames: readonly string[];
  /** Naming traditions with their shares; the first one sets legal forms for English-style names. */
  languages: readonly (readonly [Lexicon, number])[];
  /** Share of names in a non-English tradition that are given in international English instead. */
  englishShare: number;
  /** Regions, rivers, cities and landmarks companies name themselves after: "Rhein", "Pacific". */
  places: readonly string[];
  adjectives: Partial<Record<Language, NameAdjectives>>;
  legalForms: readonly LegalForm[];
  /** Share of accounts recorded without any legal form. */
  noLegalFormShare: number;
  /** Top-level domains with their shares: ['de', 86], ['com', 11]. */
  tlds: readonly (readonly [string, number])[];
  /** Free e-mail providers people there use. */
  freeMail: readonly string[];
}
