/**
 * The matching benchmark: index N generated accounts, match M noisy registrations
 * against them, and compare with the naive way (score every registration against
 * every account) measured in the same run on a sample and scaled.
 */
import { countryCode, customerDomainKey } from '../../cli/src/engine/normalize/index.ts';
import {
  MatchIndex,
  combineScore,
  matchName,
  nameSimilarity,
  type MatchableRecord,
} from '../../cli/src/engine/match/index.ts';
import { generateAccounts, generateRegistrations, type GeneratedRegistration } from '../generate/index.ts';
import { settleHeap, heapBytes, seconds } from './measure.ts';

export interface MatchBenchOptions {
  accounts: number;
  registrations: number;
  naiveSample: number;
  seed: string;
  threshold: number;
}

export interface MatchBenchResult {
  accounts: number;
  generateSeconds: number;
  indexSeconds: number;
  indexHeapMB: number;
  vocabulary: number;
  registrations: number;
  matchSeconds: number;
  registrationsPerSecond: number;
  precision: number;
  recall: number;
  naiveSample: number;
  naiveSecondsPerRegistration: number;
  naiveRecall: number;
  indexedRecallOnSample: number;
  speedupVsNaive: number;
}

interface Quality {
  precision: number;
  recall: number;
}

/** Precision: matches that are the right account; recall: registrations of known accounts that found it. */
function quality(truths: readonly GeneratedRegistration[], predicted: readonly (string | null)[]): Quality {
  let predictedCount = 0;
  let correct = 0;
  let known = 0;
  truths.forEach((truth, i) => {
    const guess = predicted[i] ?? null;
    if (truth.truthAccountId !== null) known++;
    if (guess !== null) {
      predictedCount++;
      if (guess === truth.truthAccountId) correct++;
    }
  });
  return { precision: predictedCount ? correct / predictedCount : 1, recall: known ? correct / known : 1 };
}

/** Scores one registration against every record: what matching looks like without an index. */
function naiveBest(
  registration: GeneratedRegistration['registration'],
  prepared: { tokens: string[]; domain: string | null; country: string | null }[],
  records: readonly MatchableRecord[],
  threshold: number,
): string | null {
  const tokens = matchName(registration.customerName).tokens;
  const domain = registration.customerDomain ? customerDomainKey(registration.customerDomain) : null;
  const country = registration.customerCountry ? countryCode(registration.customerCountry) : null;
  let best: string | null = null;
  let bestScore = threshold;
  for (let i = 0; i < prepared.length; i++) {
    const candidate = prepared[i] as (typeof prepared)[number];
    const name = nameSimilarity(tokens, candidate.tokens).similarity;
    const sameDomain = domain && candidate.domain ? domain === candidate.domain : null;
    const sameCountry = country && candidate.country ? country === candidate.country : null;
    const score = combineScore(name, sameDomain, sameCountry);
    if (score > bestScore || (score === bestScore && best === null)) {
      bestScore = score;
      best = (records[i] as MatchableRecord).id;
    }
  }
  return best;
}

export function benchMatch(options: MatchBenchOptions): MatchBenchResult {
  const matchOptions = { threshold: options.threshold, maxCandidates: 1 };

  const generateStart = performance.now();
  const accounts = generateAccounts(options.accounts, options.seed);
  let generateSeconds = seconds(generateStart);
  const records: MatchableRecord[] = accounts.map((a) => ({
    id: a.id,
    name: a.name,
    domain: a.website,
    country: a.country,
  }));

  settleHeap();
  const heapBefore = heapBytes();
  const indexStart = performance.now();
  const index = MatchIndex.build(records);
  const indexSeconds = seconds(indexStart);
  settleHeap();
  const indexHeapMB = (heapBytes() - heapBefore) / 1024 / 1024;

  // Generated after the build: the generator keeps its own lookup of every account, whose garbage
  // would otherwise be collected inside the timed build.
  const registrationsStart = performance.now();
  const registrations = generateRegistrations(accounts, options.registrations, options.seed);
  generateSeconds += seconds(registrationsStart);

  const matchStart = performance.now();
  const predicted = registrations.map(({ registration }) => {
    const [best] = index.match(
      {
        name: registration.customerName,
        domain: registration.customerDomain,
        country: registration.customerCountry,
      },
      matchOptions,
    );
    return best?.id ?? null;
  });
  const matchSeconds = seconds(matchStart);
  const overall = quality(registrations, predicted);

  // The naive baseline gets every account pre-normalized for free: only the comparisons are timed.
  const prepared = accounts.map((a) => ({
    tokens: matchName(a.name).tokens,
    domain: customerDomainKey(a.website),
    country: countryCode(a.country),
  }));
  const sample = registrations.slice(0, options.naiveSample);
  const naiveStart = performance.now();
  const naivePredicted = sample.map(({ registration }) =>
    naiveBest(registration, prepared, records, options.threshold),
  );
  const naiveSecondsPerRegistration = seconds(naiveStart) / Math.max(1, sample.length);

  const matchSecondsPerRegistration = matchSeconds / Math.max(1, registrations.length);
  return {
    accounts: accounts.length,
    generateSeconds,
    indexSeconds,
    indexHeapMB,
    vocabulary: index.stats().vocabulary,
    registrations: registrations.length,
    matchSeconds,
    registrationsPerSecond: registrations.length / matchSeconds,
    precision: overall.precision,
    recall: overall.recall,
    naiveSample: sample.length,
    naiveSecondsPerRegistration,
    naiveRecall: quality(sample, naivePredicted).recall,
    indexedRecallOnSample: quality(sample, predicted.slice(0, sample.length)).recall,
    speedupVsNaive: naiveSecondsPerRegistration / matchSecondsPerRegistration,
  };
}
