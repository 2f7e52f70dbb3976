/**
 * An in-memory index of records (accounts, or other partners' registrations)
 * that finds the few that are probably the same customer as a query, without
 * comparing the query against every record.
 *
 * Candidates come from blocking keys, each a small hash bucket:
 *   - the registrable web domain;
 *   - the name's letters written together (the same name, or the same words spaced differently);
 *   - every unordered pair of the name's first words (word order is noise), with
 *     each misspelt query word widened to the vocabulary words one edit away;
 *   - acronyms: a one-word query against the initials of longer names, and a
 *     long query's initials against one-word names;
 *   - rare words (few records contain them), rarest first, as a safety net.
 * Every candidate is then scored by `score.ts`; only those at or above the
 * threshold are returned, best first.
 */
import { countryCode, customerDomainKey } from '../normalize/index.ts';
import {
  BucketTable,
  BucketTableBuilder,
  hashInitials,
  hashJoined,
  hashPair,
  hashString,
} from './bucket-table.ts';
import { combineScore, nameSimilarity, type NameAgreement } from './score.ts';
import { withinOneEdit } from './similarity.ts';
import { matchName } from './tokens.ts';
import { Vocabulary } from './vocabulary.ts';

export interface MatchableRecord {
  id: string;
  name: string;
  /** Website, domain or e-mail address. */
  domain?: string | null;
  /** Country name or code. */
  country?: string | null;
}

export interface MatchQuery {
  name: string;
  domain?: string | null;
  country?: string | null;
}

export type EvidenceKind =
  | 'same-domain'
  | 'different-domain'
  | 'same-name'
  | 'similar-name'
  | 'joined-name'
  | 'acronym'
  | 'same-country'
  | 'different-country'
  | 'linked-account';

export interface Evidence {
  kind: EvidenceKind;
  detail: string;
}

export interface MatchResult {
  id: string;
  score: number;
  evidence: Evidence[];
}

export interface MatchOptions {
  threshold: number;
  maxCandidates: number;
}

export interface MatchIndexStats {
  records: number;
  vocabulary: number;
  /** Bytes held by the index's typed arrays (the vocabulary strings come on top). */
  typedArrayBytes: number;
}

const SEED_DOMAIN = 1;
const SEED_NAME = 2;
const SEED_ACRONYM = 3;
const SEED_PREFIX = 4;
const SEED_SUFFIX = 5;
/** Words contained in at most this many records are used alone as blocking keys. */
const RARE_WORD_RECORDS = 40;
/** A one-word query also looks at every record containing that word, up to this many. */
const SINGLE_WORD_RECORDS = 3000;
/** Only the first words of a name form pairs: enough to survive a typo or a dropped word. */
const PAIR_WORDS = 5;
const COUNTRY_UNKNOWN = 0;

interface PreparedQuery {
  name: string;
  tokens: string[];
  domain: string | null;
  domainHash: number;
  country: string | null;
}

export class MatchIndex {
  private readonly records: readonly MatchableRecord[];
  private readonly vocabulary: Vocabulary;
  private readonly words: string[];
  /** Record -> its token ids, as compressed sparse rows. */
  private readonly recordTokenStart: Uint32Array;
  private readonly recordTokens: Int32Array;
  /** Token id -> the records containing it, as compressed sparse rows. */
  private readonly postingStart: Uint32Array;
  private readonly postings: Int32Array;
  private readonly domainHashes: Int32Array;
  private readonly countries: Uint16Array;
  private readonly countryCodes: string[];
  private readonly byDomain: BucketTable;
  private readonly byName: BucketTable;
  private readonly byPair: BucketTable;
  private readonly byAcronym: BucketTable;
  private readonly vocabularyByPrefix: BucketTable;
  private readonly vocabularyBySuffix: BucketTable;
  /** Visit stamps per record, so that a candidate is scored once per query without a Set. */
  private readonly visited: Uint32Array;
  private stamp = 0;

  private constructor(records: readonly MatchableRecord[]) {
    this.records = records;
    this.vocabulary = new Vocabulary();
    this.words = this.vocabulary.words;
    this.countryCodes = [''];
    const countryIds = new Map<string, number>();
    const count = records.length;
    this.recordTokenStart = new Uint32Array(count + 1);
    this.domainHashes = new Int32Array(count);
    this.countries = new Uint16Array(count);
    this.visited = new Uint32Array(count);

    let tokens = new Int32Array(Math.max(16, count * 3));
    let tokenCount = 0;
    const domains = new BucketTableBuilder(count);
    const names = new BucketTableBuilder(count);
    const pairs = new BucketTableBuilder(count * 3);
    const acronyms = new BucketTableBuilder(count);

    for (let r = 0; r < count; r++) {
      const record = records[r] as MatchableRecord;
      const words = matchName(record.name).tokens;
      const first = tokenCount;
      for (const word of words) {
        const id = this.vocabulary.intern(word);
        if (tokenCount === tokens.length) {
          const grown = new Int32Array(tokens.length * 2);
          grown.set(tokens);
          tokens = grown;
        }
        tokens[tokenCount++] = id;
      }
      this.recordTokenStart[r + 1] = tokenCount;

      // Filed under its letters written together: the same name, and "BlueHarbor" / "Blue Harbor", meet here.
      if (words.length > 0) names.add(hashJoined(words, SEED_NAME), r);
      if (words.length > 1) acronyms.add(hashInitials(words, SEED_ACRONYM), r);
      const pairEnd = first + Math.min(words.length, PAIR_WORDS);
      for (let i = first; i < pairEnd; i++) {
        for (let j = i + 1; j < pairEnd; j++) pairs.add(hashPair(tokens[i] ?? 0, tokens[j] ?? 0), r);
      }

      const domain = record.domain ? customerDomainKey(record.domain) : null;
      if (domain) {
        const hash = domainHash(domain);
        this.domainHashes[r] = hash;
        domains.add(hash, r);
      }
      const country = record.country ? countryCode(record.country) : null;
      if (country) {
        let countryId = countryIds.get(country);
        if (countryId === undefined) {
          countryId = this.countryCodes.length;
          countryIds.set(country, countryId);
          this.countryCodes.push(country);
        }
        this.countries[r] = countryId;
      }
    }
    this.recordTokens = tokens.slice(0, tokenCount);
    this.byDomain = domains.build();
    this.byName = names.build();
    this.byPair = pairs.build();
    this.byAcronym = acronyms.build();

    // Postings: two passes over the record tokens (count, then fill), no per-word arrays.
    this.postingStart = new Uint32Array(this.words.length + 1);
    for (let i = 0; i < tokenCount; i++) {
      const slot = (this.recordTokens[i] ?? 0) + 1;
      this.postingStart[slot] = (this.postingStart[slot] ?? 0) + 1;
    }
    for (let w = 0; w < this.words.length; w++) {
      this.postingStart[w + 1] = (this.postingStart[w + 1] ?? 0) + (this.postingStart[w] ?? 0);
    }
    const fill = this.postingStart.slice(0, this.words.length);
    this.postings = new Int32Array(tokenCount);
    for (let r = 0; r < count; r++) {
      const end = this.recordTokenStart[r + 1] ?? 0;
      for (let i = this.recordTokenStart[r] ?? 0; i < end; i++) {
        // A word repeated within one name is posted twice; candidates() visits each record once anyway.
        const word = this.recordTokens[i] ?? 0;
        const at = fill[word] ?? 0;
        this.postings[at] = r;
        fill[word] = at + 1;
      }
    }

    // Misspelt query words are looked up among vocabulary words sharing their first or last three letters.
    const prefixes = new BucketTableBuilder();
    const suffixes = new BucketTableBuilder();
    this.words.forEach((word, id) => {
      if (word.length < 4) return;
      prefixes.add(hashString(word.slice(0, 3), SEED_PREFIX), id);
      suffixes.add(hashString(word.slice(-3), SEED_SUFFIX), id);
    });
    this.vocabularyByPrefix = prefixes.build();
    this.vocabularyBySuffix = suffixes.build();
  }

  static build(records: readonly MatchableRecord[]): MatchIndex {
    return new MatchIndex(records);
  }

  get size(): number {
    return this.records.length;
  }

  stats(): MatchIndexStats {
    const arrays = [
      this.recordTokenStart,
      this.recordTokens,
      this.postingStart,
      this.postings,
      this.domainHashes,
      this.countries,
      this.visited,
    ];
    const tables = [
      this.vocabulary,
      this.byDomain,
      this.byName,
      this.byPair,
      this.byAcronym,
      this.vocabularyByPrefix,
      this.vocabularyBySuffix,
    ];
    return {
      records: this.records.length,
      vocabulary: this.words.length,
      typedArrayBytes:
        arrays.reduce((sum, array) => sum + array.byteLength, 0) +
        tables.reduce((sum, table) => sum + table.byteLength, 0),
    };
  }

  /** Records that are probably the same customer as `query`, best first. */
  match(query: MatchQuery, options: MatchOptions): MatchResult[] {
    const prepared = prepareQuery(query);
    const candidates = this.candidates(prepared);
    const scored: { record: number; score: number; agreement: NameAgreement; name: number }[] = [];
    for (const record of candidates) {
      const recordWords = this.wordsOf(record);
      const name = nameSimilarity(prepared.tokens, recordWords);
      const sameDomain = this.sameDomain(prepared, record);
      const sameCountry = this.sameCountry(prepared, record);
      const score = combineScore(name.similarity, sameDomain, sameCountry);
      if (score >= options.threshold) {
        scored.push({ record, score, agreement: name.agreement, name: name.similarity });
      }
    }
    // Equal scores keep the records' original order, so that results are stable.
    scored.sort((a, b) => b.score - a.score || a.record - b.record);
    return scored.slice(0, options.maxCandidates).map(({ record, score, agreement, name }) => ({
      id: (this.records[record] as MatchableRecord).id,
      score,
      evidence: this.evidenceFor(prepared, record, agreement, name),
    }));
  }

  private wordsOf(record: number): string[] {
    const words: string[] = [];
    const end = this.recordTokenStart[record + 1] ?? 0;
    for (let i = this.recordTokenStart[record] ?? 0; i < end; i++) {
      words.push(this.words[this.recordTokens[i] ?? 0] ?? '');
    }
    return words;
  }

  private sameDomain(query: PreparedQuery, record: number): boolean | null {
    const recordHash = this.domainHashes[record] ?? 0;
    if (query.domain === null || recordHash === 0) return null;
    return recordHash === query.domainHash;
  }

  private sameCountry(query: PreparedQuery, record: number): boolean | null {
    const recordCountry = this.countries[record] ?? COUNTRY_UNKNOWN;
    if (query.country === null || recordCountry === COUNTRY_UNKNOWN) return null;
    return this.countryCodes[recordCountry] === query.country;
  }

  /** Vocabulary ids a query word may stand for: itself, and words one typo away. */
  private wordOptions(word: string): number[] {
    const options: number[] = [];
    const exact = this.vocabulary.idOf(word);
    if (exact !== -1) options.push(exact);
    // A word present in many records is most likely spelt right; a rare or unknown one may be a typo.
    const frequent = exact !== -1 && this.recordsWith(exact) > 2;
    if (word.length < 4 || frequent) return options;
    const consider = (id: number): void => {
      if (id !== exact && !options.includes(id) && withinOneEdit(word, this.words[id] ?? ''))
        options.push(id);
    };
    this.vocabularyByPrefix.forEach(hashString(word.slice(0, 3), SEED_PREFIX), consider);
    this.vocabularyBySuffix.forEach(hashString(word.slice(-3), SEED_SUFFIX), consider);
    return options;
  }

  private recordsWith(wordId: number): number {
    return (this.postingStart[wordId + 1] ?? 0) - (this.postingStart[wordId] ?? 0);
  }

  private candidates(query: PreparedQuery): number[] {
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.visited.fill(0);
      this.stamp = 1;
    }
    const found: number[] = [];
    const add = (record: number): void => {
      if (this.visited[record] !== this.stamp) {
        this.visited[record] = this.stamp;
        found.push(record);
      }
    };
    const { tokens } = query;
    if (query.domain !== null) this.byDomain.forEach(query.domainHash, add);
    if (tokens.length > 0) this.byName.forEach(hashJoined(tokens, SEED_NAME), add);
    // An acronym meets the initials of the long name it stands for, either way round.
    if (tokens.length === 1) this.byAcronym.forEach(hashJoined(tokens, SEED_ACRONYM), add);
    if (tokens.length > 1) this.byName.forEach(hashInitials(tokens, SEED_NAME), add);

    const options = tokens.slice(0, PAIR_WORDS).map((word) => this.wordOptions(word));
    for (let i = 0; i < options.length; i++) {
      for (let j = i + 1; j < options.length; j++) {
        for (const a of options[i] ?? []) {
          for (const b of options[j] ?? []) this.byPair.forEach(hashPair(a, b), add);
        }
      }
    }
    const wordLimit = tokens.length === 1 ? SINGLE_WORD_RECORDS : RARE_WORD_RECORDS;
    for (const ids of options) {
      for (const id of ids) {
        const start = this.postingStart[id] ?? 0;
        const end = this.postingStart[id + 1] ?? 0;
        if (end - start > wordLimit) continue;
        for (let p = start; p < end; p++) add(this.postings[p] ?? 0);
      }
    }
    return found;
  }

  private evidenceFor(
    query: PreparedQuery,
    record: number,
    agreement: NameAgreement,
    name: number,
  ): Evidence[] {
    const target = this.records[record] as MatchableRecord;
    const evidence: Evidence[] = [];
    const sameDomain = this.sameDomain(query, record);
    if (sameDomain === true)
      evidence.push({ kind: 'same-domain', detail: `same web domain ${query.domain ?? ''}` });
    if (sameDomain === false) {
      const theirs = target.domain ? customerDomainKey(target.domain) : null;
      evidence.push({
        kind: 'different-domain',
        detail: `web domains differ: ${query.domain ?? ''} / ${theirs ?? ''}`,
      });
    }
    const shown = `"${query.name}" / "${target.name}"`;
    if (agreement === 'exact') evidence.push({ kind: 'same-name', detail: `same name ${shown}` });
    if (agreement === 'joined')
      evidence.push({ kind: 'joined-name', detail: `same letters, spaced differently ${shown}` });
    if (agreement === 'acronym') evidence.push({ kind: 'acronym', detail: `acronym ${shown}` });
    if (agreement === 'tokens') {
      evidence.push({ kind: 'similar-name', detail: `similar name ${shown} (${name.toFixed(2)})` });
    }
    const sameCountry = this.sameCountry(query, record);
    const theirCountry = this.countryCodes[this.countries[record] ?? 0] ?? '';
    if (sameCountry === true) evidence.push({ kind: 'same-country', detail: `both in ${theirCountry}` });
    if (sameCountry === false) {
      evidence.push({
        kind: 'different-country',
        detail: `countries differ: ${query.country ?? ''} / ${theirCountry}`,
      });
    }
    return evidence;
  }
}

/** Never 0: 0 marks a record without a domain. */
function domainHash(domain: string): number {
  return hashString(domain, SEED_DOMAIN) || 1;
}

function prepareQuery(query: MatchQuery): PreparedQuery {
  const name = matchName(query.name);
  const domain = query.domain ? customerDomainKey(query.domain) : null;
  return {
    name: query.name,
    tokens: name.tokens,
    domain,
    domainHash: domain ? domainHash(domain) : 0,
    country: query.country ? countryCode(query.country) : null,
  };
}
