/**
 * Salesforce ids: the case-safe suffix against ids published with both forms, canonical case of
 * 18-character ids, validation, and the local org's id generator.
 */
import {
  LOCAL_POD,
  caseSafeSuffix,
  createIdGenerator,
  isValidId,
  keyPrefixOf,
  toId18,
} from '../../cli/src/localorg/ids.ts';

/**
 * 15-character ids and their 18-character forms as published:
 * - gammone.com, "How to convert Salesforce ID from 15 to 18 chars" (worked example);
 * - theblogreaders.com, "What is the difference between a 15 digit and a 18 digit Salesforce ID?";
 * - Salesforce documentation examples (REST API and Connect request bodies, Analytics XMD);
 * - an identity URL recorded from a real sandbox in go-force's test fixtures.
 */
const PUBLISHED: readonly (readonly [string, string])[] = [
  ['a0D30000001n7Pi', 'a0D30000001n7PiEAI'],
  ['0019000000B98de', '0019000000B98deAAB'],
  ['001xx000003GYkJ', '001xx000003GYkJAAW'],
  ['005xx000001X7tN', '005xx000001X7tNAAS'],
  ['00DB00000003brX', '00DB00000003brXMAQ'],
  ['00DB0000000pqd1', '00DB0000000pqd1MAA'],
  ['00DV0025306tGV5', '00DV0025306tGV5MAM'],
  ['00D2O0000008niw', '00D2O0000008niwUAA'],
  ['0052O000000XKDe', '0052O000000XKDeQAO'],
];

describe('caseSafeSuffix and toId18', () => {
  it.each(PUBLISHED)('%s becomes %s', (id15, id18) => {
    expect(caseSafeSuffix(id15)).toBe(id18.slice(15));
    expect(toId18(id15)).toBe(id18);
  });

  it('marks each upper-case letter of a chunk with its bit, first character lowest', () => {
    expect(caseSafeSuffix('000000000000000')).toBe('AAA');
    expect(caseSafeSuffix('A0000000000000a')).toBe('BAA');
    expect(caseSafeSuffix('0000Z00000Q0000')).toBe('QAB');
    expect(caseSafeSuffix('ABCDEFGHIJKLMNO')).toBe('555');
    expect(caseSafeSuffix('abcdeFGHIJklmno')).toBe('A5A');
  });

  it('returns a correct 18-character id unchanged', () => {
    for (const [, id18] of PUBLISHED) expect(toId18(id18)).toBe(id18);
  });

  it('restores the case an 18-character id encodes when its letters were re-cased', () => {
    expect(toId18('001xx000003gykjaaw')).toBe('001xx000003GYkJAAW');
    expect(toId18('001XX000003GYKJAAW')).toBe('001xx000003GYkJAAW');
    expect(toId18('a0d30000001N7PIeai')).toBe('a0D30000001n7PiEAI');
  });

  it('throws on values that are not ids', () => {
    expect(() => toId18('')).toThrow('Not a Salesforce id');
    expect(() => toId18('001xx000003GYk')).toThrow('Not a Salesforce id');
    expect(() => toId18('001xx000003GYkJA')).toThrow('Not a Salesforce id');
    expect(() => toId18('001xx000003GYkJAAWX')).toThrow('Not a Salesforce id');
    expect(() => toId18('001xx-00003GYkJ')).toThrow('Not a Salesforce id');
    expect(() => toId18('001xx000003GYkJAA9')).toThrow('Not a Salesforce id');
    // B marks the first character of the first chunk ("0") as an upper-case letter.
    expect(() => toId18('0019000000B98deBAB')).toThrow('marks character 1 ("0") as an upper-case letter');
    expect(() => caseSafeSuffix('001xx000003GYkJAAW')).toThrow('Not a 15-character Salesforce id');
  });
});

describe('isValidId', () => {
  it('accepts 15-character ids and 18-character ids with their exact suffix', () => {
    for (const [id15, id18] of PUBLISHED) {
      expect(isValidId(id15)).toBe(true);
      expect(isValidId(id18)).toBe(true);
    }
  });

  it('rejects a wrong suffix', () => {
    expect(isValidId('001xx000003GYkJAAA')).toBe(false);
    expect(isValidId('001xx000003GYkJAAX')).toBe(false);
    expect(isValidId('001xx000003GYkJaaw')).toBe(false);
    expect(isValidId('001xx000003gykjAAW')).toBe(false);
  });

  it('rejects other lengths, characters and types', () => {
    for (const value of [
      '',
      '001',
      '001xx000003GYkJA',
      '001xx000003GYkJAAWW',
      '001xx 00003GYkJ',
      '001xx000003GYk_',
    ]) {
      expect([value, isValidId(value)]).toEqual([value, false]);
    }
    expect(isValidId(null)).toBe(false);
    expect(isValidId(42)).toBe(false);
    expect(isValidId(undefined)).toBe(false);
  });
});

describe('createIdGenerator', () => {
  it('lays ids out as key prefix, pod, base-62 record number and suffix', () => {
    const ids = createIdGenerator('001', 0);
    const first = ids.next();
    expect(first).toBe(`001${LOCAL_POD}000000000AAA`);
    expect(ids.next()).toBe(`001${LOCAL_POD}000000001AAA`);
    const later = createIdGenerator('a01', 62 * 62 + 35);
    // 3879 = 1*62^2 + 0*62 + 35 -> "10Z"; Z is the 15th character, bit 4 of the third chunk.
    expect(later.next()).toBe(`a01${LOCAL_POD}00000010ZAAQ`);
    expect(later.next()).toBe(`a01${LOCAL_POD}00000010aAAA`);
  });

  it('mints unique, valid 18-character ids of its key prefix, in sorting order', () => {
    const ids = createIdGenerator('a0Z', 1000);
    const minted = Array.from({ length: 20000 }, () => ids.next());
    expect(new Set(minted).size).toBe(minted.length);
    expect(new Set(minted.map((id) => id.toLowerCase())).size).toBe(minted.length);
    const invalid = minted.filter((id) => !isValidId(id) || id.length !== 18 || keyPrefixOf(id) !== 'a0Z');
    expect(invalid).toEqual([]);
    const sorted = [...minted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(sorted).toEqual(minted);
    for (const id of minted.slice(0, 200)) expect(toId18(id.slice(0, 15))).toBe(id);
  });

  it('reports the next record number, so that a restart resumes the sequence', () => {
    const first = createIdGenerator('003', 5);
    expect(first.peek()).toBe(5);
    const before = [first.next(), first.next(), first.next()];
    expect(first.peek()).toBe(8);
    const resumed = createIdGenerator('003', first.peek());
    const after = [resumed.next(), resumed.next()];
    const fresh = createIdGenerator('003', 5);
    expect([fresh.next(), fresh.next(), fresh.next(), fresh.next(), fresh.next()]).toEqual([
      ...before,
      ...after,
    ]);
  });

  it('covers every safe integer within the 15 characters', () => {
    const last = createIdGenerator('001', Number.MAX_SAFE_INTEGER).next();
    expect(last).toHaveLength(18);
    expect(isValidId(last)).toBe(true);
  });

  it('refuses a bad key prefix or first number', () => {
    expect(() => createIdGenerator('01', 0)).toThrow('Not a key prefix');
    expect(() => createIdGenerator('0_1', 0)).toThrow('Not a key prefix');
    expect(() => createIdGenerator('001', -1)).toThrow('non-negative safe integer');
    expect(() => createIdGenerator('001', 1.5)).toThrow('non-negative safe integer');
  });
});
