/**
 * Writes force-app/main/default/classes/NormalizationData.cls: the tables of the TypeScript
 * normalizer and matcher (legal forms, public suffixes, free mail, countries, connectors,
 * abbreviations) and the Unicode data that Apex lacks (NFKD folding, NFC composition), as Apex
 * data, so that the Apex mirror decides exactly as the engine does. The TypeScript modules are
 * the one source; `npm test` fails while the Apex class is stale.
 *
 * Values that the engine derives from its tables at start-up (legal-form words, country lookup
 * keys) are derived here with the engine's own functions, so Apex spends no CPU on them.
 *
 * Usage: node_modules/.bin/node scripts/force-app/normalization-data.ts [--check]
 */
import { join } from 'node:path';

import { format, resolveConfig } from 'prettier';

import { ABBREVIATIONS } from '../../cli/src/engine/match/tokens.ts';
import { companyNameWords, CONNECTORS } from '../../cli/src/engine/normalize/company-words.ts';
import { countryLookupTable, WORD_SPELLINGS } from '../../cli/src/engine/normalize/country.ts';
import { FREE_MAIL_BRANDS, FREE_MAIL_DOMAINS } from '../../cli/src/engine/normalize/free-mail.ts';
import {
  GLUED_LEGAL_FORMS,
  LEADING_LEGAL_FORMS,
  TRAILING_LEGAL_FORMS,
  type LegalFormSpellings,
} from '../../cli/src/engine/normalize/legal-forms.ts';
import {
  MULTI_LABEL_PUBLIC_SUFFIXES,
  NON_PUBLIC_TOP_LEVEL,
  PARENTS_OF_THREE_LABEL_SUFFIXES,
} from '../../cli/src/engine/normalize/public-suffixes.ts';
import { foldText, LETTER_SPELLINGS } from '../../cli/src/engine/normalize/text.ts';
import { APEX_CLASS_META, isMain, PROJECT_ROOT, writeOrCheck, type GeneratedFile } from './generated-file.ts';

export const NORMALIZATION_DATA_FILE = 'force-app/main/default/classes/NormalizationData.cls';
const COMMAND = 'node_modules/.bin/node scripts/force-app/normalization-data.ts';

/** Entries per generated method: keeps every method far below Apex's method size limit. */
const ENTRIES_PER_METHOD = 400;
/** Characters per string literal of the encoded Unicode tables. */
const CHARS_PER_LITERAL = 4000;

const FIRST_HANGUL_SYLLABLE = 0xac00;
const LAST_HANGUL_SYLLABLE = 0xd7a3;
const COMBINING_MARKS = /\p{M}+/gu;

// ---------------------------------------------------------------------------------------------
// Apex source text
// ---------------------------------------------------------------------------------------------

/** An Apex string literal: printable ASCII as is, everything else as \u escapes of UTF-16 units. */
export function apexString(value: string): string {
  let out = "'";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x27) out += "\\'";
    else if (code === 0x5c) out += '\\\\';
    else if (code >= 0x20 && code < 0x7f) out += value.charAt(i);
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}'`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** Long encoded text as a list of literals, each well inside Apex's limits for one constant. */
function literalList(text: string): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += CHARS_PER_LITERAL) parts.push(text.slice(i, i + CHARS_PER_LITERAL));
  return `new List<String>{ ${parts.map(apexString).join(', ')} }`;
}

/** A lazily built Set<String>, filled by methods of at most ENTRIES_PER_METHOD literals. */
function setAccessor(name: string, doc: string, values: readonly string[]): string {
  const sorted = [...values].sort();
  const cache = `${name}Cache`;
  const parts = chunks(sorted, ENTRIES_PER_METHOD);
  const fillers = parts
    .map(
      (part, i) => `
  private static void ${name}Part${i}(Set<String> target) {
    target.addAll(new List<String>{ ${part.map(apexString).join(', ')} });
  }`,
    )
    .join('\n');
  return `
  private static Set<String> ${cache};

  /** ${doc} */
  public static Set<String> ${name}() {
    if (${cache} == null) {
      Set<String> values = new Set<String>();
      ${parts.map((_, i) => `${name}Part${i}(values);`).join('\n      ')}
      ${cache} = values;
    }
    return ${cache};
  }
${fillers}`;
}

/** A lazily built Map<String, String>, filled by methods of at most ENTRIES_PER_METHOD entries. */
function mapAccessor(name: string, doc: string, entries: ReadonlyMap<string, string>): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const cache = `${name}Cache`;
  const parts = chunks(sorted, ENTRIES_PER_METHOD);
  const fillers = parts
    .map(
      (part, i) => `
  private static void ${name}Part${i}(Map<String, String> target) {
    target.putAll(new Map<String, String>{ ${part.map(([k, v]) => `${apexString(k)} => ${apexString(v)}`).join(', ')} });
  }`,
    )
    .join('\n');
  return `
  private static Map<String, String> ${cache};

  /** ${doc} */
  public static Map<String, String> ${name}() {
    if (${cache} == null) {
      Map<String, String> values = new Map<String, String>();
      ${parts.map((_, i) => `${name}Part${i}(values);`).join('\n      ')}
      ${cache} = values;
    }
    return ${cache};
  }
${fillers}`;
}

// ---------------------------------------------------------------------------------------------
// Tables derived from the engine
// ---------------------------------------------------------------------------------------------

/** A legal-form spelling as the engine indexes it: its words, its code, its confirming pattern. */
interface LegalFormRow {
  code: string;
  words: string[];
  confirmedBy: string | null;
}

/**
 * The JavaScript regular expressions that confirm a legal form, in Java syntax: `\b` and `\s`
 * spelt out with JavaScript's meaning (Java's `\b` counts Unicode letters as word characters
 * and Java's `\s` is ASCII only).
 */
export function javaPattern(pattern: RegExp): string {
  if (pattern.flags !== '') throw new Error(`confirmedBy ${String(pattern)}: flags are not translated`);
  const word = '[A-Za-z0-9_]';
  const boundary = `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`;
  const space =
    '[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]';
  if (/\\[^bs.\\[\]()|*+?{}^$]/.test(pattern.source)) {
    throw new Error(`confirmedBy ${String(pattern)}: escape not translated`);
  }
  return pattern.source.replaceAll('\\b', boundary).replaceAll('\\s', space);
}

function legalFormRows(forms: readonly LegalFormSpellings[]): LegalFormRow[] {
  return forms
    .flatMap((form) =>
      form.spellings.map((spelling) => ({
        code: form.code,
        words: companyNameWords(spelling),
        confirmedBy: form.confirmedBy === undefined ? null : javaPattern(form.confirmedBy),
      })),
    )
    .filter((row) => row.words.length > 0); // the engine skips spellings without words too
}

function legalFormList(name: string, doc: string, rows: readonly LegalFormRow[]): string {
  const items = rows.map(
    (row) =>
      `new LegalForm(${apexString(row.code)}, ${apexString(row.words.join(' '))}, ${
        row.confirmedBy === null ? 'null' : apexString(row.confirmedBy)
      })`,
  );
  return `
  /** ${doc} */
  public static List<LegalForm> ${name}() {
    return new List<LegalForm>{ ${items.join(', ')} };
  }`;
}

function abbreviationLookup(): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const [canonical, spellings] of Object.entries(ABBREVIATIONS)) {
    for (const spelling of spellings) lookup.set(spelling, canonical);
  }
  return lookup;
}

/** The characters of `text`, one per code point (a surrogate pair is one). */
function codePointsOf(text: string): string[] {
  const characters: string[] = [];
  for (const character of text) characters.push(character);
  return characters;
}

function utf16Units(text: string): string {
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  return units.join(' ');
}

/**
 * NFKD without combining marks, per code point, for every code point that it changes (Hangul
 * syllables excepted: Apex decomposes them arithmetically). Grouped in blocks of 256 code
 * points, so that Apex decodes only the blocks a text uses. Each block is
 * `offset:units;offset:units;...` with the replacement's UTF-16 units in decimal (empty for a
 * mark, which folding removes).
 */
function foldBlocks(): Map<number, string> {
  const blocks = new Map<number, string[]>();
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if ((cp >= 0xd800 && cp <= 0xdfff) || (cp >= FIRST_HANGUL_SYLLABLE && cp <= LAST_HANGUL_SYLLABLE))
      continue;
    const char = String.fromCodePoint(cp);
    const folded = char.normalize('NFKD').replace(COMBINING_MARKS, '');
    if (folded === char) continue;
    const block = cp >> 8;
    const entries = blocks.get(block) ?? [];
    entries.push(`${cp & 0xff}:${utf16Units(folded)}`);
    blocks.set(block, entries);
  }
  return new Map([...blocks].map(([block, entries]) => [block, entries.join(';')]));
}

const isSurrogateOrHangul = (cp: number): boolean =>
  (cp >= 0xd800 && cp <= 0xdfff) || (cp >= FIRST_HANGUL_SYLLABLE && cp <= LAST_HANGUL_SYLLABLE);

/** Blocks of 256 code points → their entries, joined with ";". */
function joinBlocks(blocks: ReadonlyMap<number, readonly string[]>): Map<number, string> {
  return new Map([...blocks].map(([block, entries]) => [block, entries.join(';')]));
}

/**
 * Canonical decompositions (NFD of one code point), for every code point that NFD changes,
 * Hangul syllables excepted (decomposed arithmetically). By block of 256 code points, each
 * `offset:units;...` with the full decomposition's UTF-16 units in decimal.
 */
export function decompositionBlocks(): Map<number, string> {
  const blocks = new Map<number, string[]>();
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (isSurrogateOrHangul(cp)) continue;
    const char = String.fromCodePoint(cp);
    const decomposed = char.normalize('NFD');
    if (decomposed === char) continue;
    const entries = blocks.get(cp >> 8) ?? [];
    entries.push(`${cp & 0xff}:${utf16Units(decomposed)}`);
    blocks.set(cp >> 8, entries);
  }
  return joinBlocks(blocks);
}

/** Combining marks whose canonical combining class is the lowest (1) and the highest (240). */
const LOWEST_CLASS_MARK = '\u0334';
const HIGHEST_CLASS_MARK = '\u0345';

/** Whether NFD puts `second` before `first`: canonical ordering, so class(first) > class(second) > 0. */
const reorders = (first: string, second: string): boolean =>
  (first + second).normalize('NFD') === second + first;

/**
 * Canonical combining classes, read from Node's canonical ordering: a code point that NFD keeps
 * has a class above 0 when it is reordered against the mark of class 1 or the mark of class 240;
 * the classes are then ranked by sorting the marks with NFD's own ordering as the comparison.
 * The ranks (1, 2, ...) are not Unicode's numbers but order the marks exactly as they do, which
 * is all that reordering and composition compare. By block of 256 code points, each
 * `first[-last]:rank;...` for runs of offsets of one rank.
 */
export function combiningClassBlocks(): Map<number, string> {
  const marks: string[] = [];
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (isSurrogateOrHangul(cp)) continue;
    const char = String.fromCodePoint(cp);
    if (char.normalize('NFD') !== char) continue;
    if (reorders(char, LOWEST_CLASS_MARK) || reorders(HIGHEST_CLASS_MARK, char)) {
      marks.push(char);
    }
  }
  marks.sort((a, b) => (reorders(a, b) ? 1 : reorders(b, a) ? -1 : 0));
  const rankOf = new Map<number, number>();
  let rank = 0;
  marks.forEach((mark, i) => {
    const previous = marks[i - 1];
    if (previous === undefined || reorders(mark, previous)) rank++;
    rankOf.set(mark.codePointAt(0) ?? 0, rank);
  });
  const blocks = new Map<number, string[]>();
  const sorted = [...rankOf].sort(([a], [b]) => a - b);
  for (let i = 0; i < sorted.length;) {
    const [first, firstRank] = sorted[i] ?? [0, 0];
    let j = i + 1;
    while (j < sorted.length) {
      const [cp, cpRank] = sorted[j] ?? [0, 0];
      if (cp !== first + (j - i) || cpRank !== firstRank || cp >> 8 !== first >> 8) break;
      j++;
    }
    const last = first + (j - i - 1);
    const entries = blocks.get(first >> 8) ?? [];
    entries.push(`${first & 0xff}${last === first ? '' : `-${last & 0xff}`}:${firstRank}`);
    blocks.set(first >> 8, entries);
    i = j;
  }
  return joinBlocks(blocks);
}

/**
 * The primary composites of canonical composition, without Hangul, as
 * `first,second:composite;...` (code points in decimal). A code point is one when NFC keeps it
 * and its decomposition splits into a part that NFC makes one code point and a last code point
 * that NFC composes back with it; composition exclusions and singletons are left out because
 * NFC does not keep them.
 */
export function compositionPairs(): string {
  const pairs: string[] = [];
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (isSurrogateOrHangul(cp)) continue;
    const char = String.fromCodePoint(cp);
    if (char.normalize('NFC') !== char) continue;
    const decomposed = codePointsOf(char.normalize('NFD'));
    if (decomposed.length < 2) continue;
    const last = decomposed[decomposed.length - 1] ?? '';
    const first = codePointsOf(decomposed.slice(0, -1).join('').normalize('NFC'));
    const base = first[0];
    if (first.length !== 1 || base === undefined || (base + last).normalize('NFC') !== char) continue;
    pairs.push(`${base.codePointAt(0) ?? 0},${last.codePointAt(0) ?? 0}:${cp}`);
  }
  return pairs.join(';');
}

// ---------------------------------------------------------------------------------------------
// The class
// ---------------------------------------------------------------------------------------------

function renderClass(): string {
  const trailing = legalFormRows(TRAILING_LEGAL_FORMS);
  const leading = legalFormRows(LEADING_LEGAL_FORMS);
  const glued = GLUED_LEGAL_FORMS.map(
    (form) => `new GluedLegalForm(${apexString(form.code)}, ${apexString(foldText(form.affix))})`,
  );
  const blocks = foldBlocks();
  const decompositions = decompositionBlocks();
  const classes = combiningClassBlocks();
  return `/**
 * GENERATED FILE, do not edit. Written by \`${COMMAND}\`
 * from the tables of the TypeScript engine (cli/src/engine/normalize/*.ts,
 * cli/src/engine/match/tokens.ts) and from Node's Unicode normalization. Change the TypeScript
 * and run the command again; \`npm test\` fails while this file is stale.
 *
 * Data only, for the Apex mirror of the engine's normalization and matching (TextFolding,
 * CompanyNames, CustomerDomains, Countries, MatchNames). Every collection is built on first use
 * and kept for the transaction, so a transaction pays only for the tables it reads.
 */
public with sharing class NormalizationData {
  /** A legal-form spelling, already split into words the way company names are split. */
  public class LegalForm {
    /** Canonical code reported as the legal form ("gmbh", "pty ltd"). */
    public final String code;
    /** The spelling's words, space-separated. */
    public final List<String> words;
    /** Java pattern the raw name must contain for the form to count, or null. */
    public final String confirmedBy;

    /** Builds a spelling from its code, space-separated words and optional confirming pattern. */
    public LegalForm(String code, String words, String confirmedBy) {
      this.code = code;
      this.words = words.split(' ');
      this.confirmedBy = confirmedBy;
    }
  }

  /** A Chinese or Japanese legal form written glued to the name, folded. */
  public class GluedLegalForm {
    /** Canonical code reported as the legal form. */
    public final String code;
    /** The folded affix. */
    public final String affix;

    /** Builds a glued form from its code and folded affix. */
    public GluedLegalForm(String code, String affix) {
      this.code = code;
      this.affix = affix;
    }
  }
${legalFormList('trailingLegalForms', 'Forms that end a name (TRAILING_LEGAL_FORMS), one per spelling, in table order.', trailing)}
${legalFormList('leadingLegalForms', 'Forms written before the name (LEADING_LEGAL_FORMS), one per spelling, in table order.', leading)}

  /** Forms glued to Chinese and Japanese names (GLUED_LEGAL_FORMS), longest affixes first. */
  public static List<GluedLegalForm> gluedLegalForms() {
    return new List<GluedLegalForm>{ ${glued.join(', ')} };
  }
${setAccessor('connectors', 'Words for "and" dropped between two words of a company name (CONNECTORS).', [...CONNECTORS])}
${mapAccessor('letterSpellings', 'Letters that decomposition keeps whole, spelt the way people write them without it (LETTER_SPELLINGS).', LETTER_SPELLINGS)}
${setAccessor('multiLabelPublicSuffixes', 'Public suffixes of more than one label (MULTI_LABEL_PUBLIC_SUFFIXES).', [...MULTI_LABEL_PUBLIC_SUFFIXES])}
${setAccessor('parentsOfThreeLabelSuffixes', 'The last two labels of every three-label public suffix (PARENTS_OF_THREE_LABEL_SUFFIXES).', [...PARENTS_OF_THREE_LABEL_SUFFIXES])}
${setAccessor('nonPublicTopLevel', 'Top-level names that are not public on the internet (NON_PUBLIC_TOP_LEVEL).', [...NON_PUBLIC_TOP_LEVEL])}
${setAccessor('freeMailDomains', 'Registrable domains of free mailbox providers (FREE_MAIL_DOMAINS).', [...FREE_MAIL_DOMAINS])}
${setAccessor('freeMailBrands', "Free-mail brands matched on the registrable domain's label (FREE_MAIL_BRANDS).", [...FREE_MAIL_BRANDS])}
${mapAccessor('countryWordSpellings', 'Abbreviations spelt out in country names (WORD_SPELLINGS).', WORD_SPELLINGS)}
${mapAccessor('countryByKey', 'ISO 3166-1 alpha-2 code by country lookup key: every name, alias and code of countries.ts.', countryLookupTable())}
${mapAccessor('abbreviations', 'Canonical spelling of business abbreviations for matching (ABBREVIATIONS), by spelling.', abbreviationLookup())}

${blockAccessor(
  'foldBlocks',
  `NFKD without combining marks, by block of 256 code points (code point / 256): each block
   * is "offset:units;..." with the replacement's UTF-16 units in decimal, empty for a mark.`,
  blocks,
)}
${blockAccessor(
  'decompositionBlocks',
  `Canonical decompositions (NFD of one code point, Hangul syllables excepted), by block of 256
   * code points: "offset:units;..." with the decomposition's UTF-16 units in decimal.`,
  decompositions,
)}
${blockAccessor(
  'combiningClassBlocks',
  `Canonical combining classes above 0, by block of 256 code points: "first[-last]:rank;..." for
   * runs of offsets. Ranks order the classes as Unicode's numbers do (derived from Node's
   * canonical ordering) without being those numbers.`,
  classes,
)}

  /** Primary composites, Hangul excepted, as "first,second:composite;..." (code points in decimal). */
  public static String compositionPairs() {
    return String.join(${literalList(compositionPairs())}, '');
  }
}
`;
}

/** Encoded text as one literal, or as a join of literals when long. */
function literalJoin(text: string): string {
  return text.length <= CHARS_PER_LITERAL ? apexString(text) : `String.join(${literalList(text)}, '')`;
}

/**
 * A lazily built Map<Integer, String> of encoded blocks, filled by two methods (each stays far
 * below Apex's method size limit).
 */
function blockAccessor(name: string, doc: string, blocks: ReadonlyMap<number, string>): string {
  const entries = [...blocks].map(([block, text]) => `${block} => ${literalJoin(text)}`);
  const half = Math.ceil(entries.length / 2);
  const cache = `${name}Cache`;
  const fillers = [entries.slice(0, half), entries.slice(half)]
    .map(
      (part, i) => `
  private static Map<Integer, String> ${name}Part${i}() {
    return new Map<Integer, String>{ ${part.join(', ')} };
  }`,
    )
    .join('\n');
  return `
  private static Map<Integer, String> ${cache};

  /**
   * ${doc}
   */
  public static Map<Integer, String> ${name}() {
    if (${cache} == null) {
      ${cache} = ${name}Part0();
      ${cache}.putAll(${name}Part1());
    }
    return ${cache};
  }
${fillers}`;
}

/** NormalizationData.cls (formatted as `prettier --check .` expects) and its metadata. */
export async function renderNormalizationData(): Promise<GeneratedFile[]> {
  const filepath = join(PROJECT_ROOT, NORMALIZATION_DATA_FILE);
  const options = await resolveConfig(filepath);
  const apex = await format(renderClass(), { ...options, filepath });
  return [
    { path: NORMALIZATION_DATA_FILE, content: apex },
    { path: `${NORMALIZATION_DATA_FILE}-meta.xml`, content: APEX_CLASS_META },
  ];
}

if (isMain(import.meta.url)) writeOrCheck(await renderNormalizationData(), process.argv.slice(2), COMMAND);
