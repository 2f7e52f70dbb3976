import type { CountryProfile } from '../countries/index.ts';
import { COUNTRIES } from '../countries/index.ts';
import { foldAccents, hasNonAscii } from '../text.ts';

/**
 * Accents stripped from a name, or put back: a CRM may hold "Muller Haustechnik" while
 * the partner types "Müller Haustechnik", and the other way round.
 */

/**
 * For each country, lower-case folded word -> the word with its accents, from the word
 * lists of its own languages (Italian "Logistica" must not become Spanish "Logística").
 */
const ACCENTED_WORDS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(
  COUNTRIES.map((country) => [country.code, accentedWords(country)]),
);

function accentedWords(country: CountryProfile): Map<string, string> {
  const accented = new Map<string, string>();
  const texts = [
    ...country.places,
    ...country.localNames,
    ...Object.values(country.adjectives).flatMap((adjectives) => [
      ...adjectives.nation,
      ...adjectives.regions,
    ]),
    ...country.languages.flatMap(([lexicon]) => [
      ...lexicon.surnames,
      ...lexicon.trades,
      ...lexicon.familyTemplates,
      ...lexicon.institutional.flat(2),
      ...(lexicon.surnameParts ?? []).flatMap((parts) => parts.endings),
    ]),
  ];
  for (const text of texts) {
    for (const word of text.split(' ')) {
      if (hasNonAscii(word)) accented.set(foldAccents(word).toLowerCase(), word.toLowerCase());
    }
  }
  return accented;
}

/**
 * The name with its accents stripped, or added back where the country's word lists know
 * them; null if neither changes it.
 */
export function toggleAccents(text: string, countryCode: string): string | null {
  if (hasNonAscii(text)) return foldAccents(text);
  const known = ACCENTED_WORDS.get(countryCode);
  if (!known) return null;
  const words = text.split(' ');
  let changed = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const accented = known.get(word.toLowerCase());
    if (accented === undefined) continue;
    words[i] = matchCase(accented, word);
    changed = true;
  }
  return changed ? words.join(' ') : null;
}

/** `accented` with the capitalization of `model` ("müller", "Muller" -> "Müller"). */
function matchCase(accented: string, model: string): string {
  if (model === model.toUpperCase()) return accented.toUpperCase();
  if (model.charAt(0) === model.charAt(0).toUpperCase())
    return accented.charAt(0).toUpperCase() + accented.slice(1);
  return accented;
}

export function canToggleAccents(text: string, countryCode: string): boolean {
  return toggleAccents(text, countryCode) !== null;
}
