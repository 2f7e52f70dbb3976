/**
 * Letter-level helpers shared by the name, key, website and noise code.
 */

/** Letters that Unicode does not decompose into a base letter and a mark. */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};

const foldedCharacters = new Map<string, string>();

function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character);
  if (folded === undefined) {
    folded = UNDECOMPOSABLE[character] ?? character.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    foldedCharacters.set(character, folded);
  }
  return folded;
}

export function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return true;
  return false;
}

/** "Société Générale" -> "Societe Generale", "Møller" -> "Moller"; case is kept. */
export function foldAccents(text: string): string {
  if (!hasNonAscii(text)) return text;
  let result = '';
  for (const character of text) {
    result += character.charCodeAt(0) < 128 ? character : foldCharacter(character);
  }
  return result;
}

/**
 * How companies spell their own name in a domain: Germans write "mueller", Danes
 * "moeller" or "aa" for "å", everyone else simply drops the accent.
 */
const DOMAIN_SPELLINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  de: { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' },
  da: { æ: 'ae', ø: 'oe', å: 'aa' },
  no: { æ: 'ae', ø: 'o', å: 'aa' },
};

/** Lower-case ASCII letters and digits only, spelled the way the language does in domains. */
const DOMAIN_READY = /^[a-z0-9]*$/;

export function domainSpelling(word: string, language: string): string {
  const lower = word.toLowerCase();
  if (DOMAIN_READY.test(lower)) return lower;
  const spellings = DOMAIN_SPELLINGS[language];
  let result = '';
  for (const character of lower) {
    const code = character.charCodeAt(0);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      result += character;
    } else if (code >= 128) {
      result += spellings?.[character] ?? foldCharacter(character).replace(/[^a-z0-9]/g, '');
    }
  }
  return result;
}

/** How many letters the word has, accented ones included (digits and punctuation are not letters). */
export function countLetters(word: string): number {
  let letters = 0;
  for (const character of word) {
    if (character.toLowerCase() !== character.toUpperCase()) letters++;
  }
  return letters;
}

/** "summit" -> "Summit": for words built from syllables. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
