/**
 * UnicodeComposition.cls (NFC for host names in Apex) against Node's String.prototype.normalize:
 * a JavaScript port of the Apex algorithm, step for step, over the very tables that
 * scripts/force-app/normalization-data.ts writes into NormalizationData.cls (decompositions,
 * combining-class ranks, composition pairs, Hangul by arithmetic). Every code point alone, every
 * decomposition recomposed, and many random strings biased towards marks, Hangul jamo and
 * composable letters must give what Node gives.
 */
import {
  combiningClassBlocks,
  compositionPairs,
  decompositionBlocks,
} from '../../scripts/force-app/normalization-data.ts';

const FIRST_SUPPLEMENTARY = 0x10000;
const BLOCK_SIZE = 256;
const HANGUL_FIRST = 0xac00;
const HANGUL_COUNT = 11172;
const LEADING_FIRST = 0x1100;
const LEADING_COUNT = 19;
const VOWEL_FIRST = 0x1161;
const VOWEL_COUNT = 21;
const TRAILING_FIRST = 0x11a7;
const TRAILING_COUNT = 28;
const PER_LEADING = VOWEL_COUNT * TRAILING_COUNT;
const NON_ASCII = /\P{ASCII}/u;

/** The port of UnicodeComposition.cls: the same decoding of the same encoded data. */
class UnicodeCompositionPort {
  readonly #decompositions = new Map<number, Map<number, number[]>>();
  readonly #classes = new Map<number, Map<number, number>>();
  readonly #pairs = new Map<string, number>();
  readonly #decompositionBlocks: ReadonlyMap<number, string>;
  readonly #classBlocks: ReadonlyMap<number, string>;

  constructor(
    decompositions: ReadonlyMap<number, string>,
    classes: ReadonlyMap<number, string>,
    pairs: string,
  ) {
    this.#decompositionBlocks = decompositions;
    this.#classBlocks = classes;
    for (const entry of pairs.split(';')) {
      const colon = entry.indexOf(':');
      this.#pairs.set(entry.slice(0, colon), Number(entry.slice(colon + 1)));
    }
  }

  nfc(text: string): string {
    if (!NON_ASCII.test(text)) return text;
    const decomposed: number[] = [];
    for (let index = 0; index < text.length;) {
      const codePoint = text.codePointAt(index) ?? 0;
      index += codePoint >= FIRST_SUPPLEMENTARY ? 2 : 1;
      this.#decompose(codePoint, decomposed);
    }
    this.#reorder(decomposed);
    return String.fromCodePoint(...this.#compose(decomposed));
  }

  #decompose(codePoint: number, out: number[]): void {
    const syllable = codePoint - HANGUL_FIRST;
    if (syllable >= 0 && syllable < HANGUL_COUNT) {
      out.push(LEADING_FIRST + Math.floor(syllable / PER_LEADING));
      out.push(VOWEL_FIRST + Math.floor((syllable % PER_LEADING) / TRAILING_COUNT));
      if (syllable % TRAILING_COUNT > 0) out.push(TRAILING_FIRST + (syllable % TRAILING_COUNT));
      return;
    }
    const mapping =
      codePoint < 0x80 ? undefined : this.#decompositionBlock(codePoint).get(codePoint % BLOCK_SIZE);
    if (mapping === undefined) out.push(codePoint);
    else out.push(...mapping);
  }

  #decompositionBlock(codePoint: number): Map<number, number[]> {
    const block = Math.floor(codePoint / BLOCK_SIZE);
    let decoded = this.#decompositions.get(block);
    if (decoded === undefined) {
      decoded = new Map();
      const encoded = this.#decompositionBlocks.get(block);
      if (encoded) {
        for (const entry of encoded.split(';')) {
          const colon = entry.indexOf(':');
          const units = entry
            .slice(colon + 1)
            .split(' ')
            .map(Number);
          const text = String.fromCharCode(...units);
          decoded.set(
            Number(entry.slice(0, colon)),
            Array.from(text, (c) => c.codePointAt(0) ?? 0),
          );
        }
      }
      this.#decompositions.set(block, decoded);
    }
    return decoded;
  }

  combiningClass(codePoint: number): number {
    if (codePoint < 0x300) return 0;
    const block = Math.floor(codePoint / BLOCK_SIZE);
    let decoded = this.#classes.get(block);
    if (decoded === undefined) {
      decoded = new Map();
      const encoded = this.#classBlocks.get(block);
      if (encoded) {
        for (const entry of encoded.split(';')) {
          const colon = entry.indexOf(':');
          const range = entry.slice(0, colon);
          const dash = range.indexOf('-');
          const first = Number(dash < 0 ? range : range.slice(0, dash));
          const last = dash < 0 ? first : Number(range.slice(dash + 1));
          const rank = Number(entry.slice(colon + 1));
          for (let offset = first; offset <= last; offset++) decoded.set(offset, rank);
        }
      }
      this.#classes.set(block, decoded);
    }
    return decoded.get(codePoint % BLOCK_SIZE) ?? 0;
  }

  /** Canonical ordering: a stable insertion sort of every run of non-starters by class. */
  #reorder(codePoints: number[]): void {
    for (let i = 1; i < codePoints.length; i++) {
      const current = codePoints[i] ?? 0;
      const currentClass = this.combiningClass(current);
      if (currentClass === 0) continue;
      let j = i;
      while (j > 0) {
        const previousClass = this.combiningClass(codePoints[j - 1] ?? 0);
        if (previousClass <= currentClass) break;
        codePoints[j] = codePoints[j - 1] ?? 0;
        j--;
      }
      codePoints[j] = current;
    }
  }

  /** Canonical composition with blocking: each code point composes with the last starter if unblocked. */
  #compose(codePoints: readonly number[]): number[] {
    const out: number[] = [];
    let starterIndex = -1;
    let lastClass = 0;
    for (const codePoint of codePoints) {
      const codePointClass = this.combiningClass(codePoint);
      if (
        starterIndex >= 0 &&
        (lastClass === 0 ? out.length - 1 === starterIndex : lastClass < codePointClass)
      ) {
        const composite = this.#composePair(out[starterIndex] ?? 0, codePoint);
        if (composite !== undefined) {
          out[starterIndex] = composite;
          continue;
        }
      }
      if (codePointClass === 0) starterIndex = out.length;
      lastClass = codePointClass;
      out.push(codePoint);
    }
    return out;
  }

  #composePair(first: number, second: number): number | undefined {
    const leading = first - LEADING_FIRST;
    const vowel = second - VOWEL_FIRST;
    if (leading >= 0 && leading < LEADING_COUNT && vowel >= 0 && vowel < VOWEL_COUNT) {
      return HANGUL_FIRST + (leading * VOWEL_COUNT + vowel) * TRAILING_COUNT;
    }
    const syllable = first - HANGUL_FIRST;
    const trailing = second - TRAILING_FIRST;
    if (
      syllable >= 0 &&
      syllable < HANGUL_COUNT &&
      syllable % TRAILING_COUNT === 0 &&
      trailing > 0 &&
      trailing < TRAILING_COUNT
    ) {
      return first + trailing;
    }
    return this.#pairs.get(`${first},${second}`);
  }
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isScalar = (cp: number): boolean => cp < 0xd800 || (cp > 0xdfff && cp <= 0x10ffff);
const ALL_CODE_POINTS = Array.from({ length: 0x110000 }, (_, cp) => cp).filter(isScalar);

describe('UnicodeComposition (Apex NFC) against Node', () => {
  const port = new UnicodeCompositionPort(decompositionBlocks(), combiningClassBlocks(), compositionPairs());

  // Code points the random strings are drawn from: combining marks (by the derived classes),
  // code points that decompose or compose, conjoining jamo, Hangul syllables, ASCII letters.
  const marks = ALL_CODE_POINTS.filter((cp) => port.combiningClass(cp) > 0);
  const decomposing = ALL_CODE_POINTS.filter((cp) => {
    const char = String.fromCodePoint(cp);
    return char.normalize('NFD') !== char;
  });
  const jamo = Array.from({ length: 0x11ff - 0x1100 + 1 }, (_, i) => 0x1100 + i);
  const letters = Array.from('aeiouyAEIOUYcnsz', (c) => c.codePointAt(0) ?? 0);

  test('the derived combining classes order every pair of marks as NFD does', () => {
    // Reordering of two marks in either order, for a sample of pairs (all pairs would be 800,000+).
    const next = random(7);
    for (let i = 0; i < 20000; i++) {
      const a = marks[Math.floor(next() * marks.length)] ?? 0;
      const b = marks[Math.floor(next() * marks.length)] ?? 0;
      const text = String.fromCodePoint(0x61, a, b);
      const expected = text.normalize('NFD');
      const reordered = port.combiningClass(a) > port.combiningClass(b);
      expect(expected).toBe(reordered ? String.fromCodePoint(0x61, b, a) : text);
    }
    expect(marks.length).toBeGreaterThan(800);
  });

  test('every code point alone, and its decomposition, compose as Node composes them', () => {
    const failures: string[] = [];
    for (const cp of ALL_CODE_POINTS) {
      const char = String.fromCodePoint(cp);
      const expected = char.normalize('NFC');
      if (port.nfc(char) !== expected) failures.push(`U+${cp.toString(16)}`);
      const decomposed = char.normalize('NFD');
      if (decomposed !== char && port.nfc(decomposed) !== expected)
        failures.push(`NFD of U+${cp.toString(16)}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  test('random strings of marks, letters, jamo and composites give Node NFC (200,000 strings, as drawn and decomposed)', () => {
    const next = random(2026);
    const pick = (list: readonly number[]): number => list[Math.floor(next() * list.length)] ?? 0x61;
    const failures: string[] = [];
    let nonTrivial = 0;
    for (let i = 0; i < 200000; i++) {
      const length = 1 + Math.floor(next() * 8);
      const codePoints: number[] = [];
      for (let k = 0; k < length; k++) {
        const kind = next();
        codePoints.push(
          kind < 0.35
            ? pick(marks)
            : kind < 0.6
              ? pick(decomposing)
              : kind < 0.75
                ? pick(jamo)
                : kind < 0.8
                  ? HANGUL_FIRST + Math.floor(next() * HANGUL_COUNT)
                  : kind < 0.95
                    ? pick(letters)
                    : pick(ALL_CODE_POINTS),
        );
      }
      const text = String.fromCodePoint(...codePoints);
      const expected = text.normalize('NFC');
      // The string as drawn, and decomposed (as marks typed after their letters are).
      for (const input of [text, text.normalize('NFD')]) {
        if (expected !== input) nonTrivial++;
        if (port.nfc(input) !== expected) failures.push(JSON.stringify(input));
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // Most inputs are ones that NFC changes, so the comparison is not of strings left as they are.
    expect(nonTrivial).toBeGreaterThan(150000);
  });

  test('the cases of UnicodeCompositionTest.cls', () => {
    const cases = [
      'mu\u0308nchen',
      'a\u0302\u0301',
      '\u212b',
      '\u1112\u1161\u11ab',
      '\u00e2\u0323',
      'a\u0331\u0301',
      'a\u0301\u0331',
      'e\u0302\u0323xn--',
      'Vie\u0323\u0302t.vn',
      'A\u030a\u0301',
      '\u0344',
      '\u1100\u1161\u0300\u11a8',
      '\u0f73',
      'q\u0307\u0323',
    ];
    for (const text of cases) expect(port.nfc(text)).toBe(text.normalize('NFC'));
  });
});
