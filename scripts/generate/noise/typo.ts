import type { Random } from '../../lib/random.ts';
import { WeightedTable } from '../weighted-table.ts';

/**
 * One typing mistake in one word, of the kinds people make: a neighbouring key, two
 * letters swapped, a letter left out or doubled. The first letter is left alone, as it
 * mostly is in real typos (people look at where they start).
 */

const QWERTY_NEIGHBOURS: Readonly<Record<string, string>> = {
  q: 'wa',
  w: 'qeas',
  e: 'wrsd',
  r: 'etdf',
  t: 'ryfg',
  y: 'tugh',
  u: 'yihj',
  i: 'uojk',
  o: 'ipkl',
  p: 'ol',
  a: 'qwsz',
  s: 'awedxz',
  d: 'serfcx',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  j: 'huikmn',
  k: 'jiolm',
  l: 'kop',
  z: 'asx',
  x: 'zsdc',
  c: 'xdfv',
  v: 'cfgb',
  b: 'vghn',
  n: 'bhjm',
  m: 'njk',
};

type Mistake = 'neighbourKey' | 'transposition' | 'deletion' | 'doubledLetter';

const MISTAKES = new WeightedTable<Mistake>([
  ['neighbourKey', 35],
  ['transposition', 25],
  ['deletion', 20],
  ['doubledLetter', 20],
]);

/** Words long enough to carry a typo a person still reads through. */
export const MIN_TYPO_LETTERS = 5;

function isAsciiLetter(character: string | undefined): boolean {
  return character !== undefined && /^[a-zA-Z]$/.test(character);
}

/** The word with one mistake, or null if none of the drawn mistakes applies to it. */
export function misspell(random: Random, word: string): string | null {
  // Names here are written in Latin letters: code points are the characters.
  const characters = Array.from(word);
  for (let attempt = 0; attempt < 8; attempt++) {
    const mistake = MISTAKES.draw(random);
    const at = random.int(1, characters.length - 1);
    const current = characters[at];
    if (!isAsciiLetter(current) || current === undefined) continue;
    const result = [...characters];
    switch (mistake) {
      case 'neighbourKey': {
        const lower = current.toLowerCase();
        const replacement = random.pick(Array.from(QWERTY_NEIGHBOURS[lower] ?? lower));
        result[at] = current === lower ? replacement : replacement.toUpperCase();
        break;
      }
      case 'transposition': {
        const next = characters[at + 1];
        if (!isAsciiLetter(next) || next === undefined || next.toLowerCase() === current.toLowerCase())
          continue;
        result[at] = next;
        result[at + 1] = current;
        break;
      }
      case 'deletion':
        result.splice(at, 1);
        break;
      case 'doubledLetter':
        result.splice(at, 0, current);
        break;
    }
    const misspelt = result.join('');
    if (misspelt !== word) return misspelt;
  }
  return null;
}
