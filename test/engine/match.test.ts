import { MatchIndex, type MatchableRecord, type MatchQuery } from '../../cli/src/engine/match/index.ts';
import { caseTitle, readVectors, type VectorCase } from '../helpers/vectors.ts';

interface MatchCase extends VectorCase {
  query: MatchQuery;
  expected: { best: string | null; matched: string[]; evidence?: string[] };
}

interface MatchVectors {
  threshold: number;
  maxCandidates: number;
  records: MatchableRecord[];
  cases: MatchCase[];
}

const vectors = readVectors('match.json') as MatchVectors;
const options = { threshold: vectors.threshold, maxCandidates: vectors.maxCandidates };
const index = MatchIndex.build(vectors.records);

describe('matching vectors', () => {
  test('the vector file is well formed', () => {
    const ids = vectors.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(vectors.cases.length).toBeGreaterThanOrEqual(25);
  });

  test.each(vectors.cases.map((c) => [caseTitle(c), c] as const))('%s', (_title, vector) => {
    const results = index.match(vector.query, options);
    expect(results.map((result) => result.id)).toEqual(vector.expected.matched);
    expect(results[0]?.id ?? null).toBe(vector.expected.best);
    if (vector.expected.evidence) {
      expect(results[0]?.evidence.map((evidence) => evidence.kind)).toEqual(vector.expected.evidence);
    }
    for (const result of results) expect(result.score).toBeGreaterThanOrEqual(vectors.threshold);
  });
});

describe('MatchIndex', () => {
  test('finds the same matches as comparing against every record one by one', () => {
    // The blocking keys must never lose a match that an exhaustive comparison finds.
    for (const vector of vectors.cases) {
      const exhaustive = vectors.records
        .flatMap((record) => MatchIndex.build([record]).match(vector.query, options))
        .sort((a, b) => b.score - a.score)
        .map((result) => result.id);
      expect(
        index
          .match(vector.query, options)
          .map((result) => result.id)
          .sort(),
      ).toEqual([...exhaustive].sort());
    }
  });

  test('reports its size and memory', () => {
    const stats = index.stats();
    expect(stats.records).toBe(vectors.records.length);
    expect(stats.vocabulary).toBeGreaterThan(20);
    expect(stats.typedArrayBytes).toBeGreaterThan(0);
  });

  test('returns no more than maxCandidates, best first', () => {
    const twins = Array.from({ length: 30 }, (_, i) => ({
      id: `r${i}`,
      name: 'Acme Corporation',
      domain: null,
      country: null,
    }));
    const results = MatchIndex.build(twins).match({ name: 'Acme' }, { threshold: 0.85, maxCandidates: 5 });
    expect(results.map((r) => r.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });
});
