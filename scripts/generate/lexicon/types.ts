/**
 * A naming tradition: the words a country's companies are named with in one language.
 */

export type Language =
  | 'en'
  | 'de'
  | 'fr'
  | 'es'
  | 'it'
  | 'pt'
  | 'nl'
  | 'sv'
  | 'no'
  | 'da'
  | 'fi'
  | 'pl'
  | 'ja'
  | 'hi'
  | 'zh'
  | 'af';

/** How a local company name is put together; see company-names.ts. */
export type LocalPattern =
  'surnameTrade' | 'surnamePair' | 'family' | 'placeTrade' | 'institutional' | 'brand';

/**
 * One slot of a formal, multi-word name: the options for that word. An option may be a
 * placeholder filled from the country: '{nation}' ("Deutsche"), '{region}' ("Bayerische"),
 * '{place}' ("Osaka") or '{surname}'.
 */
export type Slot = readonly string[];

export interface SurnameParts {
  stems: readonly string[];
  endings: readonly string[];
}

export interface Lexicon {
  language: Language;
  /** The language's "and" between two surnames: "Baker and Hughes", "Müller und Schmidt". */
  and: string;
  /** Ordered roughly from most to least common: picks favour the front of the list. */
  surnames: readonly string[];
  /**
   * How the language builds further surnames ("Rosen" + "berger", "Yama" + "moto", "Van der"
   * + " Veen"), so that a million accounts meet the long tail of rare surnames real data has.
   * Stems and endings are joined as written.
   */
  surnameParts?: readonly SurnameParts[];
  /** Share of surnames built from parts rather than taken from the list. */
  surnamePartsShare?: number;
  /** Share of surnames that are two surnames, as Spanish and Portuguese names are. */
  doubleSurnameShare?: number;
  /** First names, for the people whose e-mail addresses partners type in. */
  givenNames: readonly string[];
  /** Trades and industries in the language: "Logistik", "Transports", "Seiki". */
  trades: readonly string[];
  /** Share of surname + trade names that put the trade first ("Transports Martin"). */
  tradeFirst: number;
  /** '{s}' stands for a surname: "{s} & Söhne", "Fratelli {s}". */
  familyTemplates: readonly string[];
  /** Formal names of three or more words, the kind people shorten to an acronym. */
  institutional: readonly (readonly Slot[])[];
  /** Patterns this tradition uses more or less than usual (a weight of 0 turns one off). */
  patternWeights?: Partial<Record<LocalPattern, number>>;
}
