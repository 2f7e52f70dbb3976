import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import {
  applyProposedDowngrade,
  decideTier,
  evaluateTier,
  recalculateTiers,
  validateTiersConfig,
  type PartnerTierState,
} from '../../cli/src/engine/tiers/index.ts';
import type {
  IsoDate,
  MetricName,
  PartnerMetric,
  TierDefinition,
  TiersConfig,
} from '../../cli/src/engine/types.ts';

interface TierVector {
  id: string;
  description: string;
  configOverrides?: Partial<TiersConfig>;
  asOf: IsoDate;
  state: PartnerTierState;
  metrics: PartnerMetric[];
  expected: {
    qualifiedTier: string;
    score: number;
    nextTier: string | null;
    nextTierNeeds: { metric: MetricName; gap: number }[];
    nextState: PartnerTierState;
    change: { kind: string; fromTier: string | null; toTier: string; effectiveOn: IsoDate } | null;
    periodsUsed?: number;
    windowStart?: IsoDate;
    windowEnd?: IsoDate;
    reasonIncludes?: string[];
  };
}

interface TierVectorSuite {
  suite: string;
  config: TiersConfig;
  cases: TierVector[];
}

const vectorsPath = fileURLToPath(new URL('../vectors/tiers.json', import.meta.url));
const suite = JSON.parse(readFileSync(vectorsPath, 'utf8')) as TierVectorSuite;

function configFor(vector: TierVector): TiersConfig {
  return { ...suite.config, ...vector.configOverrides };
}

function metric(
  partnerAccountId: string,
  periodStart: IsoDate,
  values: Partial<PartnerMetric> = {},
): PartnerMetric {
  return {
    partnerAccountId,
    periodStart,
    sourcedRevenue: 0,
    influencedRevenue: 0,
    dealsWon: 0,
    dealsRegistered: 0,
    certifications: 0,
    satisfactionScore: null,
    ...values,
  };
}

describe('tier vectors', () => {
  test('the suite is the tiers suite, with a sound configuration and enough cases', () => {
    expect(suite.suite).toBe('tiers');
    expect(validateTiersConfig(suite.config)).toEqual([]);
    expect(suite.cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(suite.cases.map((vector) => vector.id)).size).toBe(suite.cases.length);
  });

  test.each(suite.cases.map((vector) => [`${vector.id} ${vector.description}`, vector] as const))(
    '%s',
    (_title, vector) => {
      const config = configFor(vector);
      const decision = decideTier(vector.state, vector.metrics, config, vector.asOf);
      const { evaluation, nextState, change } = decision;
      const { periodsUsed, windowStart, windowEnd, reasonIncludes, ...expected } = vector.expected;

      expect({
        qualifiedTier: evaluation.qualifiedTier,
        score: evaluation.score,
        nextTier: evaluation.nextTier?.tier ?? null,
        nextTierNeeds: (evaluation.nextTier?.needs ?? []).map((need) => ({
          metric: need.metric,
          gap: need.gap,
        })),
        nextState,
        change: change && {
          kind: change.kind,
          fromTier: change.fromTier,
          toTier: change.toTier,
          effectiveOn: change.effectiveOn,
        },
      }).toEqual(expected);

      const optional = { periodsUsed, windowStart, windowEnd };
      const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
      expect(evaluation).toMatchObject({
        partnerAccountId: vector.state.partnerAccountId,
        asOf: vector.asOf,
        ...present,
      });
      if (change) expect(change.partnerAccountId).toBe(vector.state.partnerAccountId);
      for (const fragment of reasonIncludes ?? []) expect(change?.reason).toContain(fragment);

      // evaluateTier is the evaluation half of decideTier, on its own.
      expect(evaluateTier(vector.state.partnerAccountId, vector.metrics, config, vector.asOf)).toEqual(
        evaluation,
      );
    },
  );
});

describe('evaluateTier', () => {
  test('lists every tier lowest rank first, whatever the order of the configuration', () => {
    const shuffled: TiersConfig = { ...suite.config, tiers: [...suite.config.tiers].reverse() };
    const evaluation = evaluateTier('p1', [], shuffled, '2026-11-25');
    expect(evaluation.checks.map((check) => [check.tier, check.rank])).toEqual([
      ['Registered', 0],
      ['Silver', 1],
      ['Gold', 2],
      ['Platinum', 3],
    ]);
  });

  test('reports each criterion with its actual, requirement and gap', () => {
    const rows = ['2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01'].map((periodStart) =>
      metric('p1', periodStart, { sourcedRevenue: 100_000, dealsWon: 2, certifications: 2 }),
    );
    const silver = evaluateTier('p1', rows, suite.config, '2026-11-25').checks[1];
    expect(silver).toEqual({
      tier: 'Silver',
      rank: 1,
      qualified: true,
      criteria: [
        { metric: 'sourcedRevenue', aggregate: 'sum', required: 250_000, actual: 400_000, met: true, gap: 0 },
        { metric: 'dealsWon', aggregate: 'sum', required: 4, actual: 8, met: true, gap: 0 },
        { metric: 'certifications', aggregate: 'latest', required: 1, actual: 2, met: true, gap: 0 },
      ],
    });
  });

  test('rejects an evaluation date that is not a calendar date', () => {
    expect(() => evaluateTier('p1', [], suite.config, '2026-02-30')).toThrow(RangeError);
  });
});

describe('decideTier reasons', () => {
  const goldOnThreeMetrics: TiersConfig = {
    version: 't',
    trailingQuarters: 4,
    gracePeriodDays: 90,
    maxStepsDownPerRun: 1,
    tiers: [
      { name: 'Registered', rank: 0, criteria: [] },
      {
        name: 'Gold',
        rank: 1,
        criteria: [
          { metric: 'sourcedRevenue', aggregate: 'sum', min: 1_000_000 },
          { metric: 'dealsWon', aggregate: 'sum', min: 12 },
          { metric: 'certifications', aggregate: 'latest', min: 4 },
        ],
      },
    ],
  };
  const registered: PartnerTierState = {
    partnerAccountId: 'p1',
    tier: 'Registered',
    status: 'OK',
    tierSince: '2025-01-01',
    graceStartedOn: null,
  };

  test('an upgrade names every figure, with thousands separators that do not depend on the locale', () => {
    const rows = [
      metric('p1', '2026-01-01', { sourcedRevenue: 600_000, dealsWon: 6, certifications: 3 }),
      metric('p1', '2026-07-01', { sourcedRevenue: 650_000, dealsWon: 8, certifications: 5 }),
    ];
    const { change } = decideTier(registered, rows, goldOnThreeMetrics, '2026-11-25');
    expect(change?.reason).toBe(
      'Upgraded to Gold: sourced revenue 1,250,000 ≥ 1,000,000; deals won 14 ≥ 12; certifications 5 ≥ 4.',
    );
  });

  test('a grace period names the unmet figures, its end date and the tier it would drop to', () => {
    const gold: PartnerTierState = { ...registered, tier: 'Gold' };
    const rows = [metric('p1', '2026-07-01', { sourcedRevenue: 987_654.5, dealsWon: 12, certifications: 3 })];
    const { change } = decideTier(gold, rows, goldOnThreeMetrics, '2026-11-25');
    expect(change).toMatchObject({ kind: 'grace-started', fromTier: 'Gold', toTier: 'Registered' });
    expect(change?.reason).toContain('sourced revenue 987,654.5 < 1,000,000');
    expect(change?.reason).toContain('certifications 3 < 4');
    expect(change?.reason).not.toContain('deals won');
    expect(change?.reason).toContain('2027-02-23');
  });
});

describe('recalculateTiers', () => {
  const standardCases = suite.cases.filter(
    (vector) => !vector.configOverrides && vector.asOf === '2026-11-25',
  );

  test('decides a mixed population exactly as decideTier does one partner at a time, in the order given', () => {
    const states = [...standardCases].reverse().map((vector) => vector.state);
    const metrics = standardCases.flatMap((vector) => vector.metrics);
    const { decisions, changes } = recalculateTiers(states, metrics, suite.config, '2026-11-25');

    expect(decisions.map((decision) => decision.evaluation.partnerAccountId)).toEqual(
      states.map((state) => state.partnerAccountId),
    );
    const oneByOne = states.map((state) => decideTier(state, metrics, suite.config, '2026-11-25'));
    expect(decisions).toEqual(oneByOne);
    expect(changes).toEqual(oneByOne.flatMap((decision) => (decision.change ? [decision.change] : [])));
    expect(new Set(changes.map((change) => change.kind))).toEqual(
      new Set(['initial', 'upgrade', 'grace-started', 'grace-cleared', 'downgrade-proposed']),
    );
  });

  test('a partner with no rows is judged on none, and rows of partners not asked about are ignored', () => {
    const states: PartnerTierState[] = [
      { partnerAccountId: 'quiet', tier: null, status: 'OK', tierSince: null, graceStartedOn: null },
    ];
    const metrics = [metric('someone-else', '2026-07-01', { sourcedRevenue: 9_000_000 })];
    const { decisions, changes } = recalculateTiers(states, metrics, suite.config, '2026-11-25');
    expect(decisions[0]?.evaluation).toMatchObject({ periodsUsed: 0, qualifiedTier: 'Registered' });
    expect(changes).toEqual([
      expect.objectContaining({ partnerAccountId: 'quiet', kind: 'initial', toTier: 'Registered' }),
    ]);
  });
});

describe('applyProposedDowngrade', () => {
  const platinumInGrace: PartnerTierState = {
    partnerAccountId: 'p1',
    tier: 'Platinum',
    status: 'Grace',
    tierSince: '2024-01-15',
    graceStartedOn: '2026-06-01',
  };

  test('confirms the proposal a run made: the tier drops, grace is cleared, the tier starts anew', () => {
    const proposal = decideTier(platinumInGrace, [], suite.config, '2026-11-25');
    expect(proposal.change).toMatchObject({ kind: 'downgrade-proposed', toTier: 'Gold' });

    const confirmed = applyProposedDowngrade(
      proposal.nextState,
      suite.config,
      '2026-12-02',
      proposal.change?.toTier ?? '',
    );
    expect(confirmed).toEqual({
      nextState: {
        partnerAccountId: 'p1',
        tier: 'Gold',
        status: 'OK',
        tierSince: '2026-12-02',
        graceStartedOn: null,
      },
      change: {
        partnerAccountId: 'p1',
        kind: 'downgrade-confirmed',
        fromTier: 'Platinum',
        toTier: 'Gold',
        reason: 'Downgrade from Platinum to Gold confirmed after the grace period that began on 2026-06-01.',
        effectiveOn: '2026-12-02',
      },
    });
  });

  test('refuses a state without a proposal, and a target the rules could not have proposed', () => {
    const proposed: PartnerTierState = { ...platinumInGrace, status: 'Proposed Downgrade' };
    expect(() => applyProposedDowngrade(platinumInGrace, suite.config, '2026-12-02', 'Gold')).toThrow(
      /No downgrade is proposed/,
    );
    expect(() => applyProposedDowngrade(proposed, suite.config, '2026-12-02', 'Silver')).toThrow(
      /at most 1 step/,
    );
    expect(() => applyProposedDowngrade(proposed, suite.config, '2026-12-02', 'Platinum')).toThrow(
      /at most 1 step/,
    );
    expect(() => applyProposedDowngrade(proposed, suite.config, '2026-12-02', 'Diamond')).toThrow(
      /not configured/,
    );
  });
});

describe('validateTiersConfig', () => {
  const base = (tiers: TierDefinition[]): TiersConfig => ({
    version: 't',
    trailingQuarters: 4,
    gracePeriodDays: 90,
    maxStepsDownPerRun: 1,
    tiers,
  });
  const entry: TierDefinition = { name: 'Registered', rank: 0, criteria: [] };

  test('accepts the vectors configuration', () => {
    expect(validateTiersConfig(suite.config)).toEqual([]);
  });

  test('finds duplicate names (ignoring case) and duplicate ranks', () => {
    expect(
      validateTiersConfig(
        base([entry, { name: 'Gold', rank: 1, criteria: [] }, { name: 'gold', rank: 1, criteria: [] }]),
      ),
    ).toEqual([
      'Tier names must be unique (ignoring case): "Gold", "gold".',
      'Tier ranks must be unique: rank 1 is used by Gold, gold.',
    ]);
  });

  test('requires an entry tier of rank 0 without criteria, and no negative rank', () => {
    expect(validateTiersConfig(base([{ name: 'Silver', rank: 1, criteria: [] }]))).toEqual([
      expect.stringContaining('No entry tier'),
    ]);
    expect(
      validateTiersConfig(
        base([
          { name: 'Basic', rank: -1, criteria: [] },
          { name: 'Registered', rank: 0, criteria: [{ metric: 'dealsWon', aggregate: 'sum', min: 1 }] },
        ]),
      ),
    ).toEqual([
      'Tier Basic has rank -1; ranks start at 0, the entry tier.',
      'The entry tier Registered (rank 0) must have no criteria, so that every partner qualifies for a tier.',
    ]);
  });

  test('finds a higher tier easier than a lower one, by a lower minimum or a missing criterion', () => {
    expect(
      validateTiersConfig(
        base([
          entry,
          {
            name: 'Silver',
            rank: 1,
            criteria: [
              { metric: 'sourcedRevenue', aggregate: 'sum', min: 250_000 },
              { metric: 'certifications', aggregate: 'latest', min: 2 },
            ],
          },
          {
            name: 'Gold',
            rank: 2,
            criteria: [
              { metric: 'sourcedRevenue', aggregate: 'sum', min: 200_000 },
              { metric: 'certifications', aggregate: 'max', min: 5 },
            ],
          },
        ]),
      ),
    ).toEqual([
      'Tier Gold requires sourcedRevenue (sum) ≥ 200,000, less than the lower tier Silver (250,000).',
      'Tier Gold has no criterion on certifications (latest), yet the lower tier Silver requires 2.',
    ]);
  });

  test('finds two criteria on the same metric and aggregate in one tier', () => {
    expect(
      validateTiersConfig(
        base([
          entry,
          {
            name: 'Silver',
            rank: 1,
            criteria: [
              { metric: 'dealsWon', aggregate: 'sum', min: 3 },
              { metric: 'dealsWon', aggregate: 'sum', min: 4 },
            ],
          },
        ]),
      ),
    ).toEqual(['Tier Silver has 2 criteria on dealsWon (sum); keep one.']);
  });
});
