import type { Random } from '../lib/random.ts';
import type { CountryProfile } from './countries/index.ts';
import { COUNTRIES } from './countries/index.ts';
import type { HashSet } from './hashing.ts';
import { hashString } from './hashing.ts';
import { descriptors, groupWords, nouns } from './lexicon/english.ts';
import type { Language } from './lexicon/types.ts';
import { domainSpelling } from './text.ts';
import { WeightedTable } from './weighted-table.ts';

/**
 * Company websites derived from the core name the way companies pick them: the whole
 * name run together or hyphenated, or a short form, under the country's domain or .com;
 * when that is taken, the variations real companies settle for ("acme-group.de",
 * "acmeonline.com", "acme24.de").
 */

const JOINING_WORDS = new Set(['and', 'und', 'et', 'y', 'e', 'en', 'och', 'og', 'ja', 'i', '&']);
const FALLBACK_SUFFIXES = ['group', 'online', 'hq', 'global', 'web', 'direct', 'team', 'info'];
const MAX_LABEL_LENGTH = 40;
/** A word that needs no spelling out: one piece of lower-case letters and digits. */
const PLAIN_WORD = /^[a-z0-9]+$/;

/**
 * Words no company would use alone as its domain: "farmaceutica.com.br" is not how
 * "Farmacêutica Amazonas" is reached, "miami.com" is not "Miami Aviation", and
 * "storm.com" is not "Storm Solutions".
 */
const GENERIC_LABELS: ReadonlySet<string> = new Set(
  [
    ...descriptors,
    ...nouns,
    ...groupWords,
    ...COUNTRIES.flatMap((country) => [
      ...country.places,
      ...country.languages.flatMap(([lexicon]) => [...lexicon.trades, ...lexicon.institutional.flat(2)]),
    ]),
  ].map((word) => domainSpelling(word, 'en')),
);

type LabelForm = 'joined' | 'hyphenated' | 'short';
const SHORT_FIRST: readonly LabelForm[] = ['short', 'joined', 'hyphenated'];
const JOINED_FIRST: readonly LabelForm[] = ['joined', 'hyphenated', 'short'];
const HYPHENATED_FIRST: readonly LabelForm[] = ['hyphenated', 'joined', 'short'];

const tldTables = new WeakMap<CountryProfile, WeightedTable<string>>();

function drawTld(random: Random, country: CountryProfile): string {
  let table = tldTables.get(country);
  if (!table) {
    table = new WeightedTable(country.tlds);
    tldTables.set(country, table);
  }
  return table.draw(random);
}

/**
 * Makes websites whose registrable domains are not in `usedDomains` (hashes of
 * "label.tld"), and adds the domains it hands out there.
 */
export class WebsiteMaker {
  private readonly random: Random;
  private readonly usedDomains: HashSet;

  constructor(random: Random, usedDomains: HashSet) {
    this.random = random;
    this.usedDomains = usedDomains;
  }

  /**
   * @param words the core name's words, as the name generator made them.
   * @param serial unique per call with these used domains; the last resort for a unique label.
   */
  create(words: readonly string[], language: Language, country: CountryProfile, serial: number): string {
    const tld = drawTld(this.random, country);
    const label = this.claimLabel(this.labelWords(words, language), `.${tld}`, serial);
    return formatWebsite(this.random, label, tld);
  }

  /** "Müller & Söhne" -> ["mueller", "soehne"] in German; hyphens inside a word disappear. */
  private labelWords(words: readonly string[], language: Language): string[] {
    const result: string[] = [];
    for (const word of words) {
      const lower = word.toLowerCase();
      if (PLAIN_WORD.test(lower)) {
        if (!JOINING_WORDS.has(lower)) result.push(lower);
        continue;
      }
      for (const piece of lower.split(' ')) {
        const spelled = domainSpelling(piece, language);
        if (spelled.length > 0 && !JOINING_WORDS.has(spelled)) result.push(spelled);
      }
    }
    return result;
  }

  private claimLabel(words: readonly string[], dotTld: string, serial: number): string {
    const random = this.random;
    const joined = words.join('') || 'company';
    // The order a company would like them in: long names go for the short form first.
    const roll = random.next();
    const long = joined.length > 22;
    const order = (long ? roll < 0.6 : roll < 0.2)
      ? SHORT_FIRST
      : roll < (long ? 0.8 : 0.75)
        ? JOINED_FIRST
        : HYPHENATED_FIRST;
    for (const form of order) {
      const label = form === 'joined' ? joined : form === 'hyphenated' ? words.join('-') : shortForm(words);
      if (this.claim(label, dotTld)) return label;
    }
    const base = long ? shortForm(words).slice(0, MAX_LABEL_LENGTH - 6) : joined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const label = [base, random.pick(FALLBACK_SUFFIXES)].join(random.chance(0.5) ? '-' : '');
      if (this.claim(label, dotTld)) return label;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const label = [base, random.int(1, 99)].join('');
      if (this.claim(label, dotTld)) return label;
    }
    // The last resort: a label numbered from the serial, which is unique per company.
    for (let number = serial; ; number++) {
      const label = [base.slice(0, 30), '-x', number.toString(36)].join('');
      if (this.claim(label, dotTld)) return label;
    }
  }

  private claim(label: string, dotTld: string): boolean {
    return (
      label.length >= 2 &&
      label.length <= MAX_LABEL_LENGTH &&
      this.usedDomains.addIfAbsent(hashString(label, dotTld))
    );
  }
}

/**
 * The short form of a name: "blue harbor software" -> "blueharbor", "thornton electric" ->
 * "thornton", formal names of four words or more -> their initials. Generic words alone
 * do not make a short form: they shrink to initials before a distinctive word
 * ("przedsiebiorstwo handlowouslugowe kowalski" -> "ph-kowalski"), or all to initials.
 */
function shortForm(words: readonly string[]): string {
  const first = words[0] ?? 'company';
  const second = words[1] ?? '';
  if (words.length >= 4) return initials(words);
  if (words.length === 3) {
    if (!(GENERIC_LABELS.has(first) && GENERIC_LABELS.has(second))) return first + second;
    const distinctive = words.filter((word) => !GENERIC_LABELS.has(word));
    const generic = words.filter((word) => GENERIC_LABELS.has(word));
    return distinctive.length > 0 ? `${initials(generic)}-${distinctive.join('')}` : initials(words);
  }
  if (words.length === 2 && first.length >= 4 && !GENERIC_LABELS.has(first)) return first;
  return words.join('');
}

function initials(words: readonly string[]): string {
  return words.map((word) => word.charAt(0)).join('');
}

function formatWebsite(random: Random, label: string, tld: string): string {
  const roll = random.next();
  const prefix =
    roll < 0.35
      ? 'www.'
      : roll < 0.55
        ? 'https://www.'
        : roll < 0.6
          ? 'http://www.'
          : roll < 0.72
            ? 'https://'
            : roll < 0.75
              ? 'https://www.'
              : '';
  // Joined, not concatenated: V8 keeps a concatenation as a tree of pieces, and a million
  // of those cost far more memory than flat strings.
  return [prefix, label, '.', tld, roll >= 0.72 && roll < 0.75 ? '/' : ''].join('');
}

/** "https://www.acme.co.uk/" -> "acme.co.uk": generated websites carry no subdomain but "www". */
export function websiteDomain(website: string): string {
  let host = website;
  const scheme = host.indexOf('://');
  if (scheme >= 0) host = host.slice(scheme + 3);
  const slash = host.indexOf('/');
  if (slash >= 0) host = host.slice(0, slash);
  return host.startsWith('www.') ? host.slice(4) : host;
}
