/**
 * Benchmark of a bulk tier recalculation: a seeded, realistic partner population, then
 * `recalculateTiers` alone under the clock (generating the data is timed separately).
 */
import { addDays } from '../../cli/src/engine/dates.ts';
import {
  recalculateTiers,
  trailingQuartersWindow,
  type PartnerTierState,
} from '../../cli/src/engine/tiers/index.ts';
import type {
  IsoDate,
  PartnerMetric,
  TierDefinition,
  TierStatus,
  TiersConfig,
} from '../../cli/src/engine/types.ts';
import { createRandom, type Random } from '../lib/random.ts';

export interface TierBenchResult {
  partners: number;
  quarters: number;
  metricRows: number;
  generateSeconds: number;
  seconds: number;
  partnersPerSecond: number;
  /** Changes by kind, e.g. `{ upgrade: 812, 'grace-started': 1204 }`. */
  changes: Record<string, number>;
}

export function benchTiers(options: {
  partners: number;
  quarters: number;
  seed: string;
  config: TiersConfig;
  asOf: IsoDate;
}): TierBenchResult {
  const { partners, quarters, seed, config, asOf } = options;
  const generateStart = performance.now();
  const { states, metrics } = generatePopulation(createRandom(seed), partners, quarters, config, asOf);
  const generateSeconds = (performance.now() - generateStart) / 1000;

  globalThis.gc?.();
  const start = performance.now();
  const { changes } = recalculateTiers(states, metrics, config, asOf);
  const seconds = (performance.now() - start) / 1000;

  const changesByKind: Record<string, number> = {};
  for (const change of changes) changesByKind[change.kind] = (changesByKind[change.kind] ?? 0) + 1;
  return {
    partners,
    quarters,
    metricRows: metrics.length,
    generateSeconds: round(generateSeconds, 3),
    seconds: round(seconds, 3),
    partnersPerSecond: Math.round(partners / seconds),
    changes: changesByKind,
  };
}

interface PartnerProfile {
  /** Quarterly sourced revenue at the latest quarter. */
  quarterlyRevenue: number;
  /** Growth per quarter: negative for a declining partner. */
  growth: number;
  influenceRatio: number;
  averageDealSize: number;
  certifications: number;
  /** Chance that no satisfaction survey was answered in a quarter. */
  surveyGapChance: number;
  baseSatisfaction: number;
}

function generatePopulation(
  random: Random,
  partners: number,
  quarters: number,
  config: TiersConfig,
  asOf: IsoDate,
): { states: PartnerTierState[]; metrics: PartnerMetric[] } {
  const periodStarts = quarterStarts(asOf, quarters);
  const ladder = [...config.tiers].sort((a, b) => a.rank - b.rank);
  const states: PartnerTierState[] = [];
  const metrics: PartnerMetric[] = [];
  for (let index = 0; index < partners; index++) {
    const partnerAccountId = `001BENCH${String(index).padStart(10, '0')}`;
    const profile = partnerProfile(random);
    periodStarts.forEach((periodStart, quarter) => {
      metrics.push(
        quarterRow(random, partnerAccountId, periodStart, profile, periodStarts.length - 1 - quarter),
      );
    });
    states.push(currentState(random, partnerAccountId, profile, ladder, asOf));
  }
  return { states, metrics };
}

function partnerProfile(random: Random): PartnerProfile {
  // Pareto (alpha 1.2): most partners are small, a few carry most of the revenue.
  const scale = Math.min(400, (1 - random.next()) ** (-1 / 1.2));
  const trend = random.weighted([
    ['growing', 30],
    ['steady', 45],
    ['declining', 25],
  ] as const);
  const growth =
    trend === 'growing'
      ? 0.02 + random.next() * 0.1
      : trend === 'declining'
        ? -0.02 - random.next() * 0.1
        : -0.02 + random.next() * 0.04;
  return {
    quarterlyRevenue: 15_000 * scale,
    growth,
    influenceRatio: 0.3 + random.next() * 1.2,
    averageDealSize: random.int(20_000, 80_000),
    certifications: Math.floor(Math.log2(scale + 1) * (1 + random.next() * 2)),
    // Small partners answer fewer surveys.
    surveyGapChance: scale < 4 ? 0.5 : 0.15,
    baseSatisfaction: random.int(60, 95),
  };
}

function quarterRow(
  random: Random,
  partnerAccountId: string,
  periodStart: IsoDate,
  profile: PartnerProfile,
  quartersAgo: number,
): PartnerMetric {
  const idle = profile.quarterlyRevenue < 30_000 && random.chance(0.1);
  const level = profile.quarterlyRevenue * (1 + profile.growth) ** -quartersAgo * (0.6 + random.next() * 0.8);
  const sourcedRevenue = idle ? 0 : Math.round(level);
  const dealsWon = Math.round(sourcedRevenue / profile.averageDealSize);
  return {
    partnerAccountId,
    periodStart,
    sourcedRevenue,
    influencedRevenue: idle ? 0 : Math.round(level * profile.influenceRatio),
    dealsWon,
    dealsRegistered: dealsWon + random.int(0, dealsWon + 2),
    certifications: Math.max(
      0,
      profile.certifications - Math.floor(quartersAgo * profile.growth * 2) + random.int(-1, 0),
    ),
    satisfactionScore: random.chance(profile.surveyGapChance)
      ? null
      : Math.min(100, Math.max(0, profile.baseSatisfaction + random.int(-8, 8))),
  };
}

/**
 * Where the org has the partner today: mostly the tier last year's revenue earned. Declining
 * partners often still hold the tier above it, some already in grace or with a downgrade proposed;
 * a few were never tiered, or hold a tier that has since been retired.
 */
function currentState(
  random: Random,
  partnerAccountId: string,
  profile: PartnerProfile,
  ladder: readonly TierDefinition[],
  asOf: IsoDate,
): PartnerTierState {
  const untiered = {
    partnerAccountId,
    tier: null,
    status: 'OK' as TierStatus,
    tierSince: null,
    graceStartedOn: null,
  };
  if (random.chance(0.04)) return untiered;
  const tierSince = addDays(asOf, -random.int(30, 1500));
  if (random.chance(0.005)) return { ...untiered, tier: 'Legacy Elite', tierSince };

  const lastYearRevenue =
    profile.quarterlyRevenue * 4 * (1 + profile.growth) ** -4 * (0.8 + random.next() * 0.4);
  const earned = Math.max(
    0,
    ladder.findLastIndex((tier) => sourcedRevenueMinimum(tier) <= lastYearRevenue),
  );
  const slipping = profile.growth < -0.02 && earned < ladder.length - 1 && random.chance(0.4);
  const held = { ...untiered, tier: ladder[slipping ? earned + 1 : earned]?.name ?? null, tierSince };
  if (!slipping)
    return random.chance(0.02)
      ? { ...held, status: 'Grace', graceStartedOn: addDays(asOf, -random.int(1, 150)) }
      : held;
  const roll = random.next();
  if (roll < 0.35) return held;
  if (roll < 0.85) return { ...held, status: 'Grace', graceStartedOn: addDays(asOf, -random.int(1, 150)) };
  return { ...held, status: 'Proposed Downgrade', graceStartedOn: addDays(asOf, -random.int(91, 200)) };
}

function sourcedRevenueMinimum(tier: TierDefinition): number {
  const criterion = tier.criteria.find((c) => c.metric === 'sourcedRevenue' && c.aggregate === 'sum');
  return criterion?.min ?? 0;
}

/** The first days of the `count` complete quarters before the one containing `asOf`, oldest first. */
function quarterStarts(asOf: IsoDate, count: number): IsoDate[] {
  const start = trailingQuartersWindow(asOf, count).start;
  const firstMonth = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, quarter) => {
    const month = firstMonth + quarter * 3;
    return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;
  });
}

function round(value: number, decimals: number): number {
  return Math.round(value * 10 ** decimals) / 10 ** decimals;
}
