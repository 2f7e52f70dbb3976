import {
  buildCandidateSources,
  decideWithEvidence,
  gatherEvidence,
  type CandidateSet,
  type Decision,
  type DecisionConfig,
} from '../../../cli/src/engine/rules/index.ts';
import type {
  CustomerAccount,
  Opportunity,
  Partner,
  Registration,
  TierDefinition,
  MatchingConfig,
  ProtectionConfig,
  RulesOfEngagementConfig,
} from '../../../cli/src/engine/types.ts';
import { readVectors } from '../../helpers/vectors.ts';

interface RulesVectors {
  config: {
    matching: MatchingConfig;
    rulesOfEngagement: RulesOfEngagementConfig;
    protection: ProtectionConfig;
    tiers: TierDefinition[];
  };
  world: {
    partners: Partner[];
    accounts: CustomerAccount[];
    opportunities: Opportunity[];
    registrations: Registration[];
  };
  cases: { id: string; now: string; registration: Registration; expected: { outcome: string } }[];
}

const vectors = readVectors('rules.json') as RulesVectors;
const { world } = vectors;
const config: DecisionConfig = vectors.config;

/** Decides a vector case as rules.test.ts does, with the given candidate sets reported cut. */
function decide(caseId: string, cut: readonly CandidateSet[] | undefined): Decision {
  const vector = vectors.cases.find((c) => c.id === caseId);
  if (!vector) throw new Error(`no vector ${caseId}`);
  const { registration } = vector;
  const partner = world.partners.find((p) => p.id === registration.partnerAccountId);
  if (!partner) throw new Error(`${caseId}: unknown partner`);
  const sources = buildCandidateSources({ ...world, registrations: [...world.registrations, registration] });
  const evidence = { ...gatherEvidence(registration, sources, config.matching), candidateLimitReached: cut };
  return decideWithEvidence(registration, partner, evidence, config, vector.now);
}

describe('a decision on evidence cut by a candidate cap', () => {
  test('what would have been Approved goes to review, in the plain In Review words, with the cut sets recorded', () => {
    const complete = decide('rules-002', undefined);
    expect(complete.outcome).toBe('Approved');
    expect(complete.candidateLimitReached).toEqual([]);

    const cut = decide('rules-002', ['registrations', 'accounts']);
    expect(cut).toMatchObject({
      outcome: 'In Review',
      conflictStatus: complete.conflictStatus,
      decidingRuleId: complete.decidingRuleId,
      summaryCode: null,
      partnerSummary: 'In review. A channel manager will review it and let you know.',
      decidedAt: null,
      protectionExpiresOn: null,
      candidateLimitReached: ['accounts', 'registrations'],
    });
    // The trace still shows what the rules said, so the reviewer sees why the engine held back.
    expect(cut.trace).toEqual(complete.trace);
  });

  test('an empty list of cut sets is complete evidence', () => {
    expect(decide('rules-002', []).outcome).toBe('Approved');
  });

  test.each([
    ['rules-001', 'Rejected'],
    ['rules-007', 'In Review'],
  ])('%s stays %s, its reason kept', (caseId, outcome) => {
    const complete = decide(caseId, undefined);
    const cut = decide(caseId, ['opportunities']);
    expect(complete.outcome).toBe(outcome);
    expect(cut).toEqual({ ...complete, candidateLimitReached: ['opportunities'] });
  });
});
