/**
 * Text folding: the one place that decides which spellings of a letter are the same.
 *
 * Company names, countries and anything else the engine compares go through
 * `foldText` first, so "Société", "SOCIETE" and "Societe" meet as "societe".
 */

/** Plain ASCII needs no Unicode decomposition; most CRM data is ASCII, so check first. */
const NON_ASCII = /[\u0080-\uffff]/;

/** Combining marks left behind by NFKD (accents, umlauts, cedillas, dakuten...). */
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Letters that NFKD keeps whole because they are not "a letter plus an accent"
 * but letters of their own; people still write them without the special letter
 * ("Strasse", "Orsted", "Lodz"), so they fold to that spelling.
 */
export const LETTER_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ø', 'o'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ı', 'i'],
  ['ħ', 'h'],
  ['ŧ', 't'],
  // Final sigma is a spelling of σ that lowercasing decides by context, and runtimes decide it
  // differently (Java lowercases "ΟΜΙΛΟΣ-ΑΕ" to "ομιλοσ", JavaScript to "ομιλος"): one spelling
  // whatever the lowercasing.
  ['ς', 'σ'],
]);
const SPECIAL_LETTERS = new RegExp(`[${[...LETTER_SPELLINGS.keys()].join('')}]`, 'g');

const WHITESPACE_RUNS = /\s+/g;

function spellLetter(letter: string): string {
  return LETTER_SPELLINGS.get(letter) ?? letter;
}

/**
 * Lowercase, strip diacritics and spell out the letters NFKD leaves alone,
 * leaving whitespace as it is: the building block for callers that split
 * words themselves.
 *
 * NFKD (not NFD) also folds compatibility forms: full-width "ＡＣＭＥ", the
 * ligature "ﬁ" and the non-breaking space become their plain spellings.
 */
export function foldLetters(raw: string): string {
  if (!NON_ASCII.test(raw)) return raw.toLowerCase();
  // Lowercasing after decomposition: "İ" decomposes to "I" + a dot above,
  // and compatibility forms such as "ℌ" decompose to capitals.
  return raw
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_LETTERS, spellLetter);
}

/** Whitespace other than single spaces between words; rare, so tested before replacing. */
const IRREGULAR_WHITESPACE = /[^\S ]|\s\s|^\s|\s$/;

/**
 * `foldLetters`, with every run of whitespace collapsed to one space and the
 * ends trimmed: "  Société\tGÉNÉRALE " → "societe generale".
 */
export function foldText(raw: string): string {
  const text = foldLetters(raw);
  return IRREGULAR_WHITESPACE.test(text) ? text.replace(WHITESPACE_RUNS, ' ').trim() : text;
}
