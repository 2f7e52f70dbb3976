import type { Random } from '../../lib/random.ts';
import { ABBREVIATIONS } from '../abbreviations.ts';
import { countLetters, foldAccents } from '../text.ts';
import { MIN_TYPO_LETTERS, misspell } from './typo.ts';

/**
 * Changes to a core name (the name without its legal form) that a person still
 * recognizes: shortened words, acronyms, swapped words, one typo, a leading "The".
 */

/** Lower-cased word -> its abbreviations. */
const ABBREVIATIONS_BY_WORD: ReadonlyMap<string, readonly string[]> = new Map(
  ABBREVIATIONS.map(([full, shorts]) => [full.toLowerCase(), shorts]),
);

/** Words an acronym skips, and that hold on to the next word when words are reordered. */
const PARTICLES = new Set([
  'of',
  'the',
  'de',
  'des',
  'du',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'ten',
  'ter',
  'la',
  'le',
  'op',
  'zu',
  'für',
  'for',
]);

/** Words that join two names: "Baker & Hughes", "Müller und Schmidt". */
const JOINERS = new Set(['&', 'and', 'und', 'et', 'y', 'e', 'en', 'och', 'og', 'ja', 'i']);

function words(core: string): string[] {
  return core.split(' ');
}

export function canAbbreviate(core: string): boolean {
  return words(core).some((word) => ABBREVIATIONS_BY_WORD.has(word.toLowerCase()));
}

/** Shortens the first abbreviable word, and each further one with even odds. */
export function abbreviate(random: Random, core: string): string {
  let first = true;
  return words(core)
    .map((word) => {
      const shorts = ABBREVIATIONS_BY_WORD.get(word.toLowerCase());
      if (!shorts || (!first && random.chance(0.5))) return word;
      first = false;
      return random.pick(shorts);
    })
    .join(' ');
}

/** The words an acronym is made of: particles and joiners left out. */
function significantWords(core: string): string[] {
  return words(core).filter((word) => !PARTICLES.has(word.toLowerCase()) && !JOINERS.has(word.toLowerCase()));
}

export function canMakeAcronym(core: string): boolean {
  return significantWords(core).length >= 3;
}

/** "International Business Machines" -> "IBM"; "Przedsiębiorstwo Handlowo-Usługowe Nowak" -> "PHUN". */
export function acronym(core: string): string {
  return significantWords(core)
    .map((word) =>
      word
        .replace(/^[dl]'/i, '')
        .split('-')
        .map((part) => foldAccents(part.charAt(0)).toUpperCase())
        .join(''),
    )
    .join('');
}

/**
 * Units that move together when words are reordered: a particle holds on to the word
 * after it ("Van der Merwe", "de Transports").
 */
function units(core: string): string[] {
  const result: string[] = [];
  let pending = '';
  for (const word of words(core)) {
    if (PARTICLES.has(word.toLowerCase())) {
      pending = pending ? `${pending} ${word}` : word;
      continue;
    }
    result.push(pending ? `${pending} ${word}` : word);
    pending = '';
  }
  if (pending) result.push(pending);
  return result;
}

export function canReorder(core: string): boolean {
  return units(core).filter((unit) => !JOINERS.has(unit.toLowerCase())).length >= 2;
}

/** Swaps the names around a joiner ("Hughes & Baker"), or else two neighbouring words. */
export function reorder(random: Random, core: string): string {
  const parts = units(core);
  const joiner = parts.findIndex(
    (unit, index) => index > 0 && index < parts.length - 1 && JOINERS.has(unit.toLowerCase()),
  );
  const at = joiner > 0 ? joiner - 1 : random.int(0, parts.length - 2);
  const step = joiner > 0 ? 2 : 1;
  const left = parts[at];
  const right = parts[at + step];
  if (left === undefined || right === undefined) return core;
  parts[at] = right;
  parts[at + step] = left;
  return parts.join(' ');
}

export function canMisspell(core: string): boolean {
  return words(core).some((word) => countLetters(word) >= MIN_TYPO_LETTERS);
}

/** One typo in one word of five letters or more; null if the word resisted. */
export function misspellOneWord(random: Random, core: string): string | null {
  const parts = words(core);
  const candidates = parts.flatMap((word, index) => (countLetters(word) >= MIN_TYPO_LETTERS ? [index] : []));
  if (candidates.length === 0) return null;
  const index = random.pick(candidates);
  const misspelt = misspell(random, parts[index] ?? '');
  if (misspelt === null) return null;
  parts[index] = misspelt;
  return parts.join(' ');
}

export function canAddThe(core: string): boolean {
  return !/^(the|la|le|les|el|il|der|die|das|de|het)\s/i.test(core);
}

export function changeCase(random: Random, name: string): string {
  return random.chance(0.6) ? name.toUpperCase() : name.toLowerCase();
}
