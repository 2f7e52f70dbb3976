import { ABBREVIATIONS } from './abbreviations.ts';
import { addHashes, finishHash, HASH_SEED_A, HASH_SEED_B, hashString } from './hashing.ts';
import { foldAccents } from './text.ts';

/**
 * The identity of a company name for the generator's uniqueness guarantees.
 *
 * It is deliberately coarser than "lower-cased, accents stripped, punctuation removed":
 * words joining names ("and", "und", "&"), a leading "the" and word order do not count,
 * and abbreviations count as the word they stand for. Any two names a registration's
 * noise could make look alike therefore share a key, and the generator never lets two
 * accounts in one country share one, so a noisy registration still points at exactly one
 * account there.
 */

const IGNORED_WORDS = new Set(['the', 'and', 'und', 'et', 'y', 'e', 'en', 'och', 'og', 'ja', 'i']);

/** "labs" -> "laboratories", "tech" -> "technologies", "technology" -> "technologies". */
const CANONICAL_WORDS: ReadonlyMap<string, string> = buildCanonicalWords();

function buildCanonicalWords(): Map<string, string> {
  const canonical = new Map<string, string>();
  for (const [full, shorts] of ABBREVIATIONS) {
    const fullToken = plainToken(full);
    if (IGNORED_WORDS.has(fullToken)) continue;
    // Two words sharing an abbreviation ("Ind" for Industries and Industrie) become one.
    const shared = shorts.map((short) => canonical.get(plainToken(short))).find((word) => word !== undefined);
    const target = shared ?? canonical.get(fullToken) ?? fullToken;
    canonical.set(fullToken, target);
    for (const short of shorts) {
      const token = plainToken(short);
      if (token.length > 0 && !canonical.has(token)) canonical.set(token, target);
    }
  }
  return canonical;
}

/** One word lower-cased, without accents, letters and digits only. */
function plainToken(word: string): string {
  return foldAccents(word.toLowerCase()).replace(/[^a-z0-9]/g, '');
}

/**
 * The words of a text as the key counts them: spaces, hyphens and slashes separate
 * words, other punctuation ("O'Brien", "F.lli") is dropped, joining words are left out
 * and abbreviations replaced by the word they stand for.
 */
export function keyTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const word of text.split(/[\s\-/]+/)) {
    const token = plainToken(word);
    if (token.length === 0 || IGNORED_WORDS.has(token)) continue;
    tokens.push(CANONICAL_WORDS.get(token) ?? token);
  }
  return tokens;
}

/** The key of a core name (the name without its legal form), readable: its tokens in order. */
export function coreKey(core: string): string {
  return keyTokens(core).sort().join(' ');
}

/** The key as a 52-bit hash: the sum of its tokens' hashes, so that word order does not matter. */
export function coreKeyHash(core: string): number {
  let hash = 0;
  for (const token of keyTokens(core)) hash = addHashes(hash, hashString(token));
  return hash;
}

/**
 * Token hashes the key treats specially, found by a Smi-sized part of the token hash:
 * the full hash, and what the token counts as (0 for a joining word left out).
 */
const SPECIAL_TOKENS: ReadonlyMap<number, readonly [number, number]> = new Map(
  [
    ...[...IGNORED_WORDS].map((word) => [hashString(word), 0] as const),
    ...[...CANONICAL_WORDS].map(([word, canonical]) => [hashString(word), hashString(canonical)] as const),
  ].map(([full, replacement]) => [smallPart(full), [full, replacement] as const]),
);

function smallPart(hash: number): number {
  return hash % 0x40000000;
}

/**
 * coreKeyHash() of the words joined by spaces, computed while scanning their characters
 * once, without building a string: the generator computes it for every name it tries.
 */
export function coreKeyHashOfWords(words: readonly string[]): number {
  let hash = 0;
  for (const word of words) {
    const wordStartHash = hash;
    let text = word;
    let folded = false;
    let a = HASH_SEED_A;
    let b = HASH_SEED_B;
    let empty = true;
    for (let i = 0; i <= text.length; i++) {
      let code = i < text.length ? text.charCodeAt(i) : 32;
      if (code >= 128 && !folded) {
        // An accented letter: fold the whole word once and scan it again from the start.
        text = foldAccents(text);
        folded = true;
        a = HASH_SEED_A;
        b = HASH_SEED_B;
        empty = true;
        hash = wordStartHash;
        i = -1;
        continue;
      }
      if (code === 32 || code === 45 || code === 47) {
        if (!empty) hash = addHashes(hash, tokenHash(finishHash(a, b)));
        a = HASH_SEED_A;
        b = HASH_SEED_B;
        empty = true;
        continue;
      }
      if (code >= 65 && code <= 90) code += 32;
      else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) continue;
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
      b ^= b >>> 15;
      empty = false;
    }
  }
  return hash;
}

/** What a token's hash counts as in the key. */
function tokenHash(hash: number): number {
  const special = SPECIAL_TOKENS.get(smallPart(hash));
  return special && special[0] === hash ? special[1] : hash;
}
