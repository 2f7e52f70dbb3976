/**
 * How likely a registration's customer and a candidate record are the same
 * company, from 0 to 1, with the evidence behind the number.
 *
 * The score is deliberately simple so that a person can recompute it from the
 * trace and so that the Apex service can mirror it exactly:
 *   name   : word-by-word agreement (Dice over tokens; one typo in a word of four
 *            or more letters counts 0.92), or the same letters written together
 *            ("BlueHarbor" / "Blue Harbor", 0.96), or an acronym (0.9);
 *   domain : the same registrable web domain is near-proof (0.95 + 0.05 x name);
 *            two different company domains weaken a name match (-0.07);
 *   country: a tie-breaker: the same country +0.02, a different one -0.1.
 */
import { jaroWinkler, withinOneEdit } from './similarity.ts';
import { initialsOf } from './tokens.ts';

export const TYPO_SIMILARITY = 0.92;
export const JOINED_SIMILARITY = 0.96;
export const ACRONYM_SIMILARITY = 0.9;
export const SAME_DOMAIN_BASE = 0.95;
export const DIFFERENT_DOMAIN_PENALTY = 0.07;
export const SAME_COUNTRY_BONUS = 0.02;
export const DIFFERENT_COUNTRY_PENALTY = 0.1;

export type NameAgreement = 'exact' | 'tokens' | 'joined' | 'acronym' | 'none';

export interface NameSimilarity {
  similarity: number;
  agreement: NameAgreement;
}

/** Similarity of two single words: equal, one typo apart, or (long words) close by Jaro-Winkler. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return 0;
  if (withinOneEdit(a, b)) return TYPO_SIMILARITY;
  if (shorter >= 7) {
    const similarity = jaroWinkler(a, b);
    if (similarity >= 0.92) return similarity - 0.05;
  }
  return 0;
}

/** Dice coefficient over words, each word of `a` paired with its best unused word of `b`. */
export function tokenDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let used = 0; // bit set over b's positions; names have far fewer than 31 words
  let total = 0;
  for (const word of a) {
    let best = 0;
    let bestIndex = -1;
    for (let j = 0; j < b.length && j < 31; j++) {
      if (used & (1 << j)) continue;
      const similarity = wordSimilarity(word, b[j] ?? '');
      if (similarity > best) {
        best = similarity;
        bestIndex = j;
        if (similarity === 1) break;
      }
    }
    if (bestIndex >= 0) {
      used |= 1 << bestIndex;
      total += best;
    }
  }
  return (2 * total) / (a.length + b.length);
}

function isAcronymOf(acronym: readonly string[], words: readonly string[]): boolean {
  const [letters] = acronym;
  return (
    acronym.length === 1 &&
    letters !== undefined &&
    letters.length >= 2 &&
    letters.length === words.length &&
    initialsOf(words) === letters
  );
}

export function nameSimilarity(a: readonly string[], b: readonly string[]): NameSimilarity {
  const dice = tokenDice(a, b);
  if (dice === 1) return { similarity: 1, agreement: 'exact' };
  if (a.join('') === b.join('') && a.length > 0)
    return { similarity: JOINED_SIMILARITY, agreement: 'joined' };
  if (isAcronymOf(a, b) || isAcronymOf(b, a)) {
    return { similarity: Math.max(ACRONYM_SIMILARITY, dice), agreement: 'acronym' };
  }
  return { similarity: dice, agreement: dice > 0 ? 'tokens' : 'none' };
}

/** `sameDomain`/`sameCountry` are null when either side does not say. */
export function combineScore(name: number, sameDomain: boolean | null, sameCountry: boolean | null): number {
  let score = name;
  if (sameDomain === true) score = SAME_DOMAIN_BASE + (1 - SAME_DOMAIN_BASE) * name;
  else if (sameDomain === false) score -= DIFFERENT_DOMAIN_PENALTY;
  if (sameCountry === true) score += SAME_COUNTRY_BONUS;
  else if (sameCountry === false) score -= DIFFERENT_COUNTRY_PENALTY;
  // Rounded so that TypeScript and Apex agree to the digit despite floating point.
  return Math.round(Math.min(1, Math.max(0, score)) * 10000) / 10000;
}
