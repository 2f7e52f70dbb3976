/**
 * Company names reduced to a key that equal names share: the words that
 * identify the company, without legal form, leading "The", punctuation or
 * accents. "Acme Inc.", "ACME Incorporated" and "Acme" all give "acme".
 *
 * Only legal forms are dropped. Business words ("Bank", "Group", "Solutions")
 * stay: "Apple Inc" is "apple" and "Apple Bank" is "apple bank". How much such
 * words weigh is for matching to decide.
 */
import { companyNameWords } from './company-words.ts';
import { GLUED_LEGAL_FORMS, LEADING_LEGAL_FORMS, TRAILING_LEGAL_FORMS } from './legal-forms.ts';
import type { LegalFormSpellings } from './legal-forms.ts';
import { foldText } from './text.ts';

export interface NormalizedCompanyName {
  /** `tokens.join(' ')`: what `Trellis_Name_Key__c` stores and exact matching compares. */
  key: string;
  /** The identifying words, in order. */
  tokens: string[];
  /**
   * Canonical codes of the legal forms that were stripped, in the order they
   * stood in the name, space-separated ("inc", "gmbh co kg", "pt tbk"); null
   * when none was.
   */
  legalForm: string | null;
}

interface LegalFormPattern {
  readonly words: readonly string[];
  readonly code: string;
  readonly confirmedBy: RegExp | undefined;
}

/** Patterns grouped by the word they are anchored on, longest first, so "Pty Ltd" wins over "Ltd". */
type PatternIndex = ReadonlyMap<string, readonly LegalFormPattern[]>;

function buildIndex(forms: readonly LegalFormSpellings[], anchor: 'first' | 'last'): PatternIndex {
  const index = new Map<string, LegalFormPattern[]>();
  for (const form of forms) {
    for (const spelling of form.spellings) {
      const words = companyNameWords(spelling);
      const anchorWord = anchor === 'first' ? words[0] : words[words.length - 1];
      if (anchorWord === undefined) continue;
      const patterns = index.get(anchorWord) ?? [];
      patterns.push({ words, code: form.code, confirmedBy: form.confirmedBy });
      index.set(anchorWord, patterns);
    }
  }
  for (const patterns of index.values()) patterns.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const TRAILING_INDEX = buildIndex(TRAILING_LEGAL_FORMS, 'last');
const LEADING_INDEX = buildIndex(LEADING_LEGAL_FORMS, 'first');
const GLUED_FORMS = GLUED_LEGAL_FORMS.map((form) => ({ code: form.code, affix: foldText(form.affix) }));

/** Below this code point no script writes names without spaces, so glued forms cannot occur. */
const FIRST_GLUED_SCRIPT_CHAR = 0x2e80;

export function normalizeCompanyName(raw: string): NormalizedCompanyName {
  const tokens = companyNameWords(raw);
  dropArticle(tokens);
  const trailing = stripTrailingForms(tokens, raw);
  const leading = stripLeadingForms(tokens, raw);
  const legalForm = leading === null ? trailing : trailing === null ? leading : `${leading} ${trailing}`;
  return { key: tokens.join(' '), tokens, legalForm };
}

/**
 * The longest stored key, in UTF-16 units: `Trellis_Name_Key__c` and `Customer_Name_Key__c` are
 * Text(255), and folding can make a name longer than it was typed (a Hangul syllable becomes
 * two or three jamo, "㍿" four letters, U+FDFA eighteen), which would fail the save.
 */
export const NAME_KEY_MAX_LENGTH = 255;

/**
 * The key that `Trellis_Name_Key__c` and `Customer_Name_Key__c` store and candidate search looks
 * up: `normalizeCompanyName(raw).key`, cut to NAME_KEY_MAX_LENGTH units when longer (without a
 * dangling high surrogate or a trailing space, which a stored value could not keep). The Apex
 * `CompanyNames.key` and `MatchKeys` apply the same cut.
 */
export function companyNameKey(raw: string): string {
  return storedKey(normalizeCompanyName(raw).key);
}

/** `key` cut to fit a Text(255) field: one rule for the TypeScript and the Apex engine. */
export function storedKey(key: string): string {
  if (key.length <= NAME_KEY_MAX_LENGTH) return key;
  let cut = key.slice(0, NAME_KEY_MAX_LENGTH);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut.endsWith(' ') ? cut.slice(0, -1) : cut;
}

/** "The Boeing Company" and "Boeing Company, The" are filed under B; "The" alone stays. */
function dropArticle(tokens: string[]): void {
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  if (tokens.length > 1 && tokens[tokens.length - 1] === 'the') tokens.pop();
}

/**
 * Removes legal forms from the end, one after another ("Co., Ltd." is "co" then
 * "ltd"), always leaving one word: "Limited" alone is a name, not a form.
 * Returns the codes found in name order ("co ltd"), or null.
 */
function stripTrailingForms(tokens: string[], raw: string): string | null {
  let codes: string | null = null;
  for (;;) {
    const last = tokens[tokens.length - 1];
    if (last === undefined) return codes;
    let code: string;
    const pattern = matchingPattern(TRAILING_INDEX.get(last), tokens, 'end', raw);
    if (pattern !== undefined) {
      for (let i = 0; i < pattern.words.length; i++) tokens.pop();
      code = pattern.code;
    } else {
      const glued = gluedForm(last, 'suffix');
      if (glued === undefined) return codes;
      tokens[tokens.length - 1] = last.slice(0, last.length - glued.affix.length);
      code = glued.code;
    }
    codes = codes === null ? code : `${code} ${codes}`;
  }
}

/** Removes legal forms written before the name ("PT", "OOO", "株式会社"). Returns their codes, or null. */
function stripLeadingForms(tokens: string[], raw: string): string | null {
  let codes: string | null = null;
  for (;;) {
    const first = tokens[0];
    if (first === undefined) return codes;
    let code: string;
    const pattern = matchingPattern(LEADING_INDEX.get(first), tokens, 'start', raw);
    if (pattern !== undefined) {
      tokens.splice(0, pattern.words.length);
      code = pattern.code;
    } else {
      const glued = gluedForm(first, 'prefix');
      if (glued === undefined) return codes;
      tokens[0] = first.slice(glued.affix.length);
      code = glued.code;
    }
    codes = codes === null ? code : `${codes} ${code}`;
  }
}

/**
 * The longest pattern that `tokens` start or end with, that leaves at least
 * one word behind and, when it asks for it, is confirmed by the raw spelling.
 */
function matchingPattern(
  patterns: readonly LegalFormPattern[] | undefined,
  tokens: readonly string[],
  at: 'start' | 'end',
  raw: string,
): LegalFormPattern | undefined {
  if (patterns === undefined) return undefined;
  for (const pattern of patterns) {
    const length = pattern.words.length;
    if (length >= tokens.length) continue;
    const offset = at === 'start' ? 0 : tokens.length - length;
    if (!wordsAt(tokens, offset, pattern.words)) continue;
    if (pattern.confirmedBy !== undefined && !pattern.confirmedBy.test(raw)) continue;
    return pattern;
  }
  return undefined;
}

function wordsAt(tokens: readonly string[], offset: number, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (tokens[offset + i] !== words[i]) return false;
  return true;
}

/** A Chinese or Japanese legal form glued to the name, leaving some of the name. */
function gluedForm(
  token: string,
  position: 'prefix' | 'suffix',
): { code: string; affix: string } | undefined {
  const edge = position === 'suffix' ? token.charCodeAt(token.length - 1) : token.charCodeAt(0);
  if (edge < FIRST_GLUED_SCRIPT_CHAR) return undefined;
  return GLUED_FORMS.find(
    (form) =>
      token.length > form.affix.length &&
      (position === 'suffix' ? token.endsWith(form.affix) : token.startsWith(form.affix)),
  );
}
