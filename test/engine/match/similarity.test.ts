import { jaro, jaroWinkler, withinOneEdit } from '../../../cli/src/engine/match/similarity.ts';
import {
  nameSimilarity,
  tokenDice,
  wordSimilarity,
  combineScore,
} from '../../../cli/src/engine/match/score.ts';

describe('Jaro and Jaro-Winkler', () => {
  test.each([
    ['martha', 'marhta', 0.9444, 0.9611],
    ['dixon', 'dicksonx', 0.7667, 0.8133],
    ['dwayne', 'duane', 0.8222, 0.84],
    ['abc', 'xyz', 0, 0],
    ['same', 'same', 1, 1],
    ['', 'acme', 0, 0],
  ])('%s / %s', (a, b, expectedJaro, expectedWinkler) => {
    expect(jaro(a, b)).toBeCloseTo(expectedJaro, 4);
    expect(jaroWinkler(a, b)).toBeCloseTo(expectedWinkler, 4);
    expect(jaroWinkler(b, a)).toBeCloseTo(expectedWinkler, 4);
  });

  test('long words do not overflow the reused buffers', () => {
    const long = 'x'.repeat(500);
    expect(jaro(long, `${long}y`)).toBeGreaterThan(0.99);
  });
});

describe('withinOneEdit', () => {
  test.each([
    ['harbor', 'harbr', true],
    ['harbor', 'harboor', true],
    ['harbor', 'harbpr', true],
    ['harbor', 'hrabor', true],
    ['harbor', 'harbor', true],
    ['harbor', 'hrabro', false],
    ['harbor', 'harb', false],
    ['apple', 'applied', false],
  ])('%s / %s -> %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe('scoring', () => {
  test.each([
    ['acme', 'acme', 1],
    ['siemans', 'siemens', 0.92],
    ['abc', 'abd', 0],
    ['apple', 'applied', 0],
  ])('wordSimilarity %s / %s = %s', (a, b, expected) => {
    expect(wordSimilarity(a, b)).toBe(expected);
  });

  test('an extra word makes another company', () => {
    expect(tokenDice(['apple'], ['apple', 'bank'])).toBeCloseTo(2 / 3, 6);
    expect(nameSimilarity(['summit', 'analytics'], ['summit', 'analytics', 'grp'])).toEqual({
      similarity: 0.8,
      agreement: 'tokens',
    });
  });

  test('acronyms and words written together', () => {
    expect(nameSimilarity(['ibm'], ['intl', 'business', 'machines'])).toEqual({
      similarity: 0.9,
      agreement: 'acronym',
    });
    expect(nameSimilarity(['blueharbor'], ['blue', 'harbor'])).toEqual({
      similarity: 0.96,
      agreement: 'joined',
    });
  });

  test.each([
    [1, null, null, 1],
    [1, null, false, 0.9],
    [1, false, false, 0.83],
    [0.5, true, null, 0.975],
    [0.9, null, true, 0.92],
    [0, null, false, 0],
  ])(
    'combineScore(name %s, sameDomain %s, sameCountry %s) = %s',
    (name, sameDomain, sameCountry, expected) => {
      expect(combineScore(name, sameDomain, sameCountry)).toBe(expected);
    },
  );
});
