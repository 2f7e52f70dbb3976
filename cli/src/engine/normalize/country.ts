/**
 * Country fields hold codes and names in any language and any case; the engine
 * compares ISO 3166-1 alpha-2 codes, the values of Salesforce's country
 * picklists.
 */
import { COUNTRIES } from './countries.ts';
import { foldText } from './text.ts';

/** Dots and apostrophes vanish so that "U.S.A." is "usa" and "Côte d'Ivoire" is "cote divoire". */
const JOINING_PUNCTUATION = /['’‘`´ʼ.]/g;
const AMPERSAND = /&/g;
/** Any other punctuation separates words: "Korea, Republic of", "Guinea-Bissau", "Congo (Kinshasa)". */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Abbreviations people write for words of country names ("St. Lucia", "Congo, Dem. Rep."). */
export const WORD_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['st', 'saint'],
  ['rep', 'republic'],
  ['dem', 'democratic'],
]);

/**
 * The form in which country names and codes are compared: folded, without
 * punctuation, "&" read as "and", a leading or trailing "the" dropped
 * ("The Netherlands", "Gambia, The"), common abbreviations spelled out.
 */
export function countryLookupKey(raw: string): string {
  const words = foldText(raw)
    .replace(JOINING_PUNCTUATION, '')
    .replace(AMPERSAND, ' and ')
    .replace(SEPARATORS, ' ')
    .trim()
    .split(' ');
  // A word alone is a code, not an abbreviation: "ST" is São Tomé and Príncipe.
  if (words.length === 1) return words[0] ?? '';
  if (words[0] === 'the') words.shift();
  if (words.length > 1 && words[words.length - 1] === 'the') words.pop();
  return words.map((word) => WORD_SPELLINGS.get(word) ?? word).join(' ');
}

const ALPHA2_BY_KEY: ReadonlyMap<string, string> = buildLookup();

/** Every lookup key (names, aliases, codes) with its alpha-2 code: the table the Apex mirror is generated from. */
export function countryLookupTable(): ReadonlyMap<string, string> {
  return ALPHA2_BY_KEY;
}

function buildLookup(): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const country of COUNTRIES) {
    for (const spelling of [country.name, ...country.aliases]) {
      lookup.set(countryLookupKey(spelling), country.alpha2);
    }
  }
  // Codes last: an ISO code always means its country, whatever a name might spell.
  for (const country of COUNTRIES) {
    lookup.set(country.alpha2.toLowerCase(), country.alpha2);
    lookup.set(country.alpha3.toLowerCase(), country.alpha2);
  }
  return lookup;
}

/**
 * The ISO 3166-1 alpha-2 code (uppercase) for a country code or name:
 * "de", "DEU", "Germany", "Deutschland" → "DE"; "UK", "England" → "GB".
 * Null when empty or unknown.
 */
export function countryCode(raw: string): string | null {
  // Most values are already a code or a plain name ("DE", "Germany"), and a
  // lookup key is never changed by `countryLookupKey`, so try them as they are.
  const direct = ALPHA2_BY_KEY.get(raw.toLowerCase());
  if (direct !== undefined) return direct;
  const key = countryLookupKey(raw);
  if (key === '') return null;
  return ALPHA2_BY_KEY.get(key) ?? null;
}
