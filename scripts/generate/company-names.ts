import type { Random } from '../lib/random.ts';
import type { CountryProfile } from './countries/index.ts';
import {
  brandHeads,
  brandMiddles,
  brandTails,
  descriptors,
  english,
  groupWords,
  nouns,
} from './lexicon/english.ts';
import type { Language, Lexicon, LocalPattern, Slot } from './lexicon/types.ts';
import { capitalize } from './text.ts';
import { pickCommon, WeightedTable } from './weighted-table.ts';

/**
 * Core company names (without legal form) with the flavour of a country: "Müller &
 * Söhne", "Transports Martin", "Tanaka Seiki", "Blue Harbor Software", "Société
 * Générale de Transports". Uniqueness is the caller's business.
 */

export interface CoreName {
  /** The core name's words as chosen; one may hold spaces ("Van der Merwe", "de Transports"). */
  words: string[];
  /** The naming tradition the name was built in; it decides legal form and domain spelling. */
  language: Language;
}

/**
 * 'local': the country's own words ("Schmidt Logistik"); 'english': an English-speaking
 * country's names, brand-style ones included; 'international': the English brand names
 * companies everywhere choose ("Nordic Freight", "Hansen Software").
 */
type Style = 'local' | 'english' | 'international';

type Pattern = LocalPattern | 'descriptive';

const BASE_WEIGHTS: Readonly<Record<Style, Readonly<Record<Pattern, number>>>> = {
  local: {
    surnameTrade: 45,
    surnamePair: 10,
    family: 10,
    placeTrade: 14,
    institutional: 10,
    brand: 8,
    descriptive: 0,
  },
  english: {
    surnameTrade: 16,
    surnamePair: 7,
    family: 4,
    placeTrade: 10,
    institutional: 7,
    brand: 20,
    descriptive: 36,
  },
  international: {
    surnameTrade: 15,
    surnamePair: 0,
    family: 0,
    placeTrade: 15,
    institutional: 0,
    brand: 25,
    descriptive: 45,
  },
};

const patternTables = new WeakMap<Lexicon, Map<Style, WeightedTable<Pattern>>>();

function patternTable(style: Style, lexicon: Lexicon): WeightedTable<Pattern> {
  let byStyle = patternTables.get(lexicon);
  if (!byStyle) {
    byStyle = new Map();
    patternTables.set(lexicon, byStyle);
  }
  let table = byStyle.get(style);
  if (!table) {
    const weights = { ...BASE_WEIGHTS[style], ...(style === 'local' ? lexicon.patternWeights : {}) };
    table = new WeightedTable(Object.entries(weights) as [Pattern, number][]);
    byStyle.set(style, table);
  }
  return table;
}

const languageTables = new WeakMap<CountryProfile, WeightedTable<Lexicon>>();

function languageTable(country: CountryProfile): WeightedTable<Lexicon> {
  let table = languageTables.get(country);
  if (!table) {
    table = new WeightedTable(country.languages);
    languageTables.set(country, table);
  }
  return table;
}

/** One of the country's naming traditions, by their shares. */
export function drawLexicon(random: Random, country: CountryProfile): Lexicon {
  return languageTable(country).draw(random);
}

export function generateCoreName(random: Random, country: CountryProfile): CoreName {
  const lexicon = drawLexicon(random, country);
  const style: Style =
    lexicon.language === 'en' ? 'english' : random.chance(country.englishShare) ? 'international' : 'local';
  const pattern = patternTable(style, lexicon).draw(random);
  const words = buildName(pattern, random, country, lexicon, style);
  return { words, language: style === 'international' ? 'en' : lexicon.language };
}

function buildName(
  pattern: Pattern,
  random: Random,
  country: CountryProfile,
  lexicon: Lexicon,
  style: Style,
): string[] {
  const trades = style === 'international' ? english.trades : lexicon.trades;
  const tradeFirst = style === 'local' && random.chance(lexicon.tradeFirst);
  switch (pattern) {
    case 'surnameTrade': {
      const name = tradeFirst
        ? [random.pick(trades), surname(random, lexicon)]
        : [surname(random, lexicon), random.pick(trades)];
      if (style !== 'local' && random.chance(0.15)) name.push(random.pick(groupWords));
      return name;
    }
    case 'surnamePair':
      return surnamePair(random, lexicon, trades);
    case 'family': {
      const family = random.pick(lexicon.familyTemplates).replace('{s}', surname(random, lexicon));
      return random.chance(0.4) ? [family, random.pick(trades)] : [family];
    }
    case 'placeTrade': {
      const place = random.pick(country.places);
      const trade = random.pick(trades);
      return tradeFirst ? [trade, place] : [place, trade];
    }
    case 'institutional': {
      const templates = style === 'english' ? english.institutional : lexicon.institutional;
      const template = random.pick(templates);
      const language = style === 'english' ? 'en' : lexicon.language;
      return template.map((slot) => fillSlot(random, slot, country, language, lexicon));
    }
    case 'brand':
      return brand(random, trades);
    case 'descriptive':
      return descriptive(random, country);
  }
}

/** A surname: a common one from the list, or one of the long tail built from parts. */
function surname(random: Random, lexicon: Lexicon): string {
  const parts = lexicon.surnameParts;
  let name: string;
  if (parts && random.chance(lexicon.surnamePartsShare ?? 0)) {
    const { stems, endings } = random.pick(parts);
    const stem = random.pick(stems);
    const ending = random.pick(endings);
    // "Van der " + "Veen" and "Saint-" + "Martin", but "Ver" + "hoek": an ending joined
    // straight to a stem continues its word.
    name = stem.endsWith(' ') || stem.endsWith('-') ? stem + capitalize(ending) : stem + ending.toLowerCase();
  } else {
    name = pickCommon(random, lexicon.surnames);
  }
  if (random.chance(lexicon.doubleSurnameShare ?? 0)) {
    const second = pickCommon(random, lexicon.surnames);
    if (second !== name) name = [name, second].join(' ');
  }
  return name;
}

function surnamePair(random: Random, lexicon: Lexicon, trades: readonly string[]): string[] {
  const first = surname(random, lexicon);
  let second = surname(random, lexicon);
  while (second === first) second = random.pick(lexicon.surnames);
  const pair = [first, random.chance(0.65) ? '&' : lexicon.and, second];
  if (random.chance(0.4)) pair.push(random.pick(trades));
  return pair;
}

function brand(random: Random, trades: readonly string[]): string[] {
  const middle = random.chance(0.55) ? random.pick(brandMiddles) : '';
  const word = capitalize(random.pick(brandHeads) + middle + random.pick(brandTails));
  const roll = random.next();
  if (roll < 0.25) return [word];
  return [word, roll < 0.8 ? random.pick(trades) : random.pick(groupWords)];
}

function descriptive(random: Random, country: CountryProfile): string[] {
  const roll = random.next();
  const noun = random.pick(nouns);
  const trade = random.pick(english.trades);
  // The short forms ("Summit", "Apex Group") are few, so they fill up first, as in real data.
  if (roll < 0.38) return [random.pick(descriptors), noun, trade];
  if (roll < 0.5) return [noun, trade];
  if (roll < 0.56) return [random.pick(descriptors), noun];
  if (roll < 0.72) return [noun, trade, random.pick(groupWords)];
  if (roll < 0.735) return [noun];
  if (roll < 0.765) return [noun, random.pick(groupWords)];
  if (roll < 0.81) return [random.pick(country.places), noun];
  if (roll < 0.88) return [random.pick(country.places), noun, trade];
  if (roll < 0.94) return [random.pick(descriptors), noun, random.pick(groupWords)];
  const second = random.pick(nouns);
  return second === noun ? [noun, trade] : [noun, second];
}

/** One word of a formal name; placeholders the country cannot fill fall back to a plain option. */
function fillSlot(
  random: Random,
  slot: Slot,
  country: CountryProfile,
  language: Language,
  lexicon: Lexicon,
): string {
  for (let attempt = 0; attempt < 4; attempt++) {
    const option = random.pick(slot);
    const filled = fillPlaceholder(random, option, country, language, lexicon);
    if (filled !== null) return filled;
  }
  const plain = slot.find((option) => !option.startsWith('{'));
  return plain ?? random.pick(country.places);
}

function fillPlaceholder(
  random: Random,
  option: string,
  country: CountryProfile,
  language: Language,
  lexicon: Lexicon,
): string | null {
  switch (option) {
    case '{nation}':
      return pickOrNull(random, country.adjectives[language]?.nation);
    case '{region}':
      return pickOrNull(random, country.adjectives[language]?.regions);
    case '{place}':
      return random.pick(country.places);
    case '{surname}':
      return surname(random, lexicon);
    default:
      return option;
  }
}

function pickOrNull(random: Random, items: readonly string[] | undefined): string | null {
  return items && items.length > 0 ? random.pick(items) : null;
}
