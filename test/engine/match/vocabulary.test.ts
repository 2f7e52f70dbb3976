import {
  BucketTableBuilder,
  hashInitials,
  hashJoined,
  hashString,
} from '../../../cli/src/engine/match/bucket-table.ts';
import { Vocabulary } from '../../../cli/src/engine/match/vocabulary.ts';

describe('Vocabulary', () => {
  test('gives each distinct word one id, across growth', () => {
    const vocabulary = new Vocabulary();
    const words = Array.from({ length: 100_000 }, (_, i) => `w${i.toString(36)}`);
    const ids = words.map((word) => vocabulary.intern(word));
    expect(ids).toEqual(words.map((_, i) => i));
    expect(words.map((word) => vocabulary.intern(word))).toEqual(ids);
    expect(vocabulary.idOf('w0')).toBe(0);
    expect(vocabulary.idOf('absent')).toBe(-1);
    expect(vocabulary.size).toBe(100_000);
  });
});

describe('BucketTable', () => {
  test('returns every record filed under a hash, whatever the collisions', () => {
    const builder = new BucketTableBuilder(4);
    for (let record = 0; record < 10_000; record++) builder.add(record % 97, record);
    const table = builder.build();
    const found: number[] = [];
    table.forEach(5, (record) => found.push(record));
    const expected = Array.from({ length: 10_000 }, (_, i) => i).filter((i) => i % 97 === 5);
    // The table may add records of colliding hashes; it must never lose one.
    expect(found.filter((record) => record % 97 === 5)).toEqual(expected);
  });

  test('word hashes equal the hash of the string they stand for', () => {
    expect(hashJoined(['blue', 'harbor'], 2)).toBe(hashString('blueharbor', 2));
    expect(hashInitials(['international', 'business', 'machines'], 3)).toBe(hashString('ibm', 3));
  });
});
