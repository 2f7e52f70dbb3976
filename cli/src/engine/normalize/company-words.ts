/**
 * Splits a company name into the words that identify it, before any legal form
 * is recognized. Both the names and the legal-form spellings in
 * `legal-forms.ts` go through this one function, so the two always agree on
 * what "S.A.", "A/S" or "Sp. z o.o." look like once split.
 *
 * It runs on every account name of an org (millions, in bulk indexing), so it
 * scans characters once instead of chaining regular expressions.
 */
import { foldLetters } from './text.ts';

/**
 * Typographic apostrophes, rewritten to "'" before folding: NFKD would turn
 * "´" into a space and split "O´Reilly" in two.
 */
const TYPOGRAPHIC_APOSTROPHES = /[’‘´ʼ]/g;
const ASCII_APOSTROPHES = /['`]/g;

/** One letter or digit at `lastIndex`, in any script; only asked about non-ASCII characters. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;

const APOSTROPHE = 0x27;
const BACKTICK = 0x60;
const DOT = 0x2e;

/**
 * Words for "and" that vanish when they stand between two words, so that
 * "Johnson and Johnson" meets "Johnson & Johnson", "Müller und Söhne" meets
 * "Müller & Söhne" and "Moët et Chandon" meets "Moët & Chandon". At the start
 * or end of a name they are kept: there they are part of the name.
 *
 * Spanish "y" and Italian/Portuguese "e" are not connectors: a single letter
 * between words is as often an initial or a letter of the name ("Generation Y
 * Labs", "Vitamin E Shop"), and dropping it would merge different companies.
 */
export const CONNECTORS: ReadonlySet<string> = new Set(['and', 'und', 'et']);
const LONGEST_CONNECTOR = 3;

/**
 * Splits `raw` into folded words.
 *
 * - Letters and digits make words. Apostrophes join ("O'Reilly" → "oreilly");
 *   every other character separates, "&" and "+" included, which is what
 *   makes "AT&T" and "AT & T" split the same way.
 * - A dotted chunk whose parts are all single characters is an initialism and
 *   is written together ("I.B.M." → "ibm", "S.A." → "sa"); any other dotted
 *   chunk splits at its dots ("Amazon.com" → "amazon com").
 * - A run of single letters is written together too, so spaced initials meet
 *   their dotted and solid spellings: "J. P. Morgan", "J.P. Morgan" and
 *   "JP Morgan" all give "jp morgan", and "H & M" gives "hm". "AT&T" stays
 *   "at t": "at" is two letters.
 */
export function companyNameWords(raw: string): string[] {
  // Most names are plain ASCII: scan them lowercased as they are, and fold only
  // when the scan meets anything else.
  const words = scanWords(raw.toLowerCase(), false) ?? scanWords(foldName(raw), true) ?? [];
  return joinWords(words);
}

function foldName(raw: string): string {
  return foldLetters(raw.replace(TYPOGRAPHIC_APOSTROPHES, "'"));
}

/**
 * The chunks of `text` between separators. Null when `text` has not been
 * folded (`isFolded` false) and a non-ASCII character shows it needs to be.
 */
function scanWords(text: string, isFolded: boolean): string[] | null {
  const words: string[] = [];
  let start = 0;
  let hasDot = false;
  let hasApostrophe = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let width = 1;
    if (code === DOT) hasDot = true;
    else if (code === APOSTROPHE || code === BACKTICK) hasApostrophe = true;
    else if (!isAsciiLetterOrDigit(code)) {
      if (code >= 0x80) {
        if (!isFolded) return null;
        width = letterOrDigitWidth(text, i);
      } else {
        width = 0;
      }
      if (width === 0) {
        pushChunk(text.slice(start, i), hasDot, hasApostrophe, words);
        start = i + 1;
        hasDot = false;
        hasApostrophe = false;
        width = 1;
      }
    }
    i += width;
  }
  pushChunk(text.slice(start), hasDot, hasApostrophe, words);
  return words;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** UTF-16 length of the letter or digit at `index` (2 beyond the BMP), or 0 when it is neither. */
function letterOrDigitWidth(text: string, index: number): number {
  LETTER_OR_DIGIT.lastIndex = index;
  if (!LETTER_OR_DIGIT.test(text)) return 0;
  return LETTER_OR_DIGIT.lastIndex - index;
}

function pushChunk(chunk: string, hasDot: boolean, hasApostrophe: boolean, words: string[]): void {
  const letters = hasApostrophe ? chunk.replace(ASCII_APOSTROPHES, '') : chunk;
  if (letters === '') return;
  if (!hasDot) {
    words.push(letters);
    return;
  }
  // The common case first: an abbreviation with one final dot ("Inc.", "Co.").
  const firstDot = letters.indexOf('.');
  if (firstDot === letters.length - 1) {
    if (firstDot > 0) words.push(letters.slice(0, firstDot));
    return;
  }
  const parts = letters.split('.').filter((part) => part !== '');
  if (parts.length > 1 && parts.every((part) => part.length === 1)) words.push(parts.join(''));
  else words.push(...parts);
}

/** Drops connectors between words and writes runs of single letters together, in place. */
function joinWords(words: string[]): string[] {
  const last = words.length - 1;
  let kept = 0;
  let letters = '';
  for (let i = 0; i <= last; i++) {
    const word = words[i] as string;
    if (i > 0 && i < last && word.length <= LONGEST_CONNECTOR && CONNECTORS.has(word)) continue;
    if (isSingleLetter(word)) {
      letters += word;
      continue;
    }
    if (letters !== '') {
      words[kept++] = letters;
      letters = '';
    }
    words[kept++] = word;
  }
  if (letters !== '') words[kept++] = letters;
  words.length = kept;
  return words;
}

/** Single digits stay apart: "Unit 4 2" names two numbers, not 42. */
function isSingleLetter(word: string): boolean {
  if (word.length !== 1) return false;
  const code = word.charCodeAt(0);
  return code < 0x30 || code > 0x39;
}
